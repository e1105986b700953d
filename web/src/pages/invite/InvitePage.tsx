import { useState } from 'react';
import type { InvitationSummary } from '../../api';
import { SuccessNotice } from '../../components';
import { formatDateTime } from '../../format';
import { useOutboxAvailable, useRequireUser, useTitle } from '../../hooks';
import { t, tKey } from '../../i18n';
import { Link, paths } from '../../router';
import { InviteForm } from './InviteForm';
import { INVITABLE } from '@bds/core/who-invites';

interface Props {
  role: string | undefined;
  clusterId: string | undefined;
  associationId: string | undefined;
}

/** Invite a person: the roles offered are the ones this user may invite. */
export function InvitePage({ role, clusterId, associationId }: Props) {
  const user = useRequireUser(paths.invite({ role, clusterId, associationId }));
  const hasOutbox = useOutboxAvailable();
  const [sent, setSent] = useState<InvitationSummary[]>([]);
  const [round, setRound] = useState(0);
  useTitle(t('invite.title'));
  if (!user) return null;
  const allowed = INVITABLE[user.role].length > 0;
  const last = sent[0];
  return (
    <div className="page narrow">
      <h1>{t('invite.title')}</h1>
      {!allowed ? (
        <p className="notice">{t('invite.notAllowed')}</p>
      ) : (
        <>
          <p>{t('invite.intro')}</p>
          {last && (
            <SuccessNotice
              title={t('invite.sent', {
                name: last.name,
                role: tKey('role', last.role),
                organisation: last.organisationName,
              })}
            >
              <p>{t('invite.sentDetail', { email: last.email, until: formatDateTime(last.expiresAt) })}</p>
              {hasOutbox && (
                <p>
                  <Link to={paths.outbox(last.email)}>{t('invite.readOutbox')}</Link>
                </p>
              )}
            </SuccessNotice>
          )}
          <InviteForm
            key={round}
            user={user}
            initial={{
              ...(role ? { role } : {}),
              ...(clusterId ? { clusterId } : {}),
              ...(associationId ? { associationId } : {}),
            }}
            onSent={(summary) => {
              setSent((s) => [summary, ...s]);
              setRound((r) => r + 1);
            }}
          />
        </>
      )}
    </div>
  );
}
