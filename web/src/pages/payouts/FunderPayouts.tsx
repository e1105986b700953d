import { useApi, type ProgrammeView } from '../../api';
import { EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { formatAmount, formatMoney } from '../../format';
import { usePaged } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';

/** What the programmes released to providers, per currency (a funder's programmes are all in rupees today). */
function paidInAll(programmes: readonly ProgrammeView[]): string {
  const byCurrency = new Map<string, number>();
  for (const p of programmes)
    byCurrency.set(
      p.funds.released.currency,
      (byCurrency.get(p.funds.released.currency) ?? 0) + p.funds.released.amount,
    );
  return [...byCurrency].map(([currency, amount]) => formatMoney(amount, currency)).join(' + ');
}

/**
 * What a funder's programmes paid: per programme, the subsidy released to providers, still held in escrow and returned
 * to the pool; the programme's page has each award. Not the payout batches: a batch pays every provider's payable, out
 * of every funder's programmes, and is the national finance team's work.
 *
 * @example
 * <FunderPayouts headingLevel={2} />
 */
export function FunderPayouts({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const api = useApi();
  const programmes = usePaged((cursor, signal) => api.listProgrammes(cursor, signal), [api]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="funder-paid-heading" data-testid="funder-paid">
      <Heading id="funder-paid-heading">{t('payouts.funderHeading')}</Heading>
      <p className="lede">{t('payouts.funderIntro')}</p>
      {programmes.loading ? (
        <Loading />
      ) : programmes.error !== undefined && programmes.items.length === 0 ? (
        <ErrorNotice error={programmes.error} onRetry={programmes.reload} />
      ) : programmes.items.length === 0 ? (
        <EmptyState>{t('payouts.funderEmpty')}</EmptyState>
      ) : (
        <>
          <p className="funder-paid-total">
            <strong>{t('payouts.funderTotal', { amount: paidInAll(programmes.items) })}</strong>
          </p>
          <ul className="cards">
            {programmes.items.map((p) => (
              <li key={p.id} className="card">
                <p className="card-title">
                  <Link to={paths.programme(p.id)}>{p.name}</Link>
                </p>
                <dl className="meta">
                  <div>
                    <dt>{t('payouts.funderPaid')}</dt>
                    <dd>{formatAmount(p.funds.released)}</dd>
                  </div>
                  <div>
                    <dt>{t('money.held')}</dt>
                    <dd>{formatAmount(p.funds.held)}</dd>
                  </div>
                  <div>
                    <dt>{t('money.returned')}</dt>
                    <dd>{formatAmount(p.funds.returned)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={programmes.hasMore} loading={programmes.loadingMore} onClick={programmes.loadMore} />
        </>
      )}
    </section>
  );
}
