import type { Bid } from '../bid/schema';
import { priceAt } from '../bid/rules/price';
import type { ServiceRequest } from '../request/schema';
import { planSplit, SPLIT_MAX_FIRMS_PER_CONTRACT, type SplitCandidate } from '../request/rules/split';
import { compareFractions, divide, fraction, plus, scale, toHundredths } from './fraction';
import { NEWCOMER, qualityPoints, type ProviderQuality, type QualityPolicy } from './quality';
import type { InvalidBid, RankedBid } from './types';

type RequestView = Pick<ServiceRequest, 'weights'>;

/** Why a bid that cannot serve the whole volume may still serve part of it. */
const SPLITTABLE: readonly InvalidBid['reason'][] = ['over_capacity', 'over_remaining_capacity'];

/**
 * The split ranking (issue 13): when no bid can serve the volume, the bids left out only for
 * capacity, each quoted at what it can take (its capacity, or what the provider has left), scored
 * as `evaluate` scores (price score on the price per firm, since the bids quote different volumes),
 * highest first. `undefined` unless the rule's split (`planSplit`) covers the volume with them.
 *
 * @example
 * splitRanking(request, bids, 40, invalid, quality, policy, new Map())?.[0]?.capacity // 30
 */
export function splitRanking(
  request: RequestView,
  bids: readonly Bid[],
  volume: number,
  invalid: readonly InvalidBid[],
  quality: ReadonlyMap<string, ProviderQuality>,
  policy: QualityPolicy,
  remainingCapacity: ReadonlyMap<string, number>,
): RankedBid[] | undefined {
  const quoted = invalid
    .filter((x) => SPLITTABLE.includes(x.reason))
    .flatMap((x) => {
      const bid = bids.find((b) => b.id === x.bidId);
      if (!bid) return [];
      const capacity = Math.min(bid.capacity, remainingCapacity.get(bid.providerId) ?? bid.capacity, volume);
      const first = bid.priceTiers[0]?.minFirms ?? Number.POSITIVE_INFINITY;
      if (capacity < first || capacity < 1) return [];
      return [{ bid, capacity, quote: priceAt(bid, capacity) }];
    });
  if (quoted.length < 2) return undefined;
  const lowest = Math.min(...quoted.map((q) => q.quote.pricePerFirm.amount));
  const scored = quoted.map((q) => {
    const price = fraction(BigInt(lowest) * 100n, q.quote.pricePerFirm.amount);
    const points = qualityPoints(quality.get(q.bid.providerId) ?? NEWCOMER, policy);
    const score = divide(plus(scale(price, request.weights.price), scale(points, request.weights.quality)), 100);
    return { ...q, price, points, score };
  });
  scored.sort(
    (a, b) =>
      compareFractions(b.score, a.score) ||
      a.quote.pricePerFirm.amount - b.quote.pricePerFirm.amount ||
      Date.parse(a.bid.submittedAt) - Date.parse(b.bid.submittedAt) ||
      (a.bid.id < b.bid.id ? -1 : a.bid.id > b.bid.id ? 1 : 0),
  );
  const ranking: RankedBid[] = scored.map((s, i) => ({
    bidId: s.bid.id,
    providerId: s.bid.providerId,
    pricePerFirm: s.quote.pricePerFirm,
    total: s.quote.total,
    priceScore: toHundredths(s.price),
    qualityScore: toHundredths(s.points),
    score: toHundredths(s.score),
    rank: i + 1,
    capacity: s.capacity,
  }));
  const candidates: SplitCandidate[] = scored.map((s, i) => ({
    bidId: s.bid.id,
    providerId: s.bid.providerId,
    rank: i + 1,
    capacity: Math.min(s.capacity, SPLIT_MAX_FIRMS_PER_CONTRACT),
    priceTiers: s.bid.priceTiers,
  }));
  return planSplit(candidates, volume) ? ranking : undefined;
}
