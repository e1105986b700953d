import { useState } from 'react';
import { ApiError, useApi, type InvitationPreview } from '../../api';
import { ErrorNotice, Loading } from '../../components';
import { formatDateTime } from '../../format';
import { useResource, useTitle } from '../../hooks';
import { t, tKey } from '../../i18n';
import { Link, paths } from '../../router';
import { useSession } from '../../session';
import { AcceptForm } from './AcceptForm';

type Gone = 'used' | 'expired' | 'invalid';

/** Why a link cannot be used, from the API's answer: 404 (or a malformed token) invalid, 409 expired. */
function goneOf(error: unknown): Gone | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'INVITATION.EXPIRED') return 'expired';
  if (error.code === 'INVITATION.USED') return 'used';
  if (error.status === 404 || error.status === 400) return 'invalid';
  return undefined;
}

function GoneNotice({ gone }: { gone: Gone }) {
  return (
    <div className="notice notice-warn" role="status">
      <p className="notice-title">{t(`invitation.${gone}.title`)}</p>
      <p>{t(`invitation.${gone}.body`)}</p>
      {gone === 'used' && (
        <p>
          <Link to={paths.signIn()}>{t('nav.signIn')}</Link>
        </p>
      )}
    </div>
  );
}

function Summary({ invitation }: { invitation: InvitationPreview }) {
  return (
    <dl className="meta meta-wide">
      <div>
        <dt>{t('invitation.for')}</dt>
        <dd>{invitation.name}</dd>
      </div>
      <div>
        <dt>{t('invitation.email')}</dt>
        <dd>{invitation.email}</dd>
      </div>
      <div>
        <dt>{t('invitation.role')}</dt>
        <dd>{tKey('role', invitation.role)}</dd>
      </div>
      <div>
        <dt>{t('invitation.organisation')}</dt>
        <dd>{invitation.organisationName}</dd>
      </div>
      <div>
        <dt>{t('invitation.expires')}</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </div>
    </dl>
  );
}

/** An invitation link: who it is for and as what, then a password to accept it, once. */
export function InvitationPage({ token }: { token: string }) {
  const api = useApi();
  const { user } = useSession();
  const [preview, reload] = useResource((signal) => api.previewInvitation(token, signal), [api, token]);
  const [goneLater, setGoneLater] = useState<Gone | undefined>(undefined);
  useTitle(t('invitation.title'));
  const gone: Gone | undefined =
    goneLater ?? (preview.state === 'error' ? goneOf(preview.error) : preview.data?.accepted ? 'used' : undefined);
  return (
    <div className="page narrow">
      <h1>{t('invitation.title')}</h1>
      {preview.state === 'loading' && <Loading />}
      {gone && <GoneNotice gone={gone} />}
      {preview.state === 'error' && !gone && <ErrorNotice error={preview.error} onRetry={reload} />}
      {preview.state === 'ok' && !gone && (
        <>
          <p className="lede">
            {t('invitation.intro', {
              role: tKey('role', preview.data.role),
              organisation: preview.data.organisationName,
            })}
          </p>
          <Summary invitation={preview.data} />
          {user && <p className="notice">{t('invitation.signedInAs', { name: user.name })}</p>}
          <h2>{t('invitation.chooseHeading')}</h2>
          <AcceptForm
            token={token}
            invitation={preview.data}
            onGone={(code) =>
              setGoneLater(code === 'INVITATION.EXPIRED' ? 'expired' : code === 'INVITATION.USED' ? 'used' : 'invalid')
            }
          />
        </>
      )}
    </div>
  );
}
