import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, money } from '../../../packages/core/src/money';
import {
  applyBasisPoints,
  computeSubsidy,
  scheduleFor,
  shareAt,
  splitByMilestones,
  whyNotApplicable,
  type SubsidySplit,
} from '../../../packages/core/src/subsidy';
import { awardArb, fundsArb, milestonesArb, programmesArb } from './arbitraries';
import { FUNDER } from './fixtures';

const scenario = programmesArb.chain((programmes) =>
  fc.record({
    programmes: fc.constant(programmes),
    award: awardArb,
    funds: fundsArb(programmes),
    repeats: fc
      .tuple(...programmes.map(() => fc.nat({ max: 7 })))
      .map((ns) => Object.fromEntries(programmes.map((p, i) => [p.id, ns[i] ?? 0]))),
  }),
);

describe('computeSubsidy: properties', () => {
  it(
    'never pays above the total, a cap, a budget, a pool or ' + 'a scheduled share, and the parts add up to the total',
    () => {
      fc.assert(
        fc.property(scenario, ({ programmes, award, funds, repeats }) => {
          // Act
          const split = computeSubsidy(award, programmes, repeats, funds);
          // Assess
          const paid = split.contributions.reduce((s, c) => s + c.amount.amount, 0);
          expect(paid).toBe(split.subsidy.amount);
          expect(split.subsidy.amount + split.privateShare.amount).toBe(award.total.amount);
          expect(split.privateShare.amount).toBeGreaterThanOrEqual(0);
          for (const c of split.contributions) {
            const p = programmes.find((x) => x.id === c.programmeId)!;
            const f = funds[p.id]!;
            expect(whyNotApplicable(p, award)).toBeUndefined();
            expect(c.shareBasisPoints).toBe(shareAt(scheduleFor(p, award.innovative), repeats[p.id]!));
            expect(c.amount.amount).toBeGreaterThan(0);
            expect(c.amount.amount).toBeLessThanOrEqual(applyBasisPoints(award.total, c.shareBasisPoints).amount);
            expect(c.amount.amount).toBeLessThanOrEqual(p.capPerAward.amount);
            expect(c.amount.amount).toBeLessThanOrEqual(p.budget.amount - f.committed.amount);
            expect(c.amount.amount).toBeLessThanOrEqual(f.available.amount);
          }
          // Every programme is either paying or skipped with a reason, once.
          expect(
            [...split.contributions.map((c) => c.programmeId), ...split.skipped.map((s) => s.programmeId)].sort(),
          ).toEqual(programmes.map((p) => p.id).sort());
        }),
      );
    },
  );

  it('depends on priority, not on the order programmes are listed in', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ programmes, award, funds, repeats }, seed) => {
        const shuffled = [...programmes].sort(
          (a, b) => ((a.id.charCodeAt(20) * 31 + seed) % 7) - ((b.id.charCodeAt(20) * 31 + seed) % 7),
        );
        const a = computeSubsidy(award, programmes, repeats, funds);
        const b = computeSubsidy(award, shuffled, repeats, funds);
        expect(b.contributions).toEqual(a.contributions);
        const order = a.contributions.map((c) => programmes.find((p) => p.id === c.programmeId)!);
        expect(order.map((p) => [p.priority, p.id])).toEqual(
          [...order].sort((x, y) => x.priority - y.priority || (x.id < y.id ? -1 : 1)).map((p) => [p.priority, p.id]),
        );
      }),
    );
  });
});

describe('splitByMilestones', () => {
  it(
    'loses no paisa: milestones sum to the total, each programme’s ' +
      'parts to its contribution, no private share negative',
    () => {
      fc.assert(
        fc.property(scenario, milestonesArb, ({ programmes, award, funds, repeats }, milestones) => {
          // Prepare
          const split = computeSubsidy(award, programmes, repeats, funds);
          // Act
          const shares = splitByMilestones(split, milestones);
          // Assess
          expect(shares.map((m) => m.total)).toEqual(
            allocate(
              award.total,
              milestones.map((m) => m.shareBasisPoints),
            ),
          );
          for (const m of shares) {
            expect(m.privateShare.amount).toBeGreaterThanOrEqual(0);
            expect(m.subsidies.reduce((s, x) => s + x.amount.amount, 0) + m.privateShare.amount).toBe(m.total.amount);
            m.subsidies.forEach((s) => expect(s.amount.amount).toBeGreaterThan(0));
          }
          for (const c of split.contributions) {
            const parts = shares.flatMap((m) => m.subsidies.filter((s) => s.programmeId === c.programmeId));
            expect(parts.reduce((s, x) => s + x.amount.amount, 0)).toBe(c.amount.amount);
          }
          expect(shares.reduce((s, m) => s + m.privateShare.amount, 0)).toBe(split.privateShare.amount);
        }),
      );
    },
  );

  it('moves a rounding paisa to a milestone with room instead of overfilling one', () => {
    // Prepare: two programmes of 1 paisa each on a 2-paisa award split 50/50; allocate would
    // put both paise on the first milestone, whose price is 1.
    const contribution = (programmeId: string) => ({
      programmeId,
      funderId: FUNDER,
      repeatCount: 0,
      shareBasisPoints: 5000,
      amount: money(1, 'INR'),
      limitedBy: 'share' as const,
    });
    const split: SubsidySplit = {
      total: money(2, 'INR'),
      contributions: [contribution('prg_a'), contribution('prg_b')],
      skipped: [],
      subsidy: money(2, 'INR'),
      privateShare: money(0, 'INR'),
    };
    // Act
    const shares = splitByMilestones(split, [
      { name: 'One', shareBasisPoints: 5000 },
      { name: 'Two', shareBasisPoints: 5000 },
    ]);
    // Assess
    expect(shares.map((m) => m.subsidies.map((s) => [s.programmeId, s.amount.amount]))).toEqual([
      [['prg_a', 1]],
      [['prg_b', 1]],
    ]);
    expect(shares.map((m) => m.privateShare.amount)).toEqual([0, 0]);
  });

  it('splits the paper’s first award of ₹1,00,000 at 50 % over 70/30 milestones', () => {
    const split: SubsidySplit = {
      total: money(1_00_000_00, 'INR'),
      contributions: [
        {
          programmeId: 'prg_a',
          funderId: FUNDER,
          repeatCount: 0,
          shareBasisPoints: 5000,
          amount: money(50_000_00, 'INR'),
          limitedBy: 'share',
        },
      ],
      skipped: [],
      subsidy: money(50_000_00, 'INR'),
      privateShare: money(50_000_00, 'INR'),
    };
    const shares = splitByMilestones(split, [
      { name: 'Course delivered', shareBasisPoints: 7000 },
      { name: 'Certificates issued', shareBasisPoints: 3000 },
    ]);
    expect(shares.map((m) => [m.total.amount, m.subsidies[0]?.amount.amount, m.privateShare.amount])).toEqual([
      [70_000_00, 35_000_00, 35_000_00],
      [30_000_00, 15_000_00, 15_000_00],
    ]);
  });
});
