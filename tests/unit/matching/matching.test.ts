import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCertificate, matchRequests } from '../../../packages/core/src/matching';
import { randomInstance } from '../../bench/matching/generate';
import { bruteForceOptimum, compact, tinySpec } from './fixtures';

describe('matchRequests', () => {
  it('finds the brute-force optimum on thousands of tiny instances, with a valid certificate', () => {
    fc.assert(
      fc.property(tinySpec(), (spec) => {
        // Prepare
        const instance = compact(spec);
        // Act
        const result = matchRequests(instance);
        // Assess
        expect(result.total).toBe(bruteForceOptimum(spec));
        const check = checkCertificate(instance, result.assignment, result.duals);
        expect(check.problems).toEqual([]);
        expect(check.dual).toBe(result.total);
      }),
      { numRuns: 3000 },
    );
  });

  it('stays exact when ties are everywhere (scores 0–2) and capacities may be 0', () => {
    fc.assert(
      fc.property(tinySpec({ maxScore: 2, minCapacity: 0, maxCapacity: 2 }), (spec) => {
        const instance = compact(spec);
        const result = matchRequests(instance);
        expect(result.total).toBe(bruteForceOptimum(spec));
        expect(checkCertificate(instance, result.assignment, result.duals).ok).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('never exceeds a capacity and awards each request only one of its own bids', () => {
    fc.assert(
      fc.property(tinySpec({ maxRequests: 8 }), (spec) => {
        const instance = compact(spec);
        const { assignment } = matchRequests(instance);
        const load = new Array<number>(instance.providerCount).fill(0);
        assignment.forEach((k, r) => {
          if (k === -1) return;
          expect(k).toBeGreaterThanOrEqual(instance.bidStart[r]!);
          expect(k).toBeLessThan(instance.bidStart[r + 1]!);
          load[instance.bidProvider[k]!]!++;
        });
        load.forEach((l, p) => expect(l).toBeLessThanOrEqual(instance.capacity[p]!));
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    // Prepare: big enough that the repair runs hundreds of searches
    const instance = randomInstance({
      requests: 1000,
      providers: 200,
      minBids: 1,
      maxBids: 25,
      maxCapacity: 10,
      maxScore: 10_000,
      seed: 5,
    });
    const before = structuredClone(instance);
    // Act
    const a = matchRequests(instance);
    const b = matchRequests(structuredClone(instance));
    // Assess
    expect(b.assignment).toEqual(a.assignment);
    expect(b.duals).toEqual(a.duals);
    expect(instance).toEqual(before);
    expect(a.stats.searches).toBeGreaterThan(0);
    expect(checkCertificate(instance, a.assignment, a.duals).ok).toBe(true);
  });

  it("gives the slot to the better bid and prices the provider at the loser's score", () => {
    const result = matchRequests(compact({ capacities: [1], bids: [[[0, 70]], [[0, 90]]] }));
    expect([...result.assignment]).toEqual([-1, 1]);
    expect(result.total).toBe(90);
    expect([...result.duals.provider]).toEqual([70]);
    expect([...result.duals.request]).toEqual([0, 20]);
  });

  it('moves a request to its runner-up when that frees a better award', () => {
    // r0 prefers p0 by 10 but r1 needs p0 more (by 40): optimum sends r0 to its runner-up.
    const result = matchRequests(
      compact({
        capacities: [1, 1],
        bids: [
          [
            [0, 60],
            [1, 50],
          ],
          [
            [0, 80],
            [1, 40],
          ],
        ],
      }),
    );
    expect(result.total).toBe(130);
    expect([...result.assignment]).toEqual([1, 2]);
  });

  it('awards a zero-score bid when the provider has room, and handles empty instances', () => {
    expect([...matchRequests(compact({ capacities: [1], bids: [[[0, 0]]] })).assignment]).toEqual([0]);
    const empty = matchRequests(compact({ capacities: [], bids: [[], []] }));
    expect([...empty.assignment]).toEqual([-1, -1]);
    expect(empty.total).toBe(0);
  });
});
