import { useState } from 'react';
import { useApi } from '../../api';
import { ErrorNotice, Loading, SuccessNotice } from '../../components';
import { formatDateTime } from '../../format';
import type { Resource } from '../../hooks';
import { t } from '../../i18n';
import { deviceOf } from './password';

type SessionItem = { id: string; createdAt: string; lastUsedAt: string; userAgent?: string; current: boolean };

function SessionCard({ session, onEnded }: { session: SessionItem; onEnded(): void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const started = formatDateTime(session.createdAt);
  const end = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.revokeMySession(session.id);
      onEnded();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <li className="card">
      <h3 className="card-title">
        {deviceOf(session.userAgent) ?? t('sessions.unknownDevice')}
        {session.current && <span className="badge">{t('sessions.this')}</span>}
      </h3>
      <p className="card-sub">
        {t('sessions.started', { when: started })},{' '}
        {t('sessions.lastUsed', { when: formatDateTime(session.lastUsedAt) })}
      </p>
      {error !== undefined && <ErrorNotice error={error} />}
      {!session.current && (
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          aria-label={t('sessions.endNamed', { when: started })}
          onClick={() => void end()}
        >
          {busy ? t('sessions.ending') : t('sessions.end')}
        </button>
      )}
    </li>
  );
}

/** The account's sessions, this one first; any other can be ended here. */
export function Sessions({ sessions, reload }: { sessions: Resource<{ items: SessionItem[] }>; reload(): void }) {
  const [ended, setEnded] = useState(false);
  const items = [...(sessions.data?.items ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('sessions.heading')}</h2>
      <p>{t('sessions.intro')}</p>
      {ended && <SuccessNotice title={t('sessions.ended')} />}
      {sessions.state === 'loading' ? (
        <Loading />
      ) : sessions.state === 'error' ? (
        <ErrorNotice error={sessions.error} onRetry={reload} />
      ) : (
        <ul className="cards session-list">
          {items.map((s) => (
            <SessionCard
              key={s.id}
              session={s}
              onEnded={() => {
                setEnded(true);
                reload();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
