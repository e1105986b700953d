import type { Bid } from '../bid/schema';
import { conflict, invalid as invalidInput } from '../errors';
import type { ServiceRequest } from '../request/schema';
import { compareFractions, divide, fraction, plus, scale, toHundredths, type Fraction } from './fraction';
import { DEFAULT_QUALITY_POLICY, NEWCOMER, qualityPoints, type ProviderQuality, type QualityPolicy } from './quality';
import type { EvaluationResult, RankedBid } from './types';
import { splitRanking } from './split-rank';
import { classifyBids, type ValidBid } from './validity';

type RequestView = Pick<ServiceRequest, 'id' | 'status' | 'currency' | 'minFirms' | 'maxFirms' | 'weights'>;

export interface EvaluateOptions {
  qualityPolicy?: QualityPolicy;
  /** Firms each provider can still take on, across the awards it is delivering at the same time. */
  remainingCapacity?: ReadonlyMap<string, number>;
}

interface Scored extends ValidBid {
  price: Fraction;
  quality: Fraction;
  score: Fraction;
}

/** Score desc, then lower total, then earlier submission, then bid id: a total order. */
function byRank(a: Scored, b: Scored): number {
  return (
    compareFractions(b.score, a.score) ||
    a.quote.total.amount - b.quote.total.amount ||
    Date.parse(a.bid.submittedAt) - Date.parse(b.bid.submittedAt) ||
    (a.bid.id < b.bid.id ? -1 : a.bid.id > b.bid.id ? 1 : 0)
  );
}

/**
 * Evaluates a closed request (a most-economically-advantageous-tender formula), pure and exact.
 *
 * - fewer pledges than `minFirms` → unsuccessful (`too_few_pledges`);
 * - volume = min(pledged firms, maxFirms); bids that cannot serve it are listed as invalid;
 * - price score = lowest valid total ÷ this total × 100; quality score from `qualityPoints`
 *   (providers missing from `quality` count as unaccredited newcomers);
 * - score = (weights.price × price + weights.quality × quality) ÷ 100, compared as exact fractions;
 * - ties: lower total, then earlier `submittedAt`, then bid id; rank 1 is recommended;
 * - no valid bid → a split ranking when the bids left out for capacity can cover the volume together
 *   (`splitRanking`, `split: true`: the award is then a split, issue 13), else unsuccessful (`no_valid_bid`).
 *
 * Throws `EVALUATION.NOT_CLOSED` unless the request is evaluating (bids are sealed until then).
 *
 * @example
 * const result = evaluate(request, bids, 17, new Map([['prv_…', { accredited: true, ratings: [4, 5] }]]));
 * if (result.outcome === 'ranked') result.recommended.bidId;
 */
export function evaluate(
  request: RequestView,
  bids: readonly Bid[],
  pledgedFirms: number,
  quality: ReadonlyMap<string, ProviderQuality>,
  options: EvaluateOptions = {},
): EvaluationResult {
  if (request.status !== 'evaluating') {
    throw conflict('EVALUATION.NOT_CLOSED', `A request that is ${request.status} cannot be evaluated`);
  }
  if (!Number.isSafeInteger(pledgedFirms) || pledgedFirms < 0) {
    throw invalidInput('EVALUATION.BAD_PLEDGE_COUNT', `${pledgedFirms} is not a number of firms`, 'pledgedFirms');
  }
  const base = { requestId: request.id, pledgedFirms };
  if (pledgedFirms < request.minFirms) {
    const reason = `Only ${pledgedFirms} firms pledged; at least ${request.minFirms} were needed`;
    return { ...base, outcome: 'unsuccessful', code: 'too_few_pledges', reason, invalid: [] };
  }
  const volume = Math.min(pledgedFirms, request.maxFirms);
  const { valid, invalid } = classifyBids(request, bids, volume, options.remainingCapacity ?? new Map());
  const policy = options.qualityPolicy ?? DEFAULT_QUALITY_POLICY;
  if (valid.length === 0) {
    const split = splitRanking(request, bids, volume, invalid, quality, policy, options.remainingCapacity ?? new Map());
    if (split) {
      const ranked = new Set(split.map((r) => r.bidId));
      const left = invalid.filter((x) => !ranked.has(x.bidId));
      return { ...base, outcome: 'ranked', volume, ranking: split, invalid: left, recommended: split[0]!, split: true };
    }
    const reason = bids.length === 0 ? 'No provider bid' : `None of the ${bids.length} bids can serve ${volume} firms`;
    return { ...base, outcome: 'unsuccessful', code: 'no_valid_bid', reason, invalid };
  }
  const lowest = Math.min(...valid.map((v) => v.quote.total.amount));
  const scored: Scored[] = valid.map((v) => {
    const price = fraction(BigInt(lowest) * 100n, v.quote.total.amount);
    const q = qualityPoints(quality.get(v.bid.providerId) ?? NEWCOMER, policy);
    const score = divide(plus(scale(price, request.weights.price), scale(q, request.weights.quality)), 100);
    return { ...v, price, quality: q, score };
  });
  const ranking: RankedBid[] = scored.sort(byRank).map((s, i) => ({
    bidId: s.bid.id,
    providerId: s.bid.providerId,
    pricePerFirm: s.quote.pricePerFirm,
    total: s.quote.total,
    priceScore: toHundredths(s.price),
    qualityScore: toHundredths(s.quality),
    score: toHundredths(s.score),
    rank: i + 1,
  }));
  const recommended = ranking[0] as RankedBid;
  return { ...base, outcome: 'ranked', volume, ranking, invalid, recommended };
}
