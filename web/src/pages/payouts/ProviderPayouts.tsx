import { useApi, type User } from '../../api';
import { EmptyState, ErrorNotice, Loading } from '../../components';
import { formatAmount, formatDate } from '../../format';
import { useResource } from '../../hooks';
import { t, tKey } from '../../i18n';
import { BankDetails } from './BankDetails';
import { batchName } from './BatchCard';

async function load(api: ReturnType<typeof useApi>, providerId: string, signal: AbortSignal) {
  const [payable, lines] = await Promise.all([
    api.getPayable(providerId, signal),
    api.providerPayouts(providerId, undefined, signal),
  ]);
  return { payable, lines: lines.items };
}

/** What is payable to the provider now, what was paid, and each payout line with its status. */
export function ProviderPayouts({ user }: { user: User }) {
  const api = useApi();
  const [data, reload] = useResource((signal) => load(api, user.organisationId, signal), [api, user.organisationId]);
  if (data.state === 'loading') return <Loading />;
  if (data.state === 'error') return <ErrorNotice error={data.error} onRetry={reload} />;
  const { payable, lines } = data.data;
  return (
    <>
      <p className="lede">{t('payouts.providerIntro')}</p>
      <dl className="meta money-summary" aria-label={t('payouts.title')}>
        <div>
          <dt>{t('payouts.payable')}</dt>
          <dd className="money-figure" data-testid="payable">
            {formatAmount(payable.payable)}
          </dd>
        </div>
        <div>
          <dt>{t('payouts.paidOut')}</dt>
          <dd className="money-figure" data-testid="paid-out">
            {formatAmount(payable.paidOut)}
          </dd>
        </div>
      </dl>
      <BankDetails providerId={user.organisationId} />
      <section className="panel" aria-labelledby="lines-heading">
        <h2 id="lines-heading">{t('payouts.linesHeading')}</h2>
        {lines.length === 0 ? (
          <EmptyState>{t('payouts.linesEmpty')}</EmptyState>
        ) : (
          <ul className="cards">
            {lines.map((l) => (
              <li key={l.payoutId} className="card">
                <p className="card-title">
                  {t('payouts.line', { payout: batchName(l), amount: formatAmount(l.amount) })}
                </p>
                <p className="standing">
                  <span className={`badge ${l.status === 'paid' ? 'badge-approved' : 'badge-pending'}`}>
                    {tKey('payoutStatus', l.status)}
                  </span>
                </p>
                {l.status === 'paid' && l.paidAt && (
                  <p className="hint">{t('payouts.paidAt', { at: formatDate(l.paidAt) })}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="releases-heading">
        <h2 id="releases-heading">{t('payouts.releasesHeading')}</h2>
        {payable.releases.length === 0 ? (
          <EmptyState>{t('payouts.releasesEmpty')}</EmptyState>
        ) : (
          <ul className="bullets">
            {payable.releases.map((r, i) => (
              <li key={r.transferId || i}>
                {t('payouts.release', { amount: formatAmount(r.amount), at: formatDate(r.at) })}
                {r.memo && (
                  <span className="hint">
                    {t('common.separator')}
                    {r.memo}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
