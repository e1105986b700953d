import { describe, expect, it } from 'vitest';
import { money } from '../../../packages/core/src/money';
import { computeSubsidy } from '../../../packages/core/src/subsidy';
import { OTHER_CLUSTER, expectDomainError } from '../core/fixtures';
import { PAPER_SCHEDULE, award, fundsFor, programme, programmeId } from './fixtures';

describe('computeSubsidy: the share schedule', () => {
  it(
    'four successive awards of one category to one association ' +
      'get 50 %, 38 %, 26 %, 7 % of the total, the fifth nothing',
    () => {
      // Prepare
      const p = programme();
      const a = award({ total: money(1_00_000_00, 'INR') });
      // Act
      const splits = [0, 1, 2, 3, 4].map((n) => computeSubsidy(a, [p], n, fundsFor(p)));
      // Assess
      expect(splits.map((s) => s.subsidy.amount)).toEqual([50_000_00, 38_000_00, 26_000_00, 7_000_00, 0]);
      expect(splits.map((s) => s.privateShare.amount)).toEqual([
        50_000_00, 62_000_00, 74_000_00, 93_000_00, 1_00_000_00,
      ]);
      expect(splits.slice(0, 4).map((s) => s.contributions[0]?.shareBasisPoints)).toEqual(PAPER_SCHEDULE);
      expect(splits[4]?.skipped).toEqual([{ programmeId: p.id, reason: 'share_exhausted' }]);
    },
  );

  it('rounds each share down to the paisa and never up', () => {
    const split = computeSubsidy(award({ total: money(1_001, 'INR') }), [programme()], 1, fundsFor(programme()));
    expect(split.subsidy.amount).toBe(380); // 1001 × 0.38 = 380.38
    expect(split.privateShare.amount).toBe(621);
  });

  it('uses the innovative schedule for an innovative category, the ordinary one otherwise', () => {
    const p = programme({ innovativeSchedule: [7500, 5000], eligibleCategories: ['it-software', 'training'] });
    const funds = fundsFor(p);
    expect(
      computeSubsidy(award({ category: 'it-software', innovative: true }), [p], 0, funds).contributions[0]
        ?.shareBasisPoints,
    ).toBe(7500);
    expect(
      computeSubsidy(award({ category: 'training', innovative: false }), [p], 0, funds).contributions[0]
        ?.shareBasisPoints,
    ).toBe(5000);
    // Without an innovative schedule an innovative service gets the ordinary one.
    expect(
      computeSubsidy(award({ category: 'it-software', innovative: true }), [programme()], 0, fundsFor(programme()))
        .contributions[0]?.shareBasisPoints,
    ).toBe(5000);
  });

  it('takes a repeat count per programme when programmes count awards differently', () => {
    const a = programme({ id: programmeId(1), priority: 1, schedule: [2000, 1000] });
    const b = programme({ id: programmeId(2), priority: 2, schedule: [3000, 1500] });
    const split = computeSubsidy(award(), [a, b], { [a.id]: 1, [b.id]: 0 }, fundsFor(a, b));
    expect(split.contributions.map((c) => [c.repeatCount, c.shareBasisPoints])).toEqual([
      [1, 1000],
      [0, 3000],
    ]);
    expectDomainError(
      () => computeSubsidy(award(), [a, b], { [a.id]: 1 }, fundsFor(a, b)),
      'SUBSIDY.REPEAT_COUNT_MISSING',
      'invalid',
    );
  });
});

describe('computeSubsidy: which programmes apply', () => {
  it.each([
    ['closed', { status: 'closed' as const }, {}],
    ['out_of_scope', { scope: { kind: 'cluster' as const, clusterId: OTHER_CLUSTER } }, {}],
    ['out_of_scope', { scope: { kind: 'state' as const, state: 'Rajasthan' } }, {}],
    ['outside_validity', { validFrom: '2025-06-01T10:00:00.001Z' }, {}],
    ['outside_validity', { validUntil: '2025-06-01T10:00:00.000Z' }, {}],
    ['category_not_eligible', { eligibleCategories: ['design' as const] }, {}],
    ['currency_mismatch', {}, { total: money(1_000_00, 'USD') }],
  ])('skips a programme that is %s', (reason, p, a) => {
    const prog = programme(p);
    const split = computeSubsidy(award(a), [prog], 0, fundsFor(prog));
    expect(split.contributions).toEqual([]);
    expect(split.skipped).toEqual([{ programmeId: prog.id, reason }]);
    expect(split.privateShare).toEqual(award(a).total);
  });

  it(
    'applies a state programme to any cluster of the state ' + '(case and spaces aside) and a national one everywhere',
    () => {
      for (const scope of [{ kind: 'state' as const, state: ' punjab' }, { kind: 'national' as const }]) {
        const p = programme({ scope });
        expect(computeSubsidy(award(), [p], 0, fundsFor(p)).subsidy.amount).toBe(50_000_00);
      }
    },
  );

  it('is valid from its first instant and not at its last', () => {
    const p = programme({ validFrom: '2025-06-01T10:00:00.000Z', validUntil: '2025-06-01T10:00:00.001Z' });
    expect(computeSubsidy(award(), [p], 0, fundsFor(p)).subsidy.amount).toBe(50_000_00);
  });
});

describe('computeSubsidy: co-financing and limits', () => {
  it('applies programmes by priority, each on the contract total, until the total is covered', () => {
    // Prepare: input order differs from priority order
    const state = programme({
      id: programmeId(2),
      priority: 2,
      scope: { kind: 'state', state: 'Punjab' },
      schedule: [3800],
    });
    const cluster = programme({ id: programmeId(1), priority: 1 });
    const national = programme({ id: programmeId(3), priority: 3, scope: { kind: 'national' }, schedule: [5000] });
    // Act
    const split = computeSubsidy(award(), [national, state, cluster], 0, fundsFor(cluster, state, national));
    // Assess: 50 % + 38 % + what is left (12 %)
    expect(split.contributions.map((c) => [c.programmeId, c.amount.amount, c.limitedBy])).toEqual([
      [cluster.id, 50_000_00, 'share'],
      [state.id, 38_000_00, 'share'],
      [national.id, 12_000_00, 'total'],
    ]);
    expect(split.privateShare.amount).toBe(0);
  });

  it('caps a contribution by the cap per award, the budget left and the pool', () => {
    const capped = programme({ capPerAward: money(10_000_00, 'INR') });
    expect(computeSubsidy(award(), [capped], 0, fundsFor(capped)).contributions[0]).toMatchObject({
      amount: money(10_000_00, 'INR'),
      limitedBy: 'cap',
    });

    const p = programme({ budget: money(1_00_000_00, 'INR') });
    const budget = { [p.id]: { available: money(1e12, 'INR'), committed: money(80_000_00, 'INR') } };
    expect(computeSubsidy(award(), [p], 0, budget).contributions[0]).toMatchObject({
      amount: money(20_000_00, 'INR'),
      limitedBy: 'budget',
    });

    const pool = { [p.id]: { available: money(12_345, 'INR'), committed: money(0, 'INR') } };
    expect(computeSubsidy(award(), [p], 0, pool).contributions[0]).toMatchObject({
      amount: money(12_345, 'INR'),
      limitedBy: 'funds',
    });
  });

  it('skips a programme whose budget is spent or whose pool is empty, and says which', () => {
    const p = programme({ budget: money(1_000, 'INR') });
    expect(
      computeSubsidy(award(), [p], 0, { [p.id]: { available: money(5_000, 'INR'), committed: money(1_000, 'INR') } })
        .skipped,
    ).toEqual([{ programmeId: p.id, reason: 'budget_spent' }]);
    expect(
      computeSubsidy(award(), [p], 0, { [p.id]: { available: money(0, 'INR'), committed: money(0, 'INR') } }).skipped,
    ).toEqual([{ programmeId: p.id, reason: 'no_funds' }]);
  });

  it('refuses inputs it cannot trust', () => {
    const p = programme();
    expectDomainError(
      () => computeSubsidy(award({ total: money(-1, 'INR') }), [p], 0, fundsFor(p)),
      'SUBSIDY.BAD_TOTAL',
    );
    expectDomainError(() => computeSubsidy(award(), [p, p], 0, fundsFor(p)), 'SUBSIDY.DUPLICATE_PROGRAMME');
    expectDomainError(() => computeSubsidy(award(), [p], -1, fundsFor(p)), 'SUBSIDY.BAD_REPEAT_COUNT');
    expectDomainError(() => computeSubsidy(award(), [p], 0.5, fundsFor(p)), 'SUBSIDY.BAD_REPEAT_COUNT');
    expectDomainError(() => computeSubsidy(award(), [p], 0, {}), 'SUBSIDY.FUNDS_MISSING');
    expectDomainError(
      () => computeSubsidy(award(), [p], 0, { [p.id]: { available: money(1, 'USD'), committed: money(0, 'USD') } }),
      'SUBSIDY.FUNDS_CURRENCY',
    );
  });
});
