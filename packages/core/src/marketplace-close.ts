import type { Bid } from './bid/schema';
import type { Clock } from './clock';
import { evaluate } from './evaluation/evaluate';
import type { ProviderQuality } from './evaluation/quality';
import type { EvaluationResult } from './evaluation/types';
import type { ServiceRequest } from './request/schema';
import { close, markUnsuccessful } from './request/rules/lifecycle';
import { standstillEnd } from './request/rules/standstill';

/** A bid with what is known of its provider's quality when the request closes. */
export type BidForEvaluation = Bid & { providerAccredited: boolean };

/**
 * Closes a request at its deadline and evaluates it in one step: the `close` transition, then
 * `evaluate` over the live bids (a withdrawn offer stays private to its provider, so it is not
 * even listed as invalid), with quality from accreditation and no ratings yet (neutral), then
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
  const quality = new Map<string, ProviderQuality>(
    live.map((b) => [b.providerId, { accredited: b.providerAccredited, ratings: [] }]),
  );
  const result = evaluate(evaluating, live, pledgedFirms, quality);
  // A ranking starts its stand-still (`standstillMs`; left out, as by the demo seed: none).
  const ranked =
    standstillMs === undefined
      ? evaluating
      : { ...evaluating, standstillEndsAt: standstillEnd(clock.now(), standstillMs) };
  const next = result.outcome === 'ranked' ? ranked : markUnsuccessful(evaluating, { reason: result.reason }, clock);
  return { next, result };
}
