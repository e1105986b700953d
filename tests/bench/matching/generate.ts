import type { MatchingInstance } from '../../../packages/core/src/matching';

/** mulberry32: a tiny, fast, seeded PRNG, so every run benchmarks the same instances. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface InstanceSpec {
  requests: number;
  providers: number;
  /** Bids per request: uniform in [minBids, maxBids], from distinct providers. */
  minBids: number;
  maxBids: number;
  maxCapacity: number;
  maxScore: number;
  seed: number;
}

/**
 * A random instance straight into typed arrays (no per-bid objects, so a million requests
 * with 13M bids take ~100 MB): capacities uniform in 1..maxCapacity, scores uniform in
 * 0..maxScore (hundredths of a point, as the evaluation scores).
 */
export function randomInstance(spec: InstanceSpec): MatchingInstance {
  const random = seededRandom(spec.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const { requests: n, providers: m } = spec;
  const capacity = new Int32Array(m);
  for (let p = 0; p < m; p++) capacity[p] = int(1, spec.maxCapacity);
  const counts = new Int32Array(n);
  let bids = 0;
  // Distinct bidders: a request can have at most m of them (25 bids at 20 providers → 20).
  for (let r = 0; r < n; r++) bids += counts[r] = Math.min(int(spec.minBids, spec.maxBids), m);
  const bidStart = new Int32Array(n + 1);
  const bidProvider = new Int32Array(bids);
  const bidScore = new Int32Array(bids);
  let k = 0;
  for (let r = 0; r < n; r++) {
    const start = k;
    while (k - start < counts[r]!) {
      const p = int(0, m - 1);
      let fresh = true;
      for (let j = start; j < k; j++) if (bidProvider[j] === p) fresh = false;
      if (!fresh) continue; // one bid per provider and request
      bidProvider[k] = p;
      bidScore[k++] = int(0, spec.maxScore);
    }
    bidStart[r + 1] = k;
  }
  return { requestCount: n, providerCount: m, capacity, bidStart, bidProvider, bidScore };
}
