/**
 * A matching problem in compact form: bids are stored request by request (CSR), so a run over
 * millions of bids allocates a handful of typed arrays and no object per bid.
 *
 * Bid `k` of request `r` lies in `bidStart[r] <= k < bidStart[r + 1]`; it offers
 * `bidProvider[k]` at an integer score `bidScore[k] >= 0` (hundredths of a point, as the
 * evaluation produces them). Integers keep the optimum and its certificate exact.
 */
export interface MatchingInstance {
  readonly requestCount: number;
  readonly providerCount: number;
  /** Engagements each provider can still take in this run (an integer >= 0). */
  readonly capacity: Int32Array;
  /** Length `requestCount + 1`, non-decreasing, from 0 to the number of bids. */
  readonly bidStart: Int32Array;
  readonly bidProvider: Int32Array;
  readonly bidScore: Int32Array;
}

/**
 * LP dual prices proving optimality: `request[r] + provider[p] >= score` for every bid, all
 * entries >= 0, and `sum(request) + sum(capacity[p] * provider[p])` equals the chosen total.
 * By weak duality no assignment can score more than that sum, so the chosen one is optimal.
 * `provider[p]` reads as the provider's price; `request[r]` as the request's surplus.
 */
export interface MatchingDuals {
  readonly request: Float64Array;
  readonly provider: Float64Array;
}

/** Counters that explain a run's cost; they never affect the result. */
export interface MatchingStats {
  readonly bids: number;
  /** Requests over capacity after every request took its best bid. */
  readonly initialExcess: number;
  /** Shortest-path searches, one per unit of excess removed. */
  readonly searches: number;
  /** Providers settled across all searches. */
  readonly settled: number;
  /** Bids looked at across all searches. */
  readonly scanned: number;
  /** Requests the repair left unassigned because every alternative scored less overall. */
  readonly dropped: number;
}

export interface MatchingResult {
  /** Per request: the index of the awarded bid, or -1. */
  readonly assignment: Int32Array;
  /** Sum of the awarded bids' scores: the maximum possible. */
  readonly total: number;
  readonly duals: MatchingDuals;
  readonly stats: MatchingStats;
}
