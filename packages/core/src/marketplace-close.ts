import type { Bid } from './bid/schema';
import type { Clock } from './clock';
import { evaluate } from './evaluation/evaluate';
import { NO_RATINGS, type ProviderQuality, type RatingSummary } from './evaluation/quality';
import type { EvaluationResult } from './evaluation/types';
import type { ServiceRequest } from './request/schema';
import { close, markUnsuccessful } from './request/rules/lifecycle';
import { standstillEnd } from './request/rules/standstill';

/**
 * A bid with what is known of its provider's quality when the request closes: its
 * accreditation, and its ratings in the request's cluster and category (none: a newcomer).
 */
export type BidForEvaluation = Bid & { providerAccredited: boolean; providerRatings?: RatingSummary };

/**
 * What a provider's bids say of its quality, by provider.
 *
 * @example
 * qualityOf([{ ...bid, providerAccredited: true, providerRatings: { count: 2, stars: 9 } }]).get(bid.providerId)
 */
export const qualityOf = (bids: readonly BidForEvaluation[]): Map<string, ProviderQuality> =>
  new Map(
    bids.map((b) => [b.providerId, { accredited: b.providerAccredited, ratings: b.providerRatings ?? NO_RATINGS }]),
  );

/**
 * Closes a request at its deadline and evaluates it in one step: the `close` transition, then
 * `evaluate` over the live bids (a withdrawn offer stays private to its provider, so it is not
 * even listed as invalid), with quality from accreditation and the provider's ratings in the cluster and category, then
 * `markUnsuccessful` when the evaluation found too few pledges or no valid bid. Pure: the caller
 * stores `next` and `result` together.
 *
 * @example
 * const { next, result } = closeAndEvaluate(open, bids, open.pledgedFirms, clock);
 * next.status // 'evaluating' when result.outcome === 'ranked', else 'unsuccessful'
 */
export function closeAndEvaluate(
  request: ServiceRequest,
  bids: readonly BidForEvaluation[],
  pledgedFirms: number,
  clock: Clock,
  standstillMs?: number,
): { next: ServiceRequest; result: EvaluationResult } {
  const evaluating = close(request, clock);
  const live = bids.filter((b) => b.status === 'live');
  const result = evaluate(evaluating, live, pledgedFirms, qualityOf(live));
  // A ranking starts its stand-still (`standstillMs`; left out, as by the demo seed: none).
  const ranked =
    standstillMs === undefined
      ? evaluating
      : { ...evaluating, standstillEndsAt: standstillEnd(clock.now(), standstillMs) };
  const next = result.outcome === 'ranked' ? ranked : markUnsuccessful(evaluating, { reason: result.reason }, clock);
  return { next, result };
}
