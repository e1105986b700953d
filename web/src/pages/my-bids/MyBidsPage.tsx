import { useApi, type BidView, type ServiceRequest } from '../../api';
import { Countdown, EmptyState, ErrorNotice, Loading, LoadMore, StatusBadge } from '../../components';
import { formatDateTime, formatMoney } from '../../format';
import { usePaged, useRequireUser, useResource, useTitle } from '../../hooks';
import { t, tKey } from '../../i18n';
import { Link, paths } from '../../router';

/** How a bid fared, from its request: still open, being ranked, won, lost, or the request ended. */
function outcome(bid: BidView, r: ServiceRequest | undefined): string {
  if (!r) return t('myBids.outcome.unknown');
  if (r.award) return t(r.award.bidId === bid.id ? 'myBids.outcome.won' : 'myBids.outcome.lost');
  return tKey('myBids.outcome', r.status);
}

function BidCard({ bid }: { bid: BidView }) {
  const api = useApi();
  const [request] = useResource(
    (signal) => api.getRequest(bid.clusterId, bid.requestId, signal),
    [api, bid.clusterId, bid.requestId],
  );
  const first = bid.priceTiers[0];
  return (
    <li className="card">
      <h2 className="card-title">
        <Link to={paths.request(bid.clusterId, bid.requestId)}>{bid.requestTitle}</Link>
      </h2>
      <p className="standing">
        <span className={`badge badge-${bid.status}`}>{tKey('bidStatus', bid.status)}</span>
        {request.data && <StatusBadge status={request.data.status} />}
      </p>
      <ul className="facts">
        {first && (
          <li>
            {t('myBids.from', {
              price: formatMoney(first.pricePerFirm.amount, first.pricePerFirm.currency),
              firms: first.minFirms,
            })}
          </li>
        )}
        <li>{t('bid.version', { version: bid.version, at: formatDateTime(bid.submittedAt) })}</li>
      </ul>
      {request.data?.status === 'open' && <Countdown deadline={request.data.biddingDeadline} />}
      <p className="outcome">{request.state === 'loading' ? t('common.loading') : outcome(bid, request.data)}</p>
    </li>
  );
}

/** The provider's bids in every cluster, latest first, with how each stands. */
export function MyBidsPage() {
  const api = useApi();
  const user = useRequireUser(paths.myBids());
  const bids = usePaged(
    (cursor, signal) =>
      user?.role === 'provider' ? api.listOwnBids(cursor, signal) : Promise.resolve({ items: [], nextCursor: null }),
    [api, user?.id],
  );
  useTitle(t('myBids.title'));
  if (!user) return null;
  return (
    <div className="page">
      <h1>{t('myBids.title')}</h1>
      {user.role !== 'provider' ? (
        <p className="notice">{t('open.providersOnly')}</p>
      ) : bids.loading ? (
        <Loading />
      ) : bids.error !== undefined && bids.items.length === 0 ? (
        <ErrorNotice error={bids.error} onRetry={bids.reload} />
      ) : bids.items.length === 0 ? (
        <EmptyState action={<Link to={paths.openRequests()}>{t('nav.openRequests')}</Link>}>
          {t('myBids.empty')}
        </EmptyState>
      ) : (
        <>
          <ul className="cards cluster-list">
            {bids.items.map((b) => (
              <BidCard key={b.id} bid={b} />
            ))}
          </ul>
          <LoadMore hasMore={bids.hasMore} loading={bids.loadingMore} onClick={bids.loadMore} />
        </>
      )}
    </div>
  );
}
