import { buildInstance, type MatchingProvider, type MatchingRequest } from './build';
import { matchRequests } from './match';
import type { MatchingStats } from './types';

export type UnmatchedReason = 'no bids' | 'every bidder at capacity';

export interface MatchedAward {
  readonly requestId: string;
  readonly providerId: string;
  readonly score: number;
}
export interface UnmatchedRequest {
  readonly requestId: string;
  readonly reason: UnmatchedReason;
}

/**
 * The optimality certificate by id, ready to store with the result: with the bids and
 * capacities it lets anyone re-check that no allocation scores more than `bound`.
 */
export interface MatchingCertificate {
  /** Per request: its surplus (dual); 0 when unassigned. */
  readonly requests: Record<string, number>;
  /** Per provider: its price (dual); positive only for providers at capacity. */
  readonly providers: Record<string, number>;
  /** sum(request duals) + sum(capacity × provider price): equals `total` at the optimum. */
  readonly bound: number;
}

export interface MatchingOutcome {
  readonly awards: readonly MatchedAward[];
  readonly unassigned: readonly UnmatchedRequest[];
  readonly total: number;
  readonly certificate: MatchingCertificate;
  readonly stats: MatchingStats;
}

/**
 * Matches requests named by id: the awards that maximise the total score within every
 * provider's capacity, the requests left out and why, and the certificate. A request whose
 * best bidder is full gets its next-best feasible bidder when that is what the optimum needs;
 * it stays unassigned only with no bids, or when every bidder is at capacity.
 *
 * @example
 * const outcome = matchByIds(
 *   [{ id: 'req_1', bids: [{ providerId: 'prv_a', score: 9_000 }] },
 *    { id: 'req_2', bids: [{ providerId: 'prv_a', score: 8_000 }, { providerId: 'prv_b', score: 7_500 }] }],
 *   [{ id: 'prv_a', capacity: 1 }, { id: 'prv_b', capacity: 1 }],
 * );
 * outcome.awards; // req_1 → prv_a (9000), req_2 → prv_b (7500): total 16500
 */
export function matchByIds(
  requests: readonly MatchingRequest[],
  providers: readonly MatchingProvider[],
): MatchingOutcome {
  const { instance, requestIds, providerIds } = buildInstance(requests, providers);
  const { assignment, total, duals, stats } = matchRequests(instance);
  const awards: MatchedAward[] = [];
  const unassigned: UnmatchedRequest[] = [];
  requestIds.forEach((requestId, r) => {
    const k = assignment[r]!;
    if (k >= 0) {
      awards.push({ requestId, providerId: providerIds[instance.bidProvider[k]!]!, score: instance.bidScore[k]! });
    } else {
      const reason = instance.bidStart[r + 1]! > instance.bidStart[r]! ? 'every bidder at capacity' : 'no bids';
      unassigned.push({ requestId, reason });
    }
  });
  let bound = 0;
  duals.request.forEach((u) => (bound += u));
  duals.provider.forEach((v, p) => (bound += v * instance.capacity[p]!));
  return {
    awards,
    unassigned,
    total,
    certificate: {
      requests: Object.fromEntries(requestIds.map((id, r) => [id, duals.request[r]!])),
      providers: Object.fromEntries(providerIds.map((id, p) => [id, duals.provider[p]!])),
      bound,
    },
    stats,
  };
}
