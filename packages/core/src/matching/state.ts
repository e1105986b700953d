import type { MatchingInstance } from './types';

/*
 * The solver's working layout. The searches jump between random providers, so speed is decided
 * by cache misses, not arithmetic. Each provider owns a fixed region of slot records, one per
 * request it holds, carrying everything a search reads about that request: scanning a provider
 * reads one contiguous block, and a request whose bids cannot help is skipped without touching
 * anything else. A region is sized for the most its provider ever holds: its load after the
 * warm start or its capacity, whichever is larger (the repair never exceeds either).
 */

/** Slot record (Int32Array, stride 8). */
export const SLOT_STRIDE = 8;
export const S_REQUEST = 0;
export const S_BID = 1; // the bid by which the provider holds the request
export const S_SCORE = 2; // its score
export const S_START = 3; // the request's bid range
export const S_END = 4;
/**
 * An upper bound on the request's best alternative, max over other providers q of
 * score - price(q). Prices only rise, so a value once computed stays a bound until the request
 * moves; it lets a search skip every bid of a request that cannot beat the best path so far.
 */
export const S_ALT = 5;
/** S_ALT when no bound is known: the request's bids must be looked at. */
export const ALT_UNKNOWN = 2 ** 31 - 1;
/** S_ALT when the request has no other provider at all. */
export const ALT_NONE = -(2 ** 31);

/**
 * Provider record (Int32Array, stride 4: 16 bytes, so 200,000 providers fit in 3.2 MB of cache).
 * Every stored value is bounded by the largest score, so 32-bit integers hold them exactly.
 */
export const PROVIDER_STRIDE = 4;
export const P_PRICE = 0; // dual price: >= 0, positive only while the provider is full
export const P_ROOM = 1; // capacity - load; negative while over capacity
export const P_STAMP = 2; // search bookkeeping, see repair.ts
export const P_DIST = 3;

export interface MatchState {
  readonly slotStart: Int32Array;
  readonly slots: Int32Array;
  /** Per request: the index of its slot record, or -1 while unassigned. */
  readonly slotOf: Int32Array;
  readonly provider: Int32Array;
}

/**
 * Every request takes its best bid (ties: the earliest) at price zero. That is optimal when
 * capacities are ignored, so the duals start feasible and only the excess at over-full
 * providers remains to repair.
 *
 * @example
 * const state = warmStart(instance);
 * state.provider[p * PROVIDER_STRIDE + P_ROOM] < 0; // p needs repair
 */
export function warmStart(instance: MatchingInstance): MatchState {
  const { requestCount: n, providerCount: m, capacity, bidStart, bidProvider, bidScore } = instance;
  const bestBid = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);
  for (let r = 0; r < n; r++) {
    let best = -1;
    for (let k = bidStart[r]!; k < bidStart[r + 1]!; k++) if (best < 0 || bidScore[k]! > bidScore[best]!) best = k;
    bestBid[r] = best;
    if (best >= 0) load[bidProvider[best]!]!++;
  }
  const slotStart = new Int32Array(m + 1);
  const provider = new Int32Array(m * PROVIDER_STRIDE);
  for (let p = 0; p < m; p++) {
    slotStart[p + 1] = slotStart[p]! + Math.max(load[p]!, capacity[p]!);
    provider[p * PROVIDER_STRIDE + P_ROOM] = capacity[p]!;
  }
  const state: MatchState = { slotStart, slots: new Int32Array(slotStart[m]! * SLOT_STRIDE), slotOf: new Int32Array(n).fill(-1), provider };
  for (let r = 0; r < n; r++) {
    const best = bestBid[r]!;
    if (best < 0) continue;
    const p = bidProvider[best]!;
    const at = place(state, instance, r, best, p);
    // At price zero the best alternative is simply the best score from another provider.
    let alt = ALT_NONE;
    for (let k = bidStart[r]!; k < bidStart[r + 1]!; k++) if (bidProvider[k] !== p && bidScore[k]! > alt) alt = bidScore[k]!;
    state.slots[at * SLOT_STRIDE + S_ALT] = alt;
  }
  return state;
}

/** Gives unassigned request r to provider p (which has a free slot) through bid k; returns the slot. */
export function place(state: MatchState, instance: MatchingInstance, r: number, k: number, p: number): number {
  const { slotStart, slots, slotOf, provider } = state;
  const capacity = instance.capacity[p]!;
  const room = provider[p * PROVIDER_STRIDE + P_ROOM]!;
  const at = slotStart[p]! + capacity - room; // the first free slot: start + load
  const o = at * SLOT_STRIDE;
  slots[o + S_REQUEST] = r;
  slots[o + S_BID] = k;
  slots[o + S_SCORE] = instance.bidScore[k]!;
  slots[o + S_START] = instance.bidStart[r]!;
  slots[o + S_END] = instance.bidStart[r + 1]!;
  slots[o + S_ALT] = ALT_UNKNOWN; // its alternatives changed: a former provider may be one now
  slotOf[r] = at;
  provider[p * PROVIDER_STRIDE + P_ROOM] = room - 1;
  return at;
}

/** Takes request r away from provider p, closing the gap with p's last slot. */
export function unplace(state: MatchState, instance: MatchingInstance, r: number, p: number): void {
  const { slotStart, slots, slotOf, provider } = state;
  const room = provider[p * PROVIDER_STRIDE + P_ROOM]!;
  const last = slotStart[p]! + instance.capacity[p]! - room - 1;
  const at = slotOf[r]!;
  if (at !== last) {
    for (let f = 0; f < SLOT_STRIDE; f++) slots[at * SLOT_STRIDE + f] = slots[last * SLOT_STRIDE + f]!;
    slotOf[slots[at * SLOT_STRIDE + S_REQUEST]!] = at;
  }
  slotOf[r] = -1;
  provider[p * PROVIDER_STRIDE + P_ROOM] = room + 1;
}
