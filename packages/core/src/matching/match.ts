import { repair } from './repair';
import { P_ROOM, place, PROVIDER_STRIDE as PS, S_BID, SLOT_STRIDE, warmStart, type MatchState } from './state';
import type { MatchingInstance, MatchingResult } from './types';
import { validateMatchingInstance } from './validate';

/**
 * Chooses at most one bid per request and at most `capacity[p]` requests per provider so the
 * total score is the largest possible — exactly, with LP duals that prove it (see
 * `checkCertificate`). Same input, same output: ties break by index, nothing is random.
 *
 * Throws `MATCHING.INVALID_INSTANCE` for a malformed instance.
 *
 * @example
 * const result = matchRequests({
 *   requestCount: 2, providerCount: 1, capacity: Int32Array.of(1),
 *   bidStart: Int32Array.of(0, 1, 2), bidProvider: Int32Array.of(0, 0), bidScore: Int32Array.of(70, 90),
 * });
 * result.assignment; // Int32Array [-1, 1]: the one slot goes to the better bid
 * result.total; // 90
 */
export function matchRequests(instance: MatchingInstance): MatchingResult {
  validateMatchingInstance(instance);
  const state = warmStart(instance);
  let initialExcess = 0;
  for (let p = 0; p < instance.providerCount; p++) initialExcess += Math.max(0, -state.provider[p * PS + P_ROOM]!);
  const counts = repair(instance, state);
  fillRoom(instance, state);
  return { ...extract(instance, state), stats: { bids: instance.bidProvider.length, initialExcess, ...counts } };
}

/**
 * An unassigned request may still have a zero-score bid at a provider with room (the optimum
 * is indifferent to it). Awarding it changes no total and no price — the provider's price is
 * zero because it is not full — and it makes "every bidder at capacity" true of every request
 * that stays unassigned despite having bids.
 */
function fillRoom(instance: MatchingInstance, state: MatchState): void {
  const { requestCount: n, bidStart, bidProvider } = instance;
  for (let r = 0; r < n; r++) {
    if (state.slotOf[r]! >= 0) continue;
    for (let k = bidStart[r]!; k < bidStart[r + 1]!; k++) {
      const q = bidProvider[k]!;
      if (state.provider[q * PS + P_ROOM]! <= 0) continue;
      place(state, instance, r, k, q);
      break;
    }
  }
}

/**
 * Provider duals are the prices; a request's dual is its surplus at those prices — the score of
 * its bid minus its provider's price, or 0 when unassigned. The repair kept every bid's reduced
 * cost non-negative, which is exactly dual feasibility; and prices are positive only on full
 * providers, so the dual bound collapses to the chosen total.
 */
function extract(instance: MatchingInstance, state: MatchState): Omit<MatchingResult, 'stats'> {
  const { requestCount: n, providerCount: m, bidProvider, bidScore } = instance;
  const assignment = state.slotOf; // rewritten in place, slot → bid: the state is done with
  const surplus = new Float64Array(n);
  const price = new Float64Array(m);
  price.set(state.price);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const at = assignment[r]!;
    if (at < 0) continue;
    const k = state.slots[at * SLOT_STRIDE + S_BID]!;
    assignment[r] = k;
    total += bidScore[k]!;
    surplus[r] = bidScore[k]! - price[bidProvider[k]!]!;
  }
  return { assignment, total, duals: { request: surplus, provider: price } };
}
