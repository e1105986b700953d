import { useState, type FormEvent } from 'react';
import { ApiError, useApi } from '../../api';
import { ErrorSummary, SubmitButton } from '../../components';
import { useForm, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { Link, navigate, paths } from '../../router';
import { useSession } from '../../session';

type Gone = 'invalid' | 'taken';

/** The token of the mailed link: it rides in the fragment (`#token=…`), which no server sees. */
const tokenOf = (hash: string): string | undefined =>
  new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? undefined;

function GoneNotice({ gone }: { gone: Gone }) {
  return (
    <div className="notice notice-warn" role="status">
      <p className="notice-title">{t(`signUpConfirm.${gone}.title`)}</p>
      <p>{t(`signUpConfirm.${gone}.body`)}</p>
      <p>
        {gone === 'taken' ? (
          <Link to={paths.signIn()}>{t('nav.signIn')}</Link>
        ) : (
          <Link to={paths.providerSignUp()}>{t('signUpConfirm.again')}</Link>
        )}
      </p>
    </div>
  );
}

/**
 * The page of the mailed sign-up link: one button creates the provider and its account, signs
 * it in and continues to the clusters it can apply to. A button rather than a request on load,
 * because mail scanners that open links (and run their script) would otherwise use the link up
 * before its owner does.
 */
export function ConfirmSignUpPage() {
  const api = useApi();
  const { signIn } = useSession();
  const [token] = useState(() => tokenOf(window.location.hash));
  const [gone, setGone] = useState<Gone | undefined>(token ? undefined : 'invalid');
  const form = useForm(['token']);
  useTitle(t('signUpConfirm.title'));

  const finish = async () => {
    try {
      signIn(await api.confirmProviderSignUp(token ?? ''));
      navigate(paths.providerClusters(), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'SIGNUP.LINK_INVALID' || error.status === 400))
        return setGone('invalid');
      if (error instanceof ApiError && error.code === 'USER.EMAIL_TAKEN') return setGone('taken');
      throw error;
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(() => ({}), finish);
  };

  return (
    <div className="page narrow">
      <h1>{t('signUpConfirm.title')}</h1>
      {gone ? (
        <GoneNotice gone={gone} />
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
          <p>{t('signUpConfirm.intro')}</p>
          <ErrorSummary items={form.summary} />
          <div className="actions">
            <SubmitButton busy={form.busy} label={t('signUpConfirm.finish')} busyLabel={t('signUpConfirm.finishing')} />
          </div>
        </form>
      )}
    </div>
  );
}
