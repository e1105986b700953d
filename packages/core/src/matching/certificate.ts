import type { MatchingDuals, MatchingInstance } from './types';

/** The verdict on a claimed optimum: both bounds, and every rule it broke (first few only). */
export interface MatchingCertificateCheck {
  readonly ok: boolean;
  /** Total score of the assignment: a lower bound on the optimum. */
  readonly primal: number;
  /** sum(request duals) + sum(capacity × provider dual): an upper bound on the optimum. */
  readonly dual: number;
  readonly problems: readonly string[];
}

const MAX_PROBLEMS = 10;

/**
 * Checks, from the instance alone, that an assignment is optimal — deliberately naive code that
 * shares nothing with the solver, so an auditor can read it in a minute:
 * 1. the assignment is feasible: each request holds -1 or one of its own bids, and no provider
 *    gets more requests than its capacity;
 * 2. the duals are feasible: all >= 0 and finite, and `request[r] + provider[p] >= score` for
 *    every bid (r, p) — so for any feasible assignment x, total(x) <= the dual bound;
 * 3. the assignment's total equals the dual bound — so nothing can beat it (weak duality).
 *
 * @example
 * const result = matchRequests(instance);
 * checkCertificate(instance, result.assignment, result.duals).ok; // true
 */
export function checkCertificate(
  instance: MatchingInstance,
  assignment: Int32Array,
  duals: MatchingDuals,
): MatchingCertificateCheck {
  const { requestCount: n, providerCount: m, capacity, bidStart, bidProvider, bidScore } = instance;
  const problems: string[] = [];
  const report = (problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  if (assignment.length !== n || duals.request.length !== n || duals.provider.length !== m) {
    return { ok: false, primal: NaN, dual: NaN, problems: ['assignment or duals have the wrong length'] };
  }

  // 1. Primal feasibility, and the primal value.
  const load = new Int32Array(m);
  let primal = 0;
  for (let r = 0; r < n; r++) {
    const k = assignment[r]!;
    if (k === -1) continue;
    if (!(k >= bidStart[r]! && k < bidStart[r + 1]!)) {
      report(`request ${r} is assigned bid ${k}, which is not one of its bids`);
      continue;
    }
    load[bidProvider[k]!]!++;
    primal += bidScore[k]!;
  }
  for (let p = 0; p < m; p++) {
    if (load[p]! > capacity[p]!) report(`provider ${p} holds ${load[p]} requests, capacity ${capacity[p]}`);
  }

  // 2. Dual feasibility, and the dual value.
  let dual = 0;
  for (let r = 0; r < n; r++) {
    const u = duals.request[r]!;
    if (!(Number.isFinite(u) && u >= 0)) report(`request ${r} has dual ${u}, not a finite number >= 0`);
    dual += u;
  }
  for (let p = 0; p < m; p++) {
    const v = duals.provider[p]!;
    if (!(Number.isFinite(v) && v >= 0)) report(`provider ${p} has dual ${v}, not a finite number >= 0`);
    dual += capacity[p]! * v;
  }
  for (let r = 0; r < n; r++) {
    for (let k = bidStart[r]!; k < bidStart[r + 1]!; k++) {
      const p = bidProvider[k]!;
      if (duals.request[r]! + duals.provider[p]! < bidScore[k]!) {
        report(`bid ${k} (request ${r}, provider ${p}, score ${bidScore[k]}) exceeds its duals`);
      }
    }
  }

  // 3. Equal bounds. Integer data and integer duals make the sums exact, so compare exactly.
  if (primal !== dual) report(`the assignment scores ${primal} but the dual bound is ${dual}`);
  return { ok: problems.length === 0, primal, dual, problems };
}
