import { useState } from 'react';
import { useApi, type DeadLetter, type DeadLetters } from '../../api';
import { ConfirmAction, EmptyState, ErrorNotice, Loading, SelectInput, SuccessNotice } from '../../components';
import { formatDateTime } from '../../format';
import { useRequireUser, useResource, useTitle } from '../../hooks';
import { t, tn } from '../../i18n';
import { navigate, paths } from '../../router';

function Letters({ queue, data, reload }: { queue: string; data: DeadLetters; reload(): void }) {
  const api = useApi();
  const [selected, setSelected] = useState<string[]>([]);
  const [done, setDone] = useState<number | undefined>(undefined);
  const items: DeadLetter[] = data.items.filter((m) => m.queue === queue);
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const redrive = async () => {
    const answer = await api.redrive(queue, selected);
    setDone(answer.redriven);
    setSelected([]);
    reload();
  };
  return (
    <section aria-labelledby="letters-heading">
      {done !== undefined && <SuccessNotice title={tn('dead.done', done, { queue })} />}
      <div className="section-head">
        <h2 id="letters-heading">{tn('dead.count', items.length)}</h2>
        <button type="button" className="button-secondary" onClick={reload}>
          {t('common.refresh')}
        </button>
      </div>
      {items.length === 0 ? (
        <EmptyState>{t('dead.empty', { queue })}</EmptyState>
      ) : (
        <>
          <ul className="cards">
            {items.map((m) => (
              <li key={m.messageId} className="card">
                <div className="select-row">
                  <input
                    type="checkbox"
                    id={`dl-${m.messageId}`}
                    checked={selected.includes(m.messageId)}
                    onChange={(e) => toggle(m.messageId, e.target.checked)}
                  />
                  <div>
                    <label htmlFor={`dl-${m.messageId}`} className="card-title">
                      {t('dead.select', { type: m.type ?? t('dead.unknownType'), id: m.messageId })}
                    </label>
                    <p className="hint">
                      {t('dead.meta', {
                        cluster: m.clusterId ?? '—',
                        count: m.receiveCount,
                        at: formatDateTime(m.sentAt),
                      })}
                    </p>
                    {m.correlationId && <p className="hint">{t('dead.correlation', { id: m.correlationId })}</p>}
                    {m.error && <p className="prose field-error">{m.error}</p>}
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <div className="actions">
            {selected.length === 0 ? (
              <p className="hint">{t('dead.noneSelected')}</p>
            ) : (
              <ConfirmAction
                id="redrive"
                openLabel={t('dead.redrive')}
                openClassName="button"
                heading={t('dead.redrive').replace(/…$/, '')}
                confirmText={() => tn('dead.confirm', selected.length, { queue })}
                yesLabel={t('dead.yes')}
                busyLabel={t('dead.saving')}
                act={redrive}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The national admin's view of the dead-letter queues: what failed, and sending it back. */
export function DeadLettersPage({ queue }: { queue: string | undefined }) {
  const api = useApi();
  const user = useRequireUser(paths.deadLetters(queue));
  const admin = user?.role === 'national_admin';
  const [letters, reload] = useResource(
    (signal) => (admin ? api.deadLetters(queue, signal) : Promise.resolve({ queues: [], items: [] })),
    [api, admin, queue],
  );
  useTitle(t('dead.title'));
  if (!user) return null;
  const queues = letters.data?.queues ?? [];
  const current = queue ?? queues[0];
  return (
    <div className="page">
      <h1>{t('dead.title')}</h1>
      {user.role !== 'national_admin' ? (
        <p className="notice">{t('dead.adminsOnly')}</p>
      ) : (
        <>
          <p className="lede">{t('dead.intro')}</p>
          {letters.state === 'loading' && <Loading />}
          {letters.state === 'error' && <ErrorNotice error={letters.error} onRetry={reload} />}
          {letters.state === 'ok' && queues.length === 0 && <EmptyState>{t('dead.noQueues')}</EmptyState>}
          {letters.state === 'ok' && current && (
            <>
              <div className="filters">
                <SelectInput
                  id="queue"
                  label={t('dead.queue')}
                  value={current}
                  onValue={(q) => navigate(paths.deadLetters(q), { replace: true })}
                  options={queues.map((q) => ({ value: q, label: q }))}
                />
              </div>
              <Letters key={current} queue={current} data={letters.data} reload={reload} />
            </>
          )}
        </>
      )}
    </div>
  );
}
