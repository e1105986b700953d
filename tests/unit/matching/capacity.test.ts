import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkByIds,
  overlapGroups,
  peakLoad,
  planCapacity,
  recommendAwards,
  windowsOverlap,
  type DeliveryWindow,
} from '../../../packages/core/src';
import { bruteForceOptimum } from './fixtures';

const DAY = 86_400_000;
const date = (d: number) => new Date(Date.UTC(2030, 0, 1) + d * DAY).toISOString().slice(0, 10);
const win = (start: number, end: number): DeliveryWindow => ({ start: date(start), end: date(end) });
const covers = (w: DeliveryWindow, d: number) => w.start <= date(d) && date(d) <= w.end;

const windowArb = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 12 }))
  .map(([s, len]) => win(s, s + len));

/** Providers with engagements and requests with bids (by provider index), small enough for brute force. */
const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 3 }).chain((m) =>
  fc.record({
    providers: fc.array(
      fc.record({ capacity: fc.integer({ min: 0, max: 3 }), engagements: fc.array(windowArb, { maxLength: 4 }) }),
      { minLength: m, maxLength: m },
    ),
    requests: fc.array(
      fc.record({
        window: windowArb,
        bids: fc
          .uniqueArray(fc.integer({ min: 0, max: m - 1 }), { minLength: 1, maxLength: m })
          .chain((ps) => fc.tuple(...ps.map((p) => fc.tuple(fc.constant(p), fc.integer({ min: 0, max: 30 }))))),
      }),
      { maxLength: 5 },
    ),
  }),
);

type Scenario = {
  providers: { capacity: number; engagements: DeliveryWindow[] }[];
  requests: { window: DeliveryWindow; bids: [number, number][] }[];
};

const toInput = (s: Scenario) => ({
  providers: s.providers.map((p, i) => ({ id: `prv_${i}`, capacity: p.capacity, engagements: p.engagements })),
  requests: s.requests.map((r, i) => {
    const ranking = [...r.bids]
      .sort((a, b) => b[1] - a[1])
      .map(([p, score]) => ({ bidId: `bid_${i}_${p}`, providerId: `prv_${p}`, score }));
    return { id: `req_${i}`, window: r.window, ranking, recommendedBidId: ranking[0]!.bidId };
  }),
});

describe('windows and load', () => {
  it('treats windows as inclusive day ranges', () => {
    expect(windowsOverlap(win(0, 9), win(9, 20))).toBe(true);
    expect(windowsOverlap(win(0, 9), win(10, 20))).toBe(false);
    expect(peakLoad([win(0, 9), win(9, 20), win(10, 20)], win(0, 30))).toBe(2);
    expect(peakLoad([win(0, 9), win(10, 20)], win(0, 30))).toBe(1);
    expect(peakLoad([win(0, 9), win(5, 20)], win(12, 30))).toBe(1);
  });

  it('peakLoad equals the most engagements on any single day of the window', () => {
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 8 }), windowArb, (engagements, within) => {
        let expected = 0;
        for (let d = 0; d <= 60; d++)
          if (covers(within, d)) expected = Math.max(expected, engagements.filter((e) => covers(e, d)).length);
        expect(peakLoad(engagements, within)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('overlapGroups keeps every item, and windows of different groups never overlap', () => {
    fc.assert(
      fc.property(
        fc.array(
          windowArb.map((window) => ({ window })),
          { maxLength: 10 },
        ),
        (items) => {
          const groups = overlapGroups(items);
          expect(groups.flat()).toHaveLength(items.length);
          groups.forEach((g, i) =>
            groups
              .slice(i + 1)
              .forEach((h) =>
                g.forEach((a) => h.forEach((b) => expect(windowsOverlap(a.window, b.window)).toBe(false))),
              ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('planCapacity', () => {
  it('takes what a provider already holds in overlapping windows off its capacity', () => {
    const plan = planCapacity(
      [
        { id: 'req_1', window: win(10, 20), bids: [{ providerId: 'prv_a', score: 5 }] },
        { id: 'req_2', window: win(50, 60), bids: [{ providerId: 'prv_a', score: 5 }] },
      ],
      [{ id: 'prv_a', capacity: 2, engagements: [win(0, 12), win(15, 30), win(55, 56)] }],
    );
    expect(plan.slots).toEqual([
      { id: 'prv_a#0', providerId: 'prv_a', group: 0, capacity: 2, busy: 1, remaining: 1 },
      { id: 'prv_a#1', providerId: 'prv_a', group: 1, capacity: 2, busy: 1, remaining: 1 },
    ]);
    expect(plan.requests.map((r) => r.bids[0]!.providerId)).toEqual(['prv_a#0', 'prv_a#1']);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() =>
      planCapacity([{ id: 'req_1', window: { start: '2030-02-02', end: '2030-02-01' }, bids: [] }], []),
    ).toThrow(expect.objectContaining({ code: 'MATCHING.INVALID_WINDOW' }));
  });
});

describe('recommendAwards', () => {
  it('gives a full provider to the request where it adds most, and the runner-up to the other', () => {
    const ranking = (i: number, top: number, second: number) => [
      { bidId: `bid_${i}a`, providerId: 'prv_a', score: top },
      { bidId: `bid_${i}b`, providerId: 'prv_b', score: second },
    ];
    const run = recommendAwards(
      [
        { id: 'req_1', window: win(0, 30), ranking: ranking(1, 9_000, 8_500), recommendedBidId: 'bid_1a' },
        { id: 'req_2', window: win(10, 40), ranking: ranking(2, 8_000, 6_000), recommendedBidId: 'bid_2a' },
      ],
      [
        { id: 'prv_a', capacity: 1, engagements: [] },
        { id: 'prv_b', capacity: 5, engagements: [] },
      ],
    );
    expect(run.recommendations).toEqual([
      {
        requestId: 'req_1',
        bidId: 'bid_1b',
        providerId: 'prv_b',
        slotId: 'prv_b#0',
        score: 8_500,
        capacityAdjusted: true,
        reason: 'recommended bidder at capacity',
      },
      {
        requestId: 'req_2',
        bidId: 'bid_2a',
        providerId: 'prv_a',
        slotId: 'prv_a#0',
        score: 8_000,
        capacityAdjusted: false,
      },
    ]);
    expect(run.outcome.total).toBe(16_500);
    expect(run.check.ok).toBe(true);
  });

  it('keeps the recommendation, with the reason, when every bidder is at capacity', () => {
    const run = recommendAwards(
      [
        {
          id: 'req_1',
          window: win(0, 30),
          ranking: [{ bidId: 'bid_1', providerId: 'prv_a', score: 10 }],
          recommendedBidId: 'bid_1',
        },
      ],
      [{ id: 'prv_a', capacity: 1, engagements: [win(5, 6)] }],
    );
    expect(run.recommendations).toEqual([
      {
        requestId: 'req_1',
        bidId: 'bid_1',
        providerId: 'prv_a',
        score: 10,
        capacityAdjusted: false,
        reason: 'every bidder at capacity',
      },
    ]);
  });

  it(
    'never puts a provider over its capacity on any day, matches ' +
      'the brute-force optimum, and its certificate checks',
    () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const { providers, requests } = toInput(s);
          const run = recommendAwards(requests, providers);
          expect(run.check.ok).toBe(true);
          const slotIndex = new Map(run.plan.providers.map((p, i) => [p.id, i]));
          const spec = {
            capacities: run.plan.providers.map((p) => p.capacity),
            bids: run.plan.requests.map((r) =>
              r.bids.map((b): [number, number] => [slotIndex.get(b.providerId)!, b.score]),
            ),
          };
          expect(run.outcome.total).toBe(bruteForceOptimum(spec));
          for (const provider of providers) {
            const mine = run.recommendations
              .filter((r) => r.slotId && r.providerId === provider.id)
              .map((r) => requests.find((q) => q.id === r.requestId)!.window);
            for (let d = 0; d <= 60; d++) {
              const existing = provider.engagements.filter((e) => covers(e, d)).length;
              const added = mine.filter((w) => covers(w, d)).length;
              if (added > 0)
                expect(existing + added, `${provider.id} on day ${d}`).toBeLessThanOrEqual(provider.capacity);
            }
          }
        }),
        { numRuns: 400 },
      );
    },
  );

  it('a tampered certificate or award fails the check', () => {
    const { providers, requests } = toInput({
      providers: [
        { capacity: 1, engagements: [] },
        { capacity: 1, engagements: [] },
      ],
      requests: [
        {
          window: win(0, 5),
          bids: [
            [0, 9],
            [1, 4],
          ],
        },
        { window: win(0, 5), bids: [[0, 8]] },
      ],
    });
    const run = recommendAwards(requests, providers);
    expect(run.check.ok).toBe(true);
    const { certificate, awards } = run.outcome;
    expect(
      checkByIds(run.plan.requests, run.plan.providers, awards, {
        ...certificate,
        providers: { ...certificate.providers, 'prv_0#0': 0 },
      }).ok,
    ).toBe(false);
    expect(
      checkByIds(
        run.plan.requests,
        run.plan.providers,
        awards.map((a) => ({ ...a, providerId: 'prv_0#0' })),
        certificate,
      ).ok,
    ).toBe(false);
    expect(checkByIds(run.plan.requests, run.plan.providers, awards.slice(1), certificate).ok).toBe(false);
  });
});
