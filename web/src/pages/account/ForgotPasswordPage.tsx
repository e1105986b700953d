import { useState, type FormEvent } from 'react';
import { useApi } from '../../api';
import { ErrorSummary, SubmitButton, SuccessNotice, TextInput } from '../../components';
import { required, useForm, useOutboxAvailable, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';

/** Asks for a reset link by mail; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const api = useApi();
  const hasOutbox = useOutboxAvailable();
  const form = useForm(['email']);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string>();
  useTitle(t('forgot.title'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const check = () => {
      const placed = {};
      required(placed, 'email', email, t('forgot.emailRequired'));
      return placed;
    };
    void form.submit(check, async () => {
      await api.requestPasswordReset(email.trim());
      setSent(email.trim());
    });
  };

  return (
    <div className="page narrow">
      <h1>{t('forgot.title')}</h1>
      {sent ? (
        <SuccessNotice title={t('forgot.sent')}>
          {hasOutbox && (
            <p>
              <Link to={paths.outbox(sent)}>{t('forgot.outbox')}</Link>
            </p>
          )}
        </SuccessNotice>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
          <p>{t('forgot.intro')}</p>
          <ErrorSummary items={form.summary} />
          <TextInput
            id="email"
            label={t('forgot.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onValue={setEmail}
            errors={form.errors.email}
          />
          <div className="actions">
            <SubmitButton busy={form.busy} label={t('forgot.send')} busyLabel={t('forgot.sending')} />
          </div>
        </form>
      )}
      <p>
        <Link to={paths.signIn()}>{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
