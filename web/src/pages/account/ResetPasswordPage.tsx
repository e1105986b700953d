import { useState, type FormEvent } from 'react';
import { ApiError, useApi } from '../../api';
import { ErrorSummary, SubmitButton, SuccessNotice } from '../../components';
import { useForm, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';
import { NewPasswordFields } from './NewPasswordFields';
import { AGAIN_ID, checkNewPassword, tokenOf } from './password';

function InvalidLink() {
  return (
    <div className="notice notice-warn" role="status">
      <p className="notice-title">{t('reset.invalid.title')}</p>
      <p>{t('reset.invalid.body')}</p>
      <p>
        <Link to={paths.forgotPassword()}>{t('reset.again')}</Link>
      </p>
    </div>
  );
}

/**
 * The page of the mailed reset link (`/reset-password#token=…`): a new password, twice. A used
 * or expired link says so and offers a new one rather than a bare error.
 */
export function ResetPasswordPage() {
  const api = useApi();
  const [token] = useState(() => tokenOf(window.location.hash));
  const [state, setState] = useState<'form' | 'invalid' | 'done'>(token ? 'form' : 'invalid');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const form = useForm(['password', AGAIN_ID]);
  useTitle(t('reset.title'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      () => checkNewPassword({}, 'password', { password, again }),
      async () => {
        try {
          await api.confirmPasswordReset(token ?? '', password);
          setState('done');
        } catch (error) {
          const badToken = error instanceof ApiError && error.errors.some((x) => x.field === 'token');
          if (error instanceof ApiError && (error.code === 'AUTH.RESET_INVALID' || badToken))
            return setState('invalid');
          throw error;
        }
      },
    );
  };

  return (
    <div className="page narrow">
      <h1>{t('reset.title')}</h1>
      {state === 'invalid' ? (
        <InvalidLink />
      ) : state === 'done' ? (
        <SuccessNotice title={t('reset.done')}>
          <p>
            <Link to={paths.signIn()}>{t('nav.signIn')}</Link>
          </p>
        </SuccessNotice>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
          <p>{t('reset.intro')}</p>
          <ErrorSummary items={form.summary} />
          <NewPasswordFields
            id="password"
            password={password}
            again={again}
            onPassword={setPassword}
            onAgain={setAgain}
            errors={form.errors}
          />
          <div className="actions">
            <SubmitButton busy={form.busy} label={t('reset.save')} busyLabel={t('reset.saving')} />
          </div>
        </form>
      )}
    </div>
  );
}
