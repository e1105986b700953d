import type { MatchingInstance } from './types';

/*
 * The solver's working layout. The searches jump between random providers, so speed is decided
 * by cache misses, not arithmetic. Each provider owns a fixed region of slot records, one per
 * request it holds, carrying everything a search reads about that request: scanning a provider
 * reads one contiguous block, and a request whose bids cannot help is skipped without touching
 * anything else. A region is sized for the most its provider ever holds: its load after the
 * warm start or its capacity, whichever is larger (the repair never exceeds either).
 */

/** Slot record (Int32Array, stride 6). */
export const SLOT_STRIDE = 6;
export const S_REQUEST = 0;
export const S_BID = 1; // the bid by which the provider holds the request
export const S_SCORE = 2; // its score
export const S_START = 3; // the request's bid range, copied here to save a cache miss per scan
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
 * Provider record (Int32Array, stride 8: one 32-byte block), read only for providers a search
 * may use; all a search writes about a provider lands in it. Prices live in their own array:
 * every bid looked at reads one, and 4 bytes a provider (800 KB for 200,000) stay in cache far
 * better than whole records would. Every stored value is bounded by the largest score or the
 * number of searches, so 32-bit integers hold them exactly.
 */
export const PROVIDER_STRIDE = 8;
export const P_ROOM = 0; // capacity - load; negative while over capacity
export const P_CAPACITY = 1;
export const P_STAMP = 2; // which search reached, queued or settled it (see repair.ts)
export const P_DIST = 3; // its distance in that search
export const P_PRED_BID = 4; // the bid by which that search's path enters it
export const P_PRED_REQUEST = 5; // the request that bid belongs to
export const P_SCAN = 6; // the last scan that listed it as improved
export const P_HEAP = 7; // its position in the search's heap

export interface MatchState {
  readonly slotStart: Int32Array;
  readonly slots: Int32Array;
  /** Per request: the index of its slot record, or -1 while unassigned. */
  readonly slotOf: Int32Array;
  readonly provider: Int32Array;
  /** Per provider: the dual price, >= 0 and positive only while the provider is full. */
  readonly price: Int32Array;
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
  // slotOf first holds each request's best bid: fresh memory is dear at a million requests.
  const slotOf = new Int32Array(n);
  const load = new Int32Array(m);
  for (let r = 0; r < n; r++) {
    let best = -1;
    for (let k = bidStart[r]!; k < bidStart[r + 1]!; k++) if (best < 0 || bidScore[k]! > bidScore[best]!) best = k;
    slotOf[r] = best;
    if (best >= 0) load[bidProvider[best]!]!++;
  }
  const slotStart = new Int32Array(m + 1);
  const provider = new Int32Array(m * PROVIDER_STRIDE);
  for (let p = 0; p < m; p++) {
    slotStart[p + 1] = slotStart[p]! + Math.max(load[p]!, capacity[p]!);
    provider[p * PROVIDER_STRIDE + P_ROOM] = capacity[p]! - load[p]!;
    provider[p * PROVIDER_STRIDE + P_CAPACITY] = capacity[p]!;
  }
  const slots = new Int32Array(slotStart[m]! * SLOT_STRIDE);
  load.fill(0); // reused as each provider's fill count
  for (let r = 0; r < n; r++) {
    const best = slotOf[r]!;
    if (best < 0) continue; // and slotOf[r] = -1 already says unassigned
    const p = bidProvider[best]!;
    // At price zero the best alternative is the best score from another provider.
    let alt = ALT_NONE;
    for (let k = bidStart[r]!; k < bidStart[r + 1]!; k++)
      if (bidProvider[k] !== p && bidScore[k]! > alt) alt = bidScore[k]!;
    const at = slotStart[p]! + load[p]!++;
    const o = at * SLOT_STRIDE;
    slots[o + S_REQUEST] = r;
    slots[o + S_BID] = best;
    slots[o + S_SCORE] = bidScore[best]!;
    slots[o + S_START] = bidStart[r]!;
    slots[o + S_END] = bidStart[r + 1]!;
    slots[o + S_ALT] = alt;
    slotOf[r] = at;
  }
  return { slotStart, slots, slotOf, provider, price: new Int32Array(m) };
}

/** Gives unassigned request r to provider p (which has a free slot) through bid k; returns the slot. */
export function place(state: MatchState, instance: MatchingInstance, r: number, k: number, p: number): number {
  const { slotStart, slots, slotOf, provider } = state;
  const room = provider[p * PROVIDER_STRIDE + P_ROOM]!;
  const at = slotStart[p]! + provider[p * PROVIDER_STRIDE + P_CAPACITY]! - room; // first free: start + load
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
export function unplace(state: MatchState, r: number, p: number): void {
  const { slotStart, slots, slotOf, provider } = state;
  const room = provider[p * PROVIDER_STRIDE + P_ROOM]!;
  const last = slotStart[p]! + provider[p * PROVIDER_STRIDE + P_CAPACITY]! - room - 1;
  const at = slotOf[r]!;
  if (at !== last) {
    for (let f = 0; f < SLOT_STRIDE; f++) slots[at * SLOT_STRIDE + f] = slots[last * SLOT_STRIDE + f]!;
    slotOf[slots[at * SLOT_STRIDE + S_REQUEST]!] = at;
  }
  slotOf[r] = -1;
  provider[p * PROVIDER_STRIDE + P_ROOM] = room + 1;
}
