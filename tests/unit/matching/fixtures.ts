import fc from 'fast-check';
import type { MatchingInstance } from '../../../packages/core/src/matching';

/** A tiny instance as plain data: per request, its bids as [provider, score]. */
export interface TinySpec {
  capacities: number[];
  bids: [provider: number, score: number][][];
}

/** Compact form of a tiny spec, exactly as `matchRequests` takes it. */
export function compact(spec: TinySpec): MatchingInstance {
  const flat = spec.bids.flat();
  const bidStart = new Int32Array(spec.bids.length + 1);
  spec.bids.forEach((bids, r) => (bidStart[r + 1] = bidStart[r]! + bids.length));
  return {
    requestCount: spec.bids.length,
    providerCount: spec.capacities.length,
    capacity: Int32Array.from(spec.capacities),
    bidStart,
    bidProvider: Int32Array.from(flat, ([p]) => p),
    bidScore: Int32Array.from(flat, ([, s]) => s),
  };
}

/**
 * Up to `maxRequests` requests × `maxProviders` providers, each request bidding from a random
 * subset of distinct providers. Small score ranges make ties (the hard cases) common.
 */
export function tinySpec(
  options: {
    maxRequests?: number;
    maxProviders?: number;
    minCapacity?: number;
    maxCapacity?: number;
    maxScore?: number;
  } = {},
): fc.Arbitrary<TinySpec> {
  const { maxRequests = 6, maxProviders = 4, minCapacity = 1, maxCapacity = 3, maxScore = 20 } = options;
  return fc.integer({ min: 1, max: maxProviders }).chain((m) =>
    fc.record({
      capacities: fc.array(fc.integer({ min: minCapacity, max: maxCapacity }), { minLength: m, maxLength: m }),
      bids: fc.array(
        fc
          .uniqueArray(fc.integer({ min: 0, max: m - 1 }), { maxLength: m })
          .chain((providers) =>
            fc.tuple(...providers.map((p) => fc.tuple(fc.constant(p), fc.integer({ min: 0, max: maxScore })))),
          ),
        { maxLength: maxRequests },
      ),
    }),
  );
}

/** The best total by exhaustive search with a simple bound: obviously right, fine for ≤ 6 requests. */
export function bruteForceOptimum(spec: TinySpec): number {
  const room = [...spec.capacities];
  const bestLeft = spec.bids.map((_, r) =>
    spec.bids.slice(r).reduce((sum, bids) => sum + Math.max(0, ...bids.map(([, s]) => s)), 0),
  );
  let best = 0;
  const visit = (r: number, total: number): void => {
    if (r === spec.bids.length) {
      best = Math.max(best, total);
      return;
    }
    if (total + bestLeft[r]! <= best) return;
    for (const [p, s] of spec.bids[r]!) {
      if (room[p]! === 0) continue;
      room[p]!--;
      visit(r + 1, total + s);
      room[p]!++;
    }
    visit(r + 1, total); // leave r unassigned
  };
  visit(0, 0);
  return best;
}
