import { invalid } from '../errors';
import type { MatchingInstance } from './types';

/**
 * Rejects an instance the solver cannot trust before any work is done, with the stable code
 * `MATCHING.INVALID_INSTANCE`. Typed arrays already guarantee integers; what is left to check
 * is shape, ranges and signs — one pass over the bids, cheap next to the solve.
 *
 * @example
 * validateMatchingInstance(instance); // throws DomainError('MATCHING.INVALID_INSTANCE', …) when malformed
 */
export function validateMatchingInstance(instance: MatchingInstance): void {
  const { requestCount: n, providerCount: m, capacity, bidStart, bidProvider, bidScore } = instance;
  const fail = (message: string): never => {
    throw invalid('MATCHING.INVALID_INSTANCE', message);
  };
  // The integer guarantee rests on the array type, so a plain array is refused outright.
  for (const [name, array] of Object.entries({ capacity, bidStart, bidProvider, bidScore })) {
    if (!(array instanceof Int32Array)) fail(`${name} must be an Int32Array`);
  }
  if (!Number.isSafeInteger(n) || n < 0) fail('requestCount must be a non-negative integer');
  if (!Number.isSafeInteger(m) || m < 0) fail('providerCount must be a non-negative integer');
  if (capacity.length !== m) fail(`capacity has ${capacity.length} entries for ${m} providers`);
  if (bidStart.length !== n + 1) fail(`bidStart has ${bidStart.length} entries, expected ${n + 1}`);
  const bids = bidProvider.length;
  if (bidScore.length !== bids) fail('bidProvider and bidScore differ in length');
  if (bidStart[0] !== 0 || bidStart[n] !== bids) fail('bidStart must run from 0 to the number of bids');
  for (let r = 0; r < n; r++) {
    if (bidStart[r + 1]! < bidStart[r]!) fail(`bidStart decreases at request ${r}`);
  }
  for (let p = 0; p < m; p++) {
    if (capacity[p]! < 0) fail(`provider ${p} has a negative capacity`);
  }
  for (let k = 0; k < bids; k++) {
    const p = bidProvider[k]!;
    if (p < 0 || p >= m) fail(`bid ${k} names provider ${p}, outside 0..${m - 1}`);
    if (bidScore[k]! < 0) fail(`bid ${k} has a negative score`);
  }
}
