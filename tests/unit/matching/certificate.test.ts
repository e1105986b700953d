import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCertificate, matchRequests, type MatchingDuals } from '../../../packages/core/src/matching';
import { compact, tinySpec } from './fixtures';

// Two providers with one slot each; three requests compete. Optimum: r0→p0 (9), r1→p1 (7) = 16.
const instance = compact({
  capacities: [1, 1],
  bids: [
    [
      [0, 9],
      [1, 3],
    ],
    [
      [0, 8],
      [1, 7],
    ],
    [[0, 5]],
  ],
});
const solved = matchRequests(instance);
const copy = (duals: MatchingDuals) => ({
  request: Float64Array.from(duals.request),
  provider: Float64Array.from(duals.provider),
});

describe('checkCertificate', () => {
  it("accepts the solver's assignment and duals, with equal bounds", () => {
    const check = checkCertificate(instance, solved.assignment, solved.duals);
    expect(check).toEqual({ ok: true, primal: 16, dual: 16, problems: [] });
  });

  it('rejects a provider over capacity', () => {
    const assignment = Int32Array.of(0, 2, 4); // r0, r1 and r2 all at p0
    expect(checkCertificate(instance, assignment, solved.duals).problems).toContain(
      'provider 0 holds 3 requests, capacity 1',
    );
  });

  it("rejects a request holding another request's bid", () => {
    const assignment = Int32Array.of(0, 3, 1); // r2 claims bid 1, which is r0's
    expect(checkCertificate(instance, assignment, solved.duals).problems[0]).toMatch(/request 2 is assigned bid 1/);
  });

  it('rejects a feasible but worse assignment: the bounds no longer meet', () => {
    const assignment = Int32Array.of(1, 2, -1); // r0→p1 (3), r1→p0 (8) = 11
    const check = checkCertificate(instance, assignment, solved.duals);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(['the assignment scores 11 but the dual bound is 16']);
  });

  it('rejects duals lowered below a bid, negative or not a number', () => {
    const lowered = copy(solved.duals);
    lowered.provider[0] = lowered.provider[0]! - 1;
    expect(
      checkCertificate(instance, solved.assignment, lowered).problems.some((p) => p.includes('exceeds its duals')),
    ).toBe(true);
    const negative = copy(solved.duals);
    negative.request[2] = -1;
    expect(checkCertificate(instance, solved.assignment, negative).ok).toBe(false);
    const nan = copy(solved.duals);
    nan.provider[1] = NaN;
    expect(checkCertificate(instance, solved.assignment, nan).ok).toBe(false);
  });

  it('rejects duals raised above what is needed: the bound exceeds the total', () => {
    const raised = copy(solved.duals);
    raised.request[0] = raised.request[0]! + 1;
    expect(checkCertificate(instance, solved.assignment, raised).problems).toEqual([
      'the assignment scores 16 but the dual bound is 17',
    ]);
  });

  it('rejects arrays of the wrong length', () => {
    expect(checkCertificate(instance, Int32Array.of(0, 2), solved.duals).ok).toBe(false);
  });

  it('fails on every random tampering of a solved tiny instance', () => {
    fc.assert(
      fc.property(tinySpec(), fc.nat(), fc.constantFrom(-1, 1), (spec, pick, delta) => {
        // Prepare: a solved instance with at least one dual to perturb
        const tiny = compact(spec);
        const result = matchRequests(tiny);
        const duals = copy(result.duals);
        const all = duals.request.length + duals.provider.length;
        fc.pre(all > 0);
        const i = pick % all;
        const target = i < duals.request.length ? duals.request : duals.provider;
        const j = i < duals.request.length ? i : i - duals.request.length;
        // Act
        target[j] = target[j]! + delta;
        // Assess: raising lifts the bound (every capacity is >= 1); lowering a zero dual makes it
        // negative, and lowering a positive one breaks the tight constraint of an awarded bid
        expect(checkCertificate(tiny, result.assignment, duals).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
