import type { Bid } from '../bid/schema';
import type { Clock } from '../clock';
import { invalid } from '../errors';
import { evaluate } from '../evaluation/evaluate';
import type { EvaluationResult, InvalidReason } from '../evaluation/types';
import { qualityOf, type BidForEvaluation } from '../marketplace-close';
import { markUnsuccessful } from '../request/rules/lifecycle';
import { standstillEnd } from '../request/rules/standstill';
import type { ServiceRequest } from '../request/schema';

/**
 * Exclusions a cluster admin may overturn: a judgement on volume or capacity. A withdrawn,
 * superseded or foreign-currency bid has nothing to restore.
 */
export const RESTORABLE_REASONS: readonly InvalidReason[] = [
  'below_first_tier',
  'over_capacity',
  'over_remaining_capacity',
];

/**
 * The bids as corrected by an upheld complaint: each restored bid is taken to serve `volume`
 * firms (its capacity at least the volume, its first price tier starting at or below it), every
 * other bid unchanged.
 *
 * @example
 * correctBids(bids, new Set(['bid_…']), 12) // the restored bid now has capacity ≥ 12 and a tier from 12 firms
 */
export function correctBids<B extends Bid>(bids: readonly B[], restore: ReadonlySet<string>, volume: number): B[] {
  return bids.map((bid) => {
    if (!restore.has(bid.id)) return bid;
    const [first, ...rest] = bid.priceTiers;
    const tiers = first && first.minFirms > volume ? [{ ...first, minFirms: volume }, ...rest] : bid.priceTiers;
    return { ...bid, capacity: Math.max(bid.capacity, volume), priceTiers: tiers };
  });
}

/**
 * An upheld complaint's re-evaluation: a fresh evaluation of the live bids with the restored
 * ones corrected (`correctBids`), and a new stand-still from now. Each restored bid must be one
 * the published evaluation left out for a restorable reason (`COMPLAINT.NOT_RESTORABLE` on
 * `restoreBidIds` otherwise).
 *
 * @example
 * reevaluate(request, bids, 17, evaluation.invalid, ['bid_…'], clock, 5 * 86_400_000).result.outcome // 'ranked'
 */
export function reevaluate(
  request: ServiceRequest,
  bids: readonly BidForEvaluation[],
  pledgedFirms: number,
  excluded: readonly { bidId: string; reason: string }[],
  restoreBidIds: readonly string[],
  clock: Clock,
  standstillMs: number,
): { next: ServiceRequest; result: EvaluationResult } {
  const restorable = new Set(
    excluded.filter((b) => (RESTORABLE_REASONS as readonly string[]).includes(b.reason)).map((b) => b.bidId),
  );
  const wrong = restoreBidIds.filter((id) => !restorable.has(id));
  if (wrong.length > 0)
    throw invalid(
      'COMPLAINT.NOT_RESTORABLE',
      'Only a bid the ranking left out for its volume or capacity can be restored',
      'restoreBidIds',
    );
  const live = bids.filter((b) => b.status === 'live');
  const volume = Math.min(pledgedFirms, request.maxFirms);
  const corrected = correctBids(live, new Set(restoreBidIds), volume);
  const result = evaluate(request, corrected, pledgedFirms, qualityOf(live));
  const next =
    result.outcome === 'ranked'
      ? { ...request, standstillEndsAt: standstillEnd(clock.now(), standstillMs) }
      : markUnsuccessful(request, { reason: result.reason }, clock);
  return { next, result };
}
