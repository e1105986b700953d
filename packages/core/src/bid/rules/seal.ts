import { reachesCluster, type Actor } from '../../actor';
import type { ServiceRequest } from '../../request/schema';
import { sponsorIds } from '../../request/rules/co-sponsor';
import { deadlineReached } from '../../request/rules/transitions';
import type { Bid } from '../schema';

type BidView = Pick<Bid, 'requestId' | 'clusterId' | 'providerId' | 'status'>;
type RequestView = Pick<ServiceRequest, 'id' | 'clusterId' | 'associationId' | 'coSponsorIds' | 'biddingDeadline'>;

/**
 * The sealing policy. A provider reads its own bids, at any time, and no one else's — ever.
 * Before the deadline nobody else reads any bid, not even an admin. After it, the sponsoring
 * associations and the admins over the cluster read the live bids (a withdrawn offer stays
 * private to its provider); funders never read bids, they see awards and reports.
 *
 * @example
 * canReadBid(leadRep, bid, request, Date.parse(request.biddingDeadline) - 1) // false: still sealed
 * canReadBid(leadRep, bid, request, Date.parse(request.biddingDeadline)) // true
 */
export function canReadBid(actor: Actor, bid: BidView, request: RequestView, now: number): boolean {
  if (bid.requestId !== request.id || bid.clusterId !== request.clusterId) return false;
  if (actor.role === 'provider') return actor.organisationId === bid.providerId;
  if (!deadlineReached(request, now) || bid.status !== 'live') return false;
  if (!reachesCluster(actor, request.clusterId)) return false;
  switch (actor.role) {
    case 'association_rep':
      return sponsorIds(request).includes(actor.organisationId);
    case 'cluster_admin':
    case 'state_admin':
    case 'national_admin':
      return true;
    case 'funder':
      return false;
  }
}

/**
 * The bids of a request that the actor may read, in their given order.
 *
 * @example
 * readableBids(providerActor, allBids, request, now) // only that provider's bids
 */
export function readableBids<B extends BidView>(
  actor: Actor,
  bids: readonly B[],
  request: RequestView,
  now: number,
): B[] {
  return bids.filter((b) => canReadBid(actor, b, request, now));
}
