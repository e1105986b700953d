import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bid } from '../../../packages/core/src/bid';
import {
  evaluate,
  summarizeRatings,
  type EvaluationResult,
  type ProviderQuality,
} from '../../../packages/core/src/evaluation';
import { money } from '../../../packages/core/src/money';
import type { ServiceRequest } from '../../../packages/core/src/request';
import { priceCurve } from './arbitraries';
import { aBid, aRequest, idOf } from './fixtures';

interface Scenario {
  request: ServiceRequest;
  bids: Bid[];
  pledged: number;
  quality: Map<string, ProviderQuality>;
}

const TIMES = ['2025-03-02T00:00:00.000Z', '2025-03-03T00:00:00.000Z', '2025-03-04T00:00:00.000Z'];
// Few distinct prices make ties common, so the tie-breaks get exercised.
const curve = fc.oneof(priceCurve({ maxBound: 40, maxPrice: 4 }), priceCurve({ maxBound: 40, maxPrice: 1_000_000 }));
const bidShape = fc.record({
  curve,
  live: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  usd: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  time: fc.constantFrom(...TIMES),
  provider: fc.integer({ min: 1, max: 10 }),
  accredited: fc.boolean(),
  // A few shared histories make equal quality scores, hence score ties, common.
  ratings: fc.oneof(fc.constantFrom([], [3], [4, 5]), fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 })),
});

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    min: fc.integer({ min: 1, max: 30 }),
    spread: fc.integer({ min: 0, max: 40 }),
    price: fc.oneof(fc.constantFrom(0, 50, 100), fc.integer({ min: 0, max: 100 })),
    extra: fc.integer({ min: 0, max: 50 }),
    shapes: fc.array(bidShape, { minLength: 1, maxLength: 8 }),
  })
  .map(({ min, spread, price, extra, shapes }) => {
    const request = aRequest({
      status: 'evaluating',
      minFirms: min,
      maxFirms: min + spread,
      weights: { price, quality: 100 - price },
    });
    const quality = new Map<string, ProviderQuality>();
    const bids = shapes.map((s, i) => {
      quality.set(idOf('provider', s.provider), { accredited: s.accredited, ratings: summarizeRatings(s.ratings) });
      const priceTiers = s.usd
        ? s.curve.priceTiers.map((t) => ({ ...t, pricePerFirm: money(t.pricePerFirm.amount, 'USD') }))
        : s.curve.priceTiers;
      return aBid({
        id: idOf('bid', i + 1),
        providerId: idOf('provider', s.provider),
        priceTiers,
        capacity: s.curve.capacity,
        status: s.live ? 'live' : 'withdrawn',
        submittedAt: s.time,
        version: 1 + (i % 3),
      });
    });
    return { request, bids, pledged: min + extra, quality };
  });

const run = (s: Scenario): EvaluationResult => evaluate(s.request, s.bids, s.pledged, s.quality);
const rankedIds = (r: EvaluationResult): string[] => (r.outcome === 'ranked' ? r.ranking.map((x) => x.bidId) : []);
const withPrices = (bid: Bid, f: (amount: number) => number): Bid => ({
  ...bid,
  priceTiers: bid.priceTiers.map((t) => ({
    ...t,
    pricePerFirm: money(f(t.pricePerFirm.amount), t.pricePerFirm.currency),
  })),
});

describe('evaluation properties', () => {
  it('scaling every price by the same factor never changes the ranking or the winner', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 2, max: 1000 }), (s, k) => {
        const before = run(s);
        const after = run({ ...s, bids: s.bids.map((b) => withPrices(b, (a) => a * k)) });
        expect(rankedIds(after)).toEqual(rankedIds(before));
        expect(after.outcome).toBe(before.outcome);
      }),
    );
  });

  it('raising one bid’s price never improves its rank', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (s, pick, delta) => {
        // Prepare
        const target = s.bids[pick % s.bids.length]!;
        const raised = s.bids.map((b) => (b.id === target.id ? withPrices(b, (a) => a + delta) : b));
        // Act
        const before = rankedIds(run(s)).indexOf(target.id);
        const after = rankedIds(run({ ...s, bids: raised })).indexOf(target.id);
        // Assess: ranked both times (validity does not depend on price), and no better placed.
        expect(after === -1).toBe(before === -1);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('never ranks, let alone recommends, a bid that cannot serve the volume (but for a split ranking)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = run(s);
        if (result.outcome !== 'ranked') return;
        if (result.split) {
          // Issue 13: no bid serves the volume alone; each ranked bid is quoted at what it can take, which
          // reaches its first tier, and together they cover the volume.
          for (const r of result.ranking) {
            const bid = s.bids.find((b) => b.id === r.bidId)!;
            expect(r.capacity).toBeLessThan(result.volume);
            expect(r.capacity).toBeLessThanOrEqual(bid.capacity);
            expect(bid.priceTiers[0]!.minFirms).toBeLessThanOrEqual(r.capacity!);
            expect(bid.status).toBe('live');
          }
          expect(result.ranking.reduce((n, r) => n + r.capacity!, 0)).toBeGreaterThanOrEqual(result.volume);
          return;
        }
        for (const r of result.ranking) {
          const bid = s.bids.find((b) => b.id === r.bidId)!;
          expect(bid.capacity).toBeGreaterThanOrEqual(result.volume);
          expect(bid.priceTiers[0]!.minFirms).toBeLessThanOrEqual(result.volume);
          expect(bid.status).toBe('live');
        }
        expect(result.volume).toBe(Math.min(s.pledged, s.request.maxFirms));
        expect(result.recommended).toEqual(result.ranking[0]);
      }),
    );
  });

  it('too few pledges always ends unsuccessful', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 30 }), (s, short) => {
        const pledged = Math.max(0, s.request.minFirms - short);
        expect(run({ ...s, pledged })).toMatchObject({ outcome: 'unsuccessful', code: 'too_few_pledges' });
      }),
    );
  });

  it('ranks a permutation of the valid bids, ordered by score, the same whatever the input order', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.bids, { minLength: s.bids.length }))),
        ([s, shuffled]) => {
          // Act
          const result = run(s);
          // Assess: every bid is either ranked or invalid, never both; ranks are 1..n by non-increasing score.
          const ranked = rankedIds(result);
          const invalid = result.invalid.map((i) => i.bidId);
          expect([...ranked, ...invalid].sort()).toEqual(s.bids.map((b) => b.id).sort());
          if (result.outcome === 'ranked') {
            expect(result.ranking.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
            result.ranking.slice(1).forEach((r, i) => expect(r.score).toBeLessThanOrEqual(result.ranking[i]!.score));
          } else if (result.code === 'no_valid_bid') {
            expect(invalid).toHaveLength(s.bids.length);
          }
          expect(run({ ...s, bids: shuffled })).toEqual(result);
        },
      ),
    );
  });
});
