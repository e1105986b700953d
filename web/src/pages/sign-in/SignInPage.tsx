import { useState, type FormEvent } from 'react';
import { ApiError, useApi } from '../../api';
import { Field, errorMessage } from '../../components';
import { useTitle } from '../../hooks';
import { t } from '../../i18n';
import { Link, navigate, paths } from '../../router';
import { useSession } from '../../session';

type Errors = { email?: string[]; password?: string[] };

function validate(email: string, password: string): Errors {
  const errors: Errors = {};
  if (!email.trim()) errors.email = [t('signIn.emailRequired')];
  if (!password) errors.password = [t('signIn.passwordRequired')];
  return errors;
}

/** Where the API's answer belongs: field errors by field; bad credentials under the password. */
function fromApi(error: unknown): Errors {
  if (error instanceof ApiError && error.errors.length > 0) {
    return { email: error.messagesFor('email'), password: error.messagesFor('password') };
  }
  if (error instanceof ApiError && error.status === 401) return { password: [t('signIn.badCredentials')] };
  return { password: [errorMessage(error)] };
}

/** Email and password; on success back to where the user was going. */
export function SignInPage({ next }: { next: string | undefined }) {
  const api = useApi();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  useTitle(t('signIn.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate(email, password);
    setErrors(found);
    if (found.email || found.password) {
      document.getElementById(found.email ? 'email' : 'password')?.focus();
      return;
    }
    setBusy(true);
    try {
      signIn(await api.signIn(email.trim(), password));
      navigate(next ?? paths.home(), { replace: true });
    } catch (error) {
      const placed = fromApi(error);
      setErrors(placed);
      setBusy(false);
      document.getElementById(placed.email?.length ? 'email' : 'password')?.focus();
    }
  };

  return (
    <div className="page narrow">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <Field label={t('signIn.email')} id="email" errors={errors.email}>
          {(ids) => (
            <input
              {...ids}
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('signIn.password')} id="password" errors={errors.password}>
          {(ids) => (
            <input
              {...ids}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
      <p>
        <Link to={paths.forgotPassword()}>{t('forgot.link')}</Link>
      </p>
      <p>
        <Link to={paths.results()}>{t('results.signInLink')}</Link>
      </p>
    </div>
  );
}
