import type { DeliveryWindow } from '../request/schema';
import { planCapacity, type CapacityPlan, type CapacityProvider } from './capacity';
import type { MatchingCertificateCheck } from './certificate';
import { checkByIds } from './check-by-ids';
import { matchByIds, type MatchingOutcome } from './outcome';

/** One ranked bid of an evaluated request. */
export interface RankedCandidate {
  readonly bidId: string;
  readonly providerId: string;
  /** The evaluation's score: an integer >= 0. */
  readonly score: number;
}

/** An evaluated request: its window, its ranking (best first) and the evaluation's recommendation. */
export interface RecommendationRequest {
  readonly id: string;
  readonly window: DeliveryWindow;
  readonly ranking: readonly RankedCandidate[];
  readonly recommendedBidId: string;
}

export type RecommendationReason = 'recommended bidder at capacity' | 'every bidder at capacity';

/** What the run recommends for one request. */
export interface Recommendation {
  readonly requestId: string;
  /** The bid to recommend: the matched one, or the evaluation's when nothing fits. */
  readonly bidId: string;
  readonly providerId: string;
  /** The capacity slot the award uses; absent when nothing fits. */
  readonly slotId?: string;
  readonly score: number;
  /** True when it is not the evaluation's recommendation. */
  readonly capacityAdjusted: boolean;
  readonly reason?: RecommendationReason;
}

export interface RecommendationRun {
  readonly plan: CapacityPlan;
  readonly outcome: MatchingOutcome;
  /** The certificate re-checked by `checkByIds`, independently of the solver. */
  readonly check: MatchingCertificateCheck;
  readonly recommendations: readonly Recommendation[];
}

/**
 * Recommends one award per request so that the total score is the largest possible within
 * every provider's remaining capacity (`planCapacity`). A request whose best bidder is better
 * used elsewhere gets its best feasible runner-up; one with every bidder at capacity keeps the
 * evaluation's recommendation, with the reason — the association still decides.
 *
 * @example
 * const run = recommendAwards([{ id: 'req_1', window, ranking, recommendedBidId: ranking[0].bidId }], [{ id: 'prv_a',
 * capacity: 1, engagements: [] }]);
 * run.recommendations[0].capacityAdjusted // false
 */
export function recommendAwards(
  requests: readonly RecommendationRequest[],
  providers: readonly CapacityProvider[],
): RecommendationRun {
  // Ranking order puts the evaluation's pick first, so ties resolve to it when capacity allows.
  const plan = planCapacity(
    requests.map((r) => ({
      id: r.id,
      window: r.window,
      bids: r.ranking.map((b) => ({ providerId: b.providerId, score: b.score })),
    })),
    providers,
  );
  const outcome = matchByIds(plan.requests, plan.providers);
  const check = checkByIds(plan.requests, plan.providers, outcome.awards, outcome.certificate);
  const slotProvider = new Map(plan.slots.map((s) => [s.id, s.providerId]));
  const awarded = new Map(outcome.awards.map((a) => [a.requestId, a]));
  const recommendations = requests.map((r): Recommendation => {
    const award = awarded.get(r.id);
    const kept = r.ranking.find((b) => b.bidId === r.recommendedBidId) ?? r.ranking[0];
    if (!award) {
      return {
        requestId: r.id,
        bidId: r.recommendedBidId,
        providerId: kept?.providerId ?? '',
        score: kept?.score ?? 0,
        capacityAdjusted: false,
        reason: 'every bidder at capacity',
      };
    }
    const providerId = slotProvider.get(award.providerId)!;
    const bid = r.ranking.find((b) => b.providerId === providerId)!;
    const capacityAdjusted = bid.bidId !== r.recommendedBidId;
    return {
      requestId: r.id,
      bidId: bid.bidId,
      providerId,
      slotId: award.providerId,
      score: award.score,
      capacityAdjusted,
      ...(capacityAdjusted ? { reason: 'recommended bidder at capacity' as const } : {}),
    };
  });
  return { plan, outcome, check, recommendations };
}
