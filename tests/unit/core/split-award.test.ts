import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import { add, money, times } from '../../../packages/core/src/money';
import {
  award,
  awardSplit,
  checkSplit,
  planSplit,
  type AwardBasis,
  type SplitCandidate,
} from '../../../packages/core/src/request';
import { computeSubsidy, splitByMilestones } from '../../../packages/core/src/subsidy';
import { award as subsidyAward, fundsFor, programme } from '../subsidy/fixtures';
import { DEADLINE_MS, aRequest, atDeadline, expectDomainError, idOf, inr } from './fixtures';

const USER = idOf('user', 3);
const evaluating = aRequest({
  status: 'evaluating',
  milestones: [
    { name: 'Training delivered', shareBasisPoints: 6000 },
    { name: 'Follow-up visit', shareBasisPoints: 4000 },
  ],
});
const REASON = 'Sutra trains in Punjabi for the firms of the northern block';

/** A candidate: capacity, a first tier at or below it, and 1–3 tiers getting cheaper. */
const candidateArb = (i: number, volume: number): fc.Arbitrary<SplitCandidate> =>
  fc
    .record({
      capacity: fc.integer({ min: 1, max: Math.max(1, volume - 1) }),
      first: fc.integer({ min: 1, max: 10 }),
      prices: fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 3 }),
    })
    .map(({ capacity, first, prices }) => {
      const start = Math.min(first, capacity);
      const sorted = [...prices].sort((a, b) => b - a);
      return {
        bidId: idOf('bid', i + 1),
        providerId: idOf('provider', i + 1),
        rank: i + 1,
        capacity,
        priceTiers: sorted.map((p, k) => ({ minFirms: start + k * 5, pricePerFirm: inr(p) })),
      };
    });

const marketArb = fc.integer({ min: 2, max: 120 }).chain((volume) =>
  fc.record({
    volume: fc.constant(volume),
    candidates: fc
      .integer({ min: 2, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(i, volume)))),
    extraPledges: fc.integer({ min: 0, max: 5 }),
    repeatCount: fc.integer({ min: 0, max: 5 }),
  }),
);

const basisFor = (volume: number, candidates: readonly SplitCandidate[]): AwardBasis => {
  const ranking = candidates.map((c) => ({
    bidId: c.bidId,
    providerId: c.providerId,
    pricePerFirm: c.priceTiers[0]!.pricePerFirm,
    total: times(c.priceTiers[0]!.pricePerFirm, c.capacity),
    rank: c.rank,
  }));
  return { requestId: evaluating.id, volume, ranking, recommended: ranking[0]!, split: true };
};

const pledgesOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    firmId: idOf('firm', 1_000 + ((i * 7919) % 10_007)),
    pledgedAt: new Date(DEADLINE_MS - 1_000_000 + ((i * 37) % 50) * 1000).toISOString(),
  }));

describe('a split award (issue 13)', () => {
  it('never exceeds a bidder’s capacity, serves each served firm in exactly one contract, and sums exactly', () => {
    fc.assert(
      fc.property(marketArb, ({ volume, candidates, extraPledges, repeatCount }) => {
        const parts = planSplit(candidates, volume);
        fc.pre(parts !== undefined);
        const pledges = pledgesOf(volume + extraPledges);
        const ids = candidates.map((_, i) => idOf('request', 100 + i));
        const { next, contracts } = awardSplit(
          evaluating,
          { basis: basisFor(volume, candidates), candidates, awardedBy: USER, pledges, contractIds: ids, repeatCount },
          atDeadline,
        );
        // Capacity and first tier, per contract.
        for (const c of contracts) {
          const cand = candidates.find((x) => x.bidId === c.award!.bidId)!;
          expect(c.award!.volume).toBeLessThanOrEqual(cand.capacity);
          expect(c.award!.volume).toBeGreaterThanOrEqual(cand.priceTiers[0]!.minFirms);
          expect(c.contractOf!.firmIds).toHaveLength(c.award!.volume);
          expect(c.award!.total).toEqual(times(c.award!.pricePerFirm, c.award!.volume));
          expect(c.award!.repeatCount).toBe(repeatCount);
          expect(c.status).toBe('awarded');
        }
        // Each firm in exactly one contract; together they are the first `volume` firms pledged.
        const served = contracts.flatMap((c) => c.contractOf!.firmIds);
        expect(new Set(served).size).toBe(served.length);
        const byPledge = [...pledges]
          .sort((a, b) => a.pledgedAt.localeCompare(b.pledgedAt) || a.firmId.localeCompare(b.firmId))
          .slice(0, volume)
          .map((p) => p.firmId);
        expect(new Set(served)).toEqual(new Set(byPledge));
        if (extraPledges === 0) expect(new Set(served)).toEqual(new Set(pledges.map((p) => p.firmId)));
        // Money: the split's total is the contracts' totals, to the paisa.
        const sum = contracts.reduce((s, c) => add(s, c.award!.total), money(0, 'INR'));
        expect(next.splitAward!.total).toEqual(sum);
        expect(next.splitAward!.contracts.map((c) => c.total)).toEqual(contracts.map((c) => c.award!.total));
        expect(next.status).toBe('awarded');
        // Each contract's subsidy (one repeat count for the split) and its milestones lose no paisa.
        const p = programme();
        for (const c of contracts) {
          const split = computeSubsidy(subsidyAward({ total: c.award!.total }), [p], repeatCount, fundsFor(p));
          expect(split.subsidy.amount + split.privateShare.amount).toBe(c.award!.total.amount);
          const shares = splitByMilestones(split, c.milestones);
          expect(shares.reduce((s, m) => s + m.total.amount, 0)).toBe(c.award!.total.amount);
          const held = shares.flatMap((m) => m.subsidies).reduce((s, x) => s + x.amount.amount, 0);
          expect(held).toBe(split.subsidy.amount);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an association’s split above a bidder’s capacity, below its first tier or not the volume', () => {
    fc.assert(
      fc.property(marketArb, fc.integer({ min: 1, max: 50 }), ({ volume, candidates }, over) => {
        const [a, b] = candidates;
        const parts = [
          { bidId: a!.bidId, firms: a!.capacity + over },
          { bidId: b!.bidId, firms: 1 },
        ];
        expect(() => checkSplit(candidates, volume, parts)).toThrow();
      }),
    );
  });

  it('keeps the stand-still and open complaints, and a single award of a split ranking is refused', () => {
    const candidates: SplitCandidate[] = [
      {
        bidId: idOf('bid', 1),
        providerId: idOf('provider', 1),
        rank: 1,
        capacity: 6,
        priceTiers: [{ minFirms: 1, pricePerFirm: inr(400_000) }],
      },
      {
        bidId: idOf('bid', 2),
        providerId: idOf('provider', 2),
        rank: 2,
        capacity: 6,
        priceTiers: [{ minFirms: 1, pricePerFirm: inr(450_000) }],
      },
    ];
    const basis = basisFor(10, candidates);
    const input = {
      basis,
      candidates,
      awardedBy: USER,
      pledges: pledgesOf(10),
      contractIds: [idOf('request', 7), idOf('request', 8)],
    };
    const running = aRequest({ status: 'evaluating', standstillEndsAt: new Date(DEADLINE_MS + 1).toISOString() });
    expectDomainError(() => awardSplit(running, input, atDeadline), 'AWARD.STANDSTILL_RUNNING');
    const complained = aRequest({ status: 'evaluating', openComplaints: 1 });
    expectDomainError(() => awardSplit(complained, input, atDeadline), 'AWARD.COMPLAINT_OPEN');
    expectDomainError(() => award(evaluating, { basis, awardedBy: USER }, atDeadline), 'AWARD.SPLIT_NEEDED');
    expectDomainError(
      () => awardSplit(evaluating, { ...input, basis: { ...basis, split: false } }, atDeadline),
      'AWARD.SPLIT_NOT_NEEDED',
    );
    // The rule: the best score to its capacity, the rest to the next.
    const { contracts } = awardSplit(evaluating, input, fixedClock(DEADLINE_MS));
    expect(contracts.map((c) => [c.award!.providerId, c.award!.volume])).toEqual([
      [idOf('provider', 1), 6],
      [idOf('provider', 2), 4],
    ]);
    // An association's own split needs a reason, and keeps it.
    const own = [
      { bidId: idOf('bid', 1), firms: 5 },
      { bidId: idOf('bid', 2), firms: 5 },
    ];
    expectDomainError(() => awardSplit(evaluating, { ...input, parts: own }, atDeadline), 'REQUEST.REASON_REQUIRED');
    const custom = awardSplit(evaluating, { ...input, parts: own, reason: REASON }, atDeadline);
    expect(custom.next.splitAward).toMatchObject({ strategy: 'custom', reason: REASON });
  });
});
