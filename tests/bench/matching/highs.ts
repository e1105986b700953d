import loadHighs from 'highs';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
import type { MatchingInstance } from '../../../packages/core/src/matching';

export interface HighsRun {
  status: string;
  objective: number;
  /** Model load and solve inside HiGHS; building the JS arrays is not counted. */
  ms: number;
  /** Process CPU time over the same span. */
  cpuMs: number;
}

/**
 * Solves the LP relaxation with HiGHS (WebAssembly) by interior point, the reference the bench
 * compares against. The matrix is the bipartite incidence matrix, totally unimodular, so the LP
 * optimum is integral and must equal the exact matching total. The model goes in as sparse
 * arrays rather than CPLEX LP text: parsing a multi-million-line string would be charged to
 * HiGHS, and the comparison should be fair to it.
 *
 *   maximize Σ score_k x_k  s.t.  Σ_{k of r} x_k <= 1 (each request),
 *                                 Σ_{k to p} x_k <= capacity_p (each provider),  0 <= x_k <= 1.
 */
export async function highsSolver(): Promise<(instance: MatchingInstance, timeLimitSeconds: number) => HighsRun> {
  const highs = await loadHighs();
  return (instance, timeLimitSeconds) => solve(highs, instance, timeLimitSeconds);
}

function solve(highs: Highs, instance: MatchingInstance, timeLimitSeconds: number): HighsRun {
  const { requestCount: n, providerCount: m, capacity, bidStart, bidProvider, bidScore } = instance;
  const bids = bidProvider.length;
  const starts = new Int32Array(bids + 1);
  const indices = new Int32Array(2 * bids);
  for (let r = 0; r < n; r++) {
    for (let k = bidStart[r]!; k < bidStart[r + 1]!; k++) {
      starts[k + 1] = 2 * (k + 1);
      indices[2 * k] = r; // the request's row…
      indices[2 * k + 1] = n + bidProvider[k]!; // …then the provider's (rows sorted within a column)
    }
  }
  const rowUpper = new Float64Array(n + m);
  rowUpper.fill(1, 0, n);
  for (let p = 0; p < m; p++) rowUpper[n + p] = capacity[p]!;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const model = highs.createModel({
    numCols: bids,
    numRows: n + m,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(bidScore),
    colLower: new Float64Array(bids),
    colUpper: new Float64Array(bids).fill(1),
    rowLower: new Float64Array(n + m),
    rowUpper,
    matrix: {
      format: 'csc',
      numRows: n + m,
      numCols: bids,
      starts,
      indices,
      values: new Float64Array(2 * bids).fill(1),
    },
  });
  try {
    model.options.set({ output_flag: false, solver: 'ipm', time_limit: timeLimitSeconds });
    model.run();
    const status = model.getModelStatus();
    const names = Object.entries(highs.constants.modelStatus).find(([, code]) => code === status);
    const ms = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    return {
      status: names?.[0] ?? String(status),
      objective: model.getObjectiveValue(),
      ms,
      cpuMs: (used.user + used.system) / 1000,
    };
  } finally {
    model.dispose();
  }
}
