import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScreenFlag, runScreens, type ScreenKind, type ScreenedRequest } from '../../../packages/core/src/screens';
import {
  coverPattern,
  honestMarket,
  identicalPattern,
  rotationPattern,
  sharePattern,
  singleBidPattern,
} from './markets';

const POLICY = { providerShareThresholdBp: 6_000 };
const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const base = fc.integer({ min: 1_000_00, max: 50_00_000_00 });
const ofKind = (market: readonly ScreenedRequest[], kind: ScreenKind) =>
  runScreens(market, POLICY).filter((f) => f.kind === kind);

describe('each screen fires on its synthetic pattern, inside a random honest market', () => {
  it('identical prices: two providers within 0.2 % on every request they both bid on', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 2, max: 8 }), base, (s, joint, b) => {
        // Prepare
        const pattern = identicalPattern(joint, b);
        // Act
        const flags = ofKind([...honestMarket(s), ...pattern], 'identical_prices');
        // Assess: the pair is named, with the requests and both totals of each
        const f = flags.find((x) => x.providerIds.join() === 'prv_twin_a,prv_twin_b');
        expect(f).toBeDefined();
        expect(f!.figures).toMatchObject({ nearRequests: joint, jointRequests: joint });
        expect(f!.requestIds).toEqual(pattern.map((r) => r.requestId));
        expect(f!.bids).toHaveLength(joint * 2);
      }),
      { numRuns: 50 },
    );
  });

  it('cover bidding: two providers taking turns, each losing at 130 % or more of the other', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 1, max: 5 }), base, fc.integer({ min: 130, max: 300 }), (s, n, b, pct) => {
        const pattern = coverPattern(n, b, pct);
        const f = ofKind([...honestMarket(s), ...pattern], 'cover_bidding').find(
          (x) => x.category === 'custom:rigged-b',
        );
        expect(f?.providerIds).toEqual(['prv_cov_a', 'prv_cov_b']);
        expect(f!.figures.requests).toBe(2 * n);
        expect(f!.figures.minRatioBp).toBeGreaterThanOrEqual(13_000);
      }),
      { numRuns: 50 },
    );
  });

  it('bid rotation: two or three providers winning in turn for 8 or more requests', () => {
    fc.assert(
      fc.property(
        seed,
        fc.constantFrom(2 as const, 3 as const),
        fc.integer({ min: 8, max: 20 }),
        base,
        (s, m, n, b) => {
          const f = ofKind([...honestMarket(s), ...rotationPattern(m, n, b)], 'bid_rotation').find(
            (x) => x.category === 'custom:rigged-c',
          );
          expect(f?.figures).toMatchObject({ period: m, requests: n });
          expect(f!.providerIds).toHaveLength(m);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('single-bid requests: at least 3, and at least half of the category', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 3, max: 10 }), fc.nat(10), base, (s, single, others0, b) => {
        const others = Math.min(others0, single);
        const f = ofKind([...honestMarket(s), ...singleBidPattern(single, others, b)], 'single_bid').find(
          (x) => x.category === 'custom:rigged-d',
        );
        expect(f?.figures).toMatchObject({ singleBid: single, requests: single + others });
      }),
      { numRuns: 50 },
    );
  });

  it("provider share: one provider holding more than the policy's share, beyond chance", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 7, max: 15 }), base, (s, wins, b) => {
        const flags = ofKind([...honestMarket(s), ...sharePattern(wins, 1, b)], 'provider_share');
        const mine = flags.find((x) => x.category === 'custom:rigged-e');
        expect(mine?.providerIds).toEqual(['prv_erp']);
        expect(mine!.figures.shareBp).toBeGreaterThan(6_000);
        expect(mine!.figures).toMatchObject({ providerAwards: wins, awards: wins + 1, limitBp: 6_000 });
      }),
      { numRuns: 50 },
    );
  });
});

describe('thresholds are where the documentation says', () => {
  it('identical prices: one near request in three is not a habit; a 0.2 % gap on one of one is not enough', () => {
    const twice = identicalPattern(2, 100_000_00);
    const third = {
      ...twice[0]!,
      requestId: 'req_x_extra',
      bids: twice[0]!.bids.map((b, i) => ({ ...b, total: { ...b.total, amount: b.total.amount * (i + 1) } })),
    };
    expect(ofKind([...twice, third], 'identical_prices')).toHaveLength(1);
    expect(ofKind(identicalPattern(1, 100_000_00), 'identical_prices')).toHaveLength(0);
  });

  it('cover bidding: losers at 129 % are not far above', () => {
    expect(ofKind(coverPattern(3, 100_000_00, 129), 'cover_bidding')).toHaveLength(0);
  });

  it('rotation: 7 turns are not yet a rotation', () => {
    expect(ofKind(rotationPattern(2, 7, 100_000_00), 'bid_rotation')).toHaveLength(0);
  });

  it('provider share: the threshold is the policy; at or below it nothing fires', () => {
    const market = sharePattern(6, 4, 100_000_00); // 60 % exactly
    expect(runScreens(market, POLICY).filter((f) => f.kind === 'provider_share')).toHaveLength(0);
    expect(
      runScreens(market, { providerShareThresholdBp: 5_000 }).filter((f) => f.kind === 'provider_share'),
    ).toHaveLength(0); // 60 % of 10, but 6 wins among 3 bidders each is within chance
    expect(runScreens(sharePattern(9, 1, 100_000_00), POLICY).filter((f) => f.kind === 'provider_share')).toHaveLength(
      1,
    );
  });
});

describe('every flag states its evidence and is stable', () => {
  it('flags are valid, cite requests that exist, and do not depend on the order of the requests', () => {
    fc.assert(
      fc.property(seed, fc.integer(), (s, shuffleSeed) => {
        const market = [...honestMarket(s), ...rotationPattern(3, 9, 50_000_00), ...identicalPattern(3, 10_000_00)];
        const shuffled = [...market].sort(
          (a, b) => ((a.requestId.charCodeAt(5) ^ shuffleSeed) & 7) - ((b.requestId.charCodeAt(5) ^ shuffleSeed) & 7),
        );
        const flags = runScreens(market, POLICY);
        const ids = new Set(market.map((r) => r.requestId));
        for (const f of flags) {
          ScreenFlag.parse(f);
          expect(f.requestIds.length).toBeGreaterThan(0);
          expect(f.requestIds.every((id) => ids.has(id))).toBe(true);
          expect(f.bids.every((b) => ids.has(b.requestId) && Number.isSafeInteger(b.total.amount))).toBe(true);
        }
        expect(runScreens(shuffled, POLICY)).toEqual(flags);
        expect(new Set(flags.map((f) => f.id)).size).toBe(flags.length);
      }),
      { numRuns: 30 },
    );
  });
});

describe('stays silent on random honest markets', () => {
  // A statistical statement, not a per-market one: honest markets do produce every pattern now
  // and then. 2,000 fixed seeds keep it deterministic; npm run bench:screens measures 10,000.
  const MARKETS = 2_000;
  const counts = new Map<ScreenKind, number>();
  for (let s = 1; s <= MARKETS; s++)
    for (const kind of new Set(runScreens(honestMarket(s), POLICY).map((f) => f.kind)))
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
  it.each([
    ['identical_prices', 0.02],
    ['cover_bidding', 0.005],
    ['bid_rotation', 0.005],
    ['single_bid', 0.02],
    ['provider_share', 0.01],
  ] as const)('%s flags at most %d of honest markets', (kind, rate) => {
    expect((counts.get(kind) ?? 0) / MARKETS).toBeLessThanOrEqual(rate);
  });
});
