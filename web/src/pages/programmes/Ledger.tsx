import { opensCluster } from '@bds/core/reach';
import { useApi } from '../../api';
import { EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { formatAmount, formatDateTime, formatMoney } from '../../format';
import type { StatementEntry } from '../../api';
import { usePaged } from '../../hooks';
import { t, tKey } from '../../i18n';
import { Link, paths } from '../../router';
import { useSession } from '../../session';

/**
 * How much a line moved, as the funder thinks of it: a deposit's amount, the amount held, the
 * amount released (a post also returns any rest to the pool, on the same line), the amount returned.
 */
function moved(e: StatementEntry): number {
  if (e.kind === 'post') return e.debitsPosted;
  return Math.max(...[e.creditsPosted, e.debitsPosted, e.creditsPending, e.debitsPending].map(Math.abs));
}

/** The pool's ledger lines, newest first: what each transfer did to the money available. */
export function Statement({ programmeId, round }: { programmeId: string; round: number }) {
  const api = useApi();
  const lines = usePaged(
    (cursor, signal) => api.programmeStatement(programmeId, cursor, signal),
    [api, programmeId, round],
  );
  return (
    <section className="panel" aria-labelledby="statement-heading">
      <h2 id="statement-heading">{t('programme.statementHeading')}</h2>
      {lines.loading ? (
        <Loading />
      ) : lines.error !== undefined && lines.items.length === 0 ? (
        <ErrorNotice error={lines.error} onRetry={lines.reload} />
      ) : lines.items.length === 0 ? (
        <EmptyState>{t('programme.statementEmpty')}</EmptyState>
      ) : (
        <>
          <ol className="feed statement">
            {lines.items.map((e) => {
              return (
                <li key={`${e.transferId}-${e.account}`} className="feed-item">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  <p className="feed-message">
                    {t('programme.entry', {
                      kind: tKey('entryKind', e.kind),
                      amount: formatMoney(moved(e), e.currency),
                    })}
                  </p>
                  {e.memo && <p className="hint">{e.memo}</p>}
                </li>
              );
            })}
          </ol>
          <LoadMore hasMore={lines.hasMore} loading={lines.loadingMore} onClick={lines.loadMore} />
        </>
      )}
    </section>
  );
}

/**
 * Where the money went: each award the programme co-finances, its provider, and held / released / returned. The
 * award links to its request only for whoever may open that cluster (a funder reads the money here, not the request).
 */
export function Awards({ programmeId, round }: { programmeId: string; round: number }) {
  const api = useApi();
  const { user } = useSession();
  const awards = usePaged(
    (cursor, signal) => api.programmeAwards(programmeId, cursor, signal),
    [api, programmeId, round],
  );
  return (
    <section className="panel" aria-labelledby="awards-heading">
      <h2 id="awards-heading">{t('programme.awardsHeading')}</h2>
      {awards.loading ? (
        <Loading />
      ) : awards.error !== undefined && awards.items.length === 0 ? (
        <ErrorNotice error={awards.error} onRetry={awards.reload} />
      ) : awards.items.length === 0 ? (
        <EmptyState>{t('programme.awardsEmpty')}</EmptyState>
      ) : (
        <>
          <ul className="cards">
            {awards.items.map((a) => (
              <li key={a.requestId} className="card">
                <p className="card-title">
                  {opensCluster(user, { id: a.clusterId }) ? (
                    <Link to={paths.request(a.clusterId, a.requestId)}>
                      {t('programme.award', { title: a.title, provider: a.providerName })}
                    </Link>
                  ) : (
                    t('programme.award', { title: a.title, provider: a.providerName })
                  )}
                </p>
                <dl className="meta">
                  <div>
                    <dt>{t('money.held')}</dt>
                    <dd>{formatAmount(a.held)}</dd>
                  </div>
                  <div>
                    <dt>{t('money.released')}</dt>
                    <dd>{formatAmount(a.released)}</dd>
                  </div>
                  <div>
                    <dt>{t('money.returned')}</dt>
                    <dd>{formatAmount(a.returned)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={awards.hasMore} loading={awards.loadingMore} onClick={awards.loadMore} />
        </>
      )}
    </section>
  );
}
