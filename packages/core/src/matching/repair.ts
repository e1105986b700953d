import { IndexedHeap } from './heap';
import * as layout from './state';
import { place, unplace, type MatchState } from './state';
import type { MatchingInstance } from './types';

/** Largest search or scan counter before the stamps restart: 3 × it still fits in 32 bits. */
const STAMP_LIMIT = 2 ** 28;

/** What the repair did, for `MatchingStats`. */
export interface RepairCounts {
  searches: number;
  settled: number;
  scanned: number;
  dropped: number;
}

/**
 * Removes every unit of excess, one shortest augmenting path at a time (successive shortest
 * paths on the min-cost-flow residual graph), keeping the duals feasible throughout.
 *
 * Only providers are heap nodes: a request held by provider p is reached from p alone, at p's
 * distance (its reverse arc is tight), so it is scanned inline. Arc lengths are reduced costs,
 * never negative, so Dijkstra is exact:
 * - moving request r from its provider to q costs surplus(r) + price(q) - score(r, q);
 * - dropping r (leaving it unassigned) costs surplus(r) = score of its bid - its provider's price;
 * - arriving at a provider with room ends the path at no further cost.
 * The search stops at the cheapest end D; settled providers then raise their price by
 * D - distance (Johnson potentials), which makes the path tight and keeps every other reduced
 * cost non-negative. Prices only rise, and only on full providers — so a price is positive
 * only where capacity binds, which is what complementary slackness needs.
 *
 * One long function on purpose: the search state (best, its end, the stamps) lives in locals,
 * which V8 keeps in registers; helpers sharing it would need a closure or an object instead.
 *
 * @example
 * const state = warmStart(instance);
 * repair(instance, state); // state now respects every capacity, optimally
 */
export function repair(instance: MatchingInstance, state: MatchState): RepairCounts {
  const { providerCount: m, bidProvider, bidScore } = instance;
  const { slotStart, slots, slotOf, provider, price } = state;
  // Local copies: transpilers may turn imported constants into getters, too slow for hot loops.
  const { SLOT_STRIDE: SS, S_ALT, S_BID, S_END, S_REQUEST, S_SCORE, S_START, ALT_NONE } = layout;
  const {
    PROVIDER_STRIDE: PS,
    P_CAPACITY,
    P_DIST,
    P_HEAP,
    P_PRED_BID,
    P_PRED_REQUEST,
    P_ROOM,
    P_SCAN,
    P_STAMP,
  } = layout;
  const settled = new Int32Array(m);
  const touched = new Int32Array(m); // providers improved by the current scan, each once
  const heap = new IndexedHeap(m, provider, PS, P_HEAP);
  let searches = 0;
  let settledTotal = 0;
  let scanned = 0;
  let dropped = 0;
  let scan = 0;
  let epoch = 0;

  for (let source = 0; source < m; source++) {
    while (provider[source * PS + P_ROOM]! < 0) {
      searches++;
      // Stamps instead of clearing m entries per search: reached (dist valid), queued, settled.
      // Counters restart (with the fields cleared) long before 32 bits could overflow.
      if (++epoch > STAMP_LIMIT || scan > STAMP_LIMIT) {
        for (let x = 0; x < m; x++) provider[x * PS + P_STAMP] = provider[x * PS + P_SCAN] = 0;
        epoch = 1;
        scan = 0;
      }
      const reached = 3 * epoch;
      const queued = reached + 1;
      const done = reached + 2;
      heap.clear();
      let best = Infinity; // D: the cheapest way found so far to shed one request
      let endProvider = -1; // the path ends by filling room here…
      let dropRequest = -1; // …or by leaving this request unassigned
      let settledCount = 0;
      let p = source;
      let dp = 0;
      provider[p * PS + P_DIST] = 0;
      for (;;) {
        provider[p * PS + P_STAMP] = done;
        settled[settledCount++] = p;
        const pPrice = price[p]!;
        const first = slotStart[p]! * SS;
        const last = (slotStart[p]! + provider[p * PS + P_CAPACITY]! - provider[p * PS + P_ROOM]!) * SS;
        let touchedCount = 0;
        scan++;
        // First the drops, and the request whose best move looks cheapest: scanning it first
        // usually sets a tight bound at once, so the other requests' bids can be skipped.
        let promising = -1;
        let promise = Infinity;
        for (let o = first; o < last; o += SS) {
          const base = dp + slots[o + S_SCORE]! - pPrice; // distance + surplus: the cost to drop
          if (base < best) {
            best = base;
            dropRequest = slots[o + S_REQUEST]!;
            endProvider = -1;
          }
          if (base - slots[o + S_ALT]! < promise) {
            promise = base - slots[o + S_ALT]!;
            promising = o;
          }
        }
        for (let i = promising >= 0 ? first - SS : first; i < last && best > dp; i += SS) {
          const o = i < first ? promising : i;
          if (i >= first && i === promising) continue;
          const base = dp + slots[o + S_SCORE]! - pPrice;
          // Every move costs at least base - (best alternative): skip the bids if that loses.
          if (base - slots[o + S_ALT]! >= best) continue;
          const r = slots[o + S_REQUEST]!;
          const end = slots[o + S_END]!;
          const start = slots[o + S_START]!;
          let alt = ALT_NONE;
          scanned += end - start;
          for (let k = start; k < end; k++) {
            const q = bidProvider[k]!;
            if (q === p) continue;
            const value = bidScore[k]! - price[q]!;
            if (value > alt) alt = value;
            const nd = base - value;
            if (nd >= best) continue;
            const qo = q * PS;
            const stamp = provider[qo + P_STAMP]!;
            if (stamp === done) continue; // settled already
            if (provider[qo + P_ROOM]! > 0) {
              // Room: the path is complete here, no need to queue q.
              best = nd;
              endProvider = q;
              dropRequest = -1;
            } else if (stamp < reached || nd < provider[qo + P_DIST]!) {
              if (stamp < reached) provider[qo + P_STAMP] = reached;
              provider[qo + P_DIST] = nd;
              if (provider[qo + P_SCAN] !== scan) {
                provider[qo + P_SCAN] = scan;
                touched[touchedCount++] = q;
              }
            } else continue;
            provider[qo + P_PRED_BID] = k;
            provider[qo + P_PRED_REQUEST] = r;
          }
          slots[o + S_ALT] = alt;
        }
        // Queue only what can still beat the best end: most candidates never can, and
        // skipping them saves most of the heap work.
        for (let i = 0; i < touchedCount; i++) {
          const q = touched[i]!;
          const d = provider[q * PS + P_DIST]!;
          if (d >= best) continue;
          if (provider[q * PS + P_STAMP] === queued) heap.decrease(q, d);
          else {
            provider[q * PS + P_STAMP] = queued;
            heap.push(q, d);
          }
        }
        if (best <= dp || heap.isEmpty || heap.minKey >= best) break;
        p = heap.pop();
        dp = provider[p * PS + P_DIST]!;
      }
      for (let i = 0; i < settledCount; i++) {
        const x = settled[i]!;
        price[x] = price[x]! + best - provider[x * PS + P_DIST]!;
      }
      settledTotal += settledCount;

      // Augment: walk back from the path's end, shifting each request one step along it.
      let q = endProvider;
      if (dropRequest >= 0) {
        dropped++;
        q = bidProvider[slots[slotOf[dropRequest]! * SS + S_BID]!]!;
        unplace(state, dropRequest, q);
      }
      while (q !== source) {
        const r = provider[q * PS + P_PRED_REQUEST]!;
        const from = bidProvider[slots[slotOf[r]! * SS + S_BID]!]!;
        unplace(state, r, from);
        place(state, instance, r, provider[q * PS + P_PRED_BID]!, q);
        q = from;
      }
    }
  }
  return { searches, settled: settledTotal, scanned, dropped };
}
