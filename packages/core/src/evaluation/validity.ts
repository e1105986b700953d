import type { Bid } from '../bid/schema';
import { bidCurrency } from '../bid/schema';
import { priceAt, type PriceQuote } from '../bid/rules/price';
import type { ServiceRequest } from '../request/schema';
import type { InvalidBid } from './types';

type RequestView = Pick<ServiceRequest, 'id' | 'currency'>;

export interface ValidBid {
  bid: Bid;
  quote: PriceQuote;
}

/** Of several live bids from one provider (which the rules forbid), the latest one counts. */
function latestFirst(a: Bid, b: Bid): number {
  if (a.version !== b.version) return b.version - a.version;
  const t = Date.parse(b.submittedAt) - Date.parse(a.submittedAt);
  if (t !== 0) return t;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Splits bids into those that can serve `volume` firms (with their price there) and those that
 * cannot, each with its reason. Order-independent: the same bids in any order give the same
 * split, invalid ones sorted by bid id.
 *
 * @example
 * classifyBids(request, bids, 20, new Map()).invalid // [{ bidId, reason: 'over_capacity', … }]
 */
export function classifyBids(
  request: RequestView,
  bids: readonly Bid[],
  volume: number,
  remainingCapacity: ReadonlyMap<string, number>,
): { valid: ValidBid[]; invalid: InvalidBid[] } {
  const invalid: InvalidBid[] = [];
  const out = (bid: Bid, reason: InvalidBid['reason'], detail: string) =>
    invalid.push({ bidId: bid.id, providerId: bid.providerId, reason, detail });
  const live: Bid[] = [];
  for (const bid of bids) {
    if (bid.requestId !== request.id) out(bid, 'wrong_request', 'The bid is for another request');
    else if (bid.status !== 'live') out(bid, 'withdrawn', 'The provider withdrew the bid');
    else if (bidCurrency(bid) !== request.currency)
      out(bid, 'currency_mismatch', `The bid is not in ${request.currency}`);
    else live.push(bid);
  }
  const seen = new Set<string>();
  const valid: ValidBid[] = [];
  for (const bid of [...live].sort(latestFirst)) {
    const first = bid.priceTiers[0]?.minFirms ?? Number.POSITIVE_INFINITY;
    const remaining = remainingCapacity.get(bid.providerId);
    if (seen.has(bid.providerId)) out(bid, 'superseded', 'A later bid from the same provider counts');
    else if (volume < first) out(bid, 'below_first_tier', `The bid starts at ${first} firms; ${volume} pledged`);
    else if (bid.capacity < volume)
      out(bid, 'over_capacity', `The bid serves at most ${bid.capacity} firms; ${volume} pledged`);
    else if (remaining !== undefined && remaining < volume) {
      out(bid, 'over_remaining_capacity', `The provider has capacity for ${remaining} more firms across its awards`);
    } else valid.push({ bid, quote: priceAt(bid, volume) });
    seen.add(bid.providerId);
  }
  invalid.sort((a, b) => (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0));
  return { valid, invalid };
}
