import { useApi } from '../../api';
import { EmptyState, ErrorNotice, Loading, StatusBadge } from '../../components';
import { formatAmount } from '../../format';
import { useRequireUser, useResource, useTitle } from '../../hooks';
import { t, tKey, tn } from '../../i18n';
import { Link, paths } from '../../router';
import { loadDeliveries, type Delivery } from './load';

function DeliveryCard({ d }: { d: Delivery }) {
  const { request: r, money } = d;
  const toReport = money?.milestones.filter((m) => m.status === 'awaiting_delivery') ?? [];
  const waiting = money?.milestones.filter((m) => m.status === 'reported' || m.status === 'disputed') ?? [];
  return (
    <li className="card">
      <h2 className="card-title">
        <Link to={paths.request(r.clusterId, r.id)}>{r.title}</Link>
      </h2>
      <p className="standing">
        <StatusBadge status={r.status} />
      </p>
      {!money || money.status === 'pending' ? (
        <p>{t('deliveries.moneyPending')}</p>
      ) : (
        <>
          <p>
            {t('deliveries.released', {
              released: formatAmount(
                sum(
                  money.milestones.map((m) => m.released),
                  money.subsidy,
                ),
              ),
              subsidy: formatAmount(money.subsidy),
            })}
          </p>
          <ul className="facts">
            {toReport.length > 0 && <li>{tn('deliveries.toReport', toReport.length)}</li>}
            {waiting.length > 0 && <li>{tn('deliveries.waiting', waiting.length)}</li>}
            {toReport.length === 0 && waiting.length === 0 && <li>{t('deliveries.allDone')}</li>}
          </ul>
          <ol className="bullets">
            {money.milestones.map((m) => (
              <li key={m.index}>
                {t('money.milestone', { n: m.index + 1, name: m.name })}: {tKey('milestoneStatus', m.status)}
              </li>
            ))}
          </ol>
        </>
      )}
    </li>
  );
}

const sum = (parts: { amount: number }[], like: { currency: string }) => ({
  amount: parts.reduce((a, p) => a + p.amount, 0),
  currency: like.currency,
});

/** The provider's awarded requests and the milestones it still has to deliver and report. */
export function DeliveriesPage() {
  const api = useApi();
  const user = useRequireUser(paths.deliveries());
  const provider = user?.role === 'provider';
  const [deliveries, reload] = useResource(
    (signal) => (provider ? loadDeliveries(api, signal) : Promise.resolve([])),
    [api, user?.id, provider],
  );
  useTitle(t('deliveries.title'));
  if (!user) return null;
  return (
    <div className="page">
      <h1>{t('deliveries.title')}</h1>
      {!provider ? (
        <p className="notice">{t('deliveries.providersOnly')}</p>
      ) : (
        <>
          <p className="lede">{t('deliveries.intro')}</p>
          {deliveries.state === 'loading' && <Loading />}
          {deliveries.state === 'error' && <ErrorNotice error={deliveries.error} onRetry={reload} />}
          {deliveries.state === 'ok' && deliveries.data.length === 0 && (
            <EmptyState action={<Link to={paths.openRequests()}>{t('nav.openRequests')}</Link>}>
              {t('deliveries.empty')}
            </EmptyState>
          )}
          {deliveries.state === 'ok' && deliveries.data.length > 0 && (
            <ul className="cards cluster-list">
              {deliveries.data.map((d) => (
                <DeliveryCard key={d.request.id} d={d} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
