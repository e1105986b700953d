import { useState, type FormEvent } from 'react';
import { ApiError, useApi, type Mail } from '../../api';
import { EmptyState, ErrorNotice, Loading, TextInput } from '../../components';
import { formatDateTime } from '../../format';
import { useResource, useTitle } from '../../hooks';
import { t, tn } from '../../i18n';
import { navigate, paths } from '../../router';
import { MailText } from './MailText';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function Mails({ email }: { email: string }) {
  const api = useApi();
  const [mails, reload] = useResource((signal) => api.outbox(email, signal), [api, email]);
  if (mails.state === 'loading') return <Loading />;
  if (mails.state === 'error') {
    if (mails.error instanceof ApiError && mails.error.status === 404)
      return <p className="notice">{t('outbox.unavailable')}</p>;
    return <ErrorNotice error={mails.error} onRetry={reload} />;
  }
  if (mails.data.items.length === 0) return <EmptyState>{t('outbox.empty', { email })}</EmptyState>;
  return (
    <section aria-labelledby="mails-heading">
      <div className="section-head">
        <h2 id="mails-heading">{tn('outbox.count', mails.data.items.length, { email })}</h2>
        <button type="button" className="button-secondary" onClick={reload}>
          {t('common.refresh')}
        </button>
      </div>
      <ol className="cards mail-list">
        {mails.data.items.map((m: Mail) => (
          <li key={m.id} className="card mail">
            <article aria-labelledby={`mail-${m.id}`}>
              <h3 className="card-title" id={`mail-${m.id}`}>
                {m.subject}
              </h3>
              <p className="card-sub">
                {t('outbox.meta', { to: m.to })} <time dateTime={m.sentAt}>{formatDateTime(m.sentAt)}</time>
              </p>
              <MailText text={m.text} />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The local stack's outbox: the mail "sent" to an address, newest first, so an invitation can
 * be followed without a mail server. In AWS the API answers 404 and the page says so.
 */
export function OutboxPage({ email }: { email: string | undefined }) {
  const [typed, setTyped] = useState(email ?? '');
  const [error, setError] = useState<string[]>([]);
  useTitle(t('outbox.title'));
  const open = (e: FormEvent) => {
    e.preventDefault();
    const value = typed.trim();
    if (!EMAIL.test(value)) {
      setError([value ? t('form.email') : t('outbox.emailRequired')]);
      document.getElementById('outbox-email')?.focus();
      return;
    }
    setError([]);
    navigate(paths.outbox(value.toLowerCase()), { replace: email !== undefined });
  };
  return (
    <div className="page narrow">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <form className="form inline-form" onSubmit={open} noValidate role="search" aria-label={t('outbox.formLabel')}>
        <TextInput
          id="outbox-email"
          label={t('outbox.email')}
          type="email"
          autoComplete="email"
          value={typed}
          onValue={setTyped}
          errors={error}
        />
        <button type="submit" className="button">
          {t('outbox.open')}
        </button>
      </form>
      {email && EMAIL.test(email) ? (
        <Mails key={email} email={email} />
      ) : email ? (
        <p className="notice notice-error">{t('form.email')}</p>
      ) : null}
    </div>
  );
}
