import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PeriodQuery,
  applyChange,
  deliveryChange,
  indicatorsCsv,
  indicatorsOf,
  monthsBetween,
  recompute,
  resolvePeriod,
  scopeKeys,
  type Delivery,
  type MonthAggregate,
} from '@bds/core';
import { FUNDERS, historyArb } from './arbitraries';

const period = resolvePeriod({ from: '2025-11', to: '2026-03' }, 0);
const national = (ds: readonly Delivery[]) => {
  const { months, first } = recompute(ds);
  return indicatorsOf({
    scope: { kind: 'national' },
    period,
    months: [...(months.get(scopeKeys.national)?.values() ?? [])],
    first: first.get(scopeKeys.national) ?? {},
    kinds: FUNDERS,
    currency: 'INR',
  });
};

describe('indicators (pure)', () => {
  it('sources add up to delivered value, their shares to 1; leverage × programme = delivered', () => {
    fc.assert(
      fc.property(historyArb(25), (ds) => {
        const i = national(ds);
        const { private: p, supportInstitutions: s, programme: g } = i.sources;
        expect(p.amount.amount + s.amount.amount + g.amount.amount).toBe(i.delivered.amount);
        expect(i.delivered.amount).toBe(ds.reduce((a, d) => a + d.delivered, 0));
        if (i.delivered.amount > 0) expect(p.share! + s.share! + g.share!).toBeCloseTo(1, 12);
        else expect([p.share, s.share, g.share, i.costRecovery]).toEqual([null, null, null, null]);
        if (g.amount.amount > 0) expect(i.leverage! * g.amount.amount).toBeCloseTo(i.delivered.amount, 4);
        else expect(i.leverage).toBeNull();
        expect(g.amount.amount).toBe(ds.reduce((a, d) => a + (d.byFunder.fnd_prog ?? 0), 0));
      }),
      { numRuns: 200 },
    );
  });

  it('a firm counts once per period, nationally, even when served in two clusters and months', () => {
    fc.assert(
      fc.property(historyArb(25), (ds) => {
        const i = national(ds);
        const firms = new Set(ds.flatMap((d) => d.firms));
        const under = new Set(ds.flatMap((d) => d.underServed));
        expect(i.scale).toBe(firms.size);
        expect(i.underServed).toBe(under.size);
        expect(i.outreach).toBe(firms.size === 0 ? null : under.size / firms.size);
        const perMonth = [...(recompute(ds).months.get(scopeKeys.national)?.values() ?? [])].reduce(
          (a, m) => a + ((m.firms as string[] | undefined)?.length ?? 0),
          0,
        );
        expect(i.scale).toBeLessThanOrEqual(perMonth);
      }),
      { numRuns: 200 },
    );
  });

  it('applying a delivery again changes the sums: the marker, not the data, must stop a redelivery', () => {
    fc.assert(
      fc.property(
        historyArb(3).filter((ds) => ds.some((d) => d.delivered > 0)),
        (ds) => {
          const d = ds.find((x) => x.delivered > 0)!;
          const once = applyChange({ month: d.month }, deliveryChange(d));
          const twice = applyChange(once, deliveryChange(d));
          expect(twice.d).toBe(2 * d.delivered);
          // Sets and SET values are idempotent by themselves.
          expect(twice.firms).toEqual(once.firms);
        },
      ),
    );
  });

  it('market: Herfindahl between 1/providers and 1, largest share ≥ 1/providers', () => {
    fc.assert(
      fc.property(historyArb(25), (ds) => {
        for (const m of national(ds).market) {
          if (m.herfindahl === null) continue;
          expect(m.herfindahl).toBeLessThanOrEqual(1 + 1e-12);
          expect(m.herfindahl).toBeGreaterThanOrEqual(1 / m.providers - 1e-12);
          expect(m.largestShare!).toBeGreaterThanOrEqual(1 / m.providers - 1e-12);
          expect(m.unsubsidisedShare!).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('impact: created when the first delivery is in the period, strengthened when earlier', () => {
    const month = (m: string, extra: Partial<MonthAggregate> = {}): MonthAggregate => ({
      month: m,
      'C#design': 100,
      'C#testing': 50,
      ...extra,
    });
    const p = resolvePeriod({ from: '2026-01', to: '2026-02' }, 0);
    const i = indicatorsOf({
      scope: { kind: 'national' },
      period: p,
      months: [month('2026-01')],
      first: { design: '2025-06', testing: '2026-01' },
      kinds: {},
      currency: 'INR',
    });
    expect(i.impact).toEqual({ strengthened: ['design'], created: ['testing'] });
  });

  it('CSV carries the same figures, formula-safe', () => {
    const i = national([]);
    const csv = indicatorsCsv({
      ...i,
      graduation: {
        ...i.graduation,
        associations: [{ associationId: 'asc_1', associationName: '=HYPERLINK("x")', category: 'design' }],
      },
    });
    expect(csv).toContain('delivered,,,0.00,INR');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('periods', () => {
  it('resolves whole months and defaults to the last 12', () => {
    expect(resolvePeriod({ from: '2024-02-10', to: '2024-02' }, 0)).toEqual({
      fromMonth: '2024-02',
      toMonth: '2024-02',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    const d = resolvePeriod({}, Date.parse('2026-12-07T00:00:00Z'));
    expect([d.fromMonth, d.toMonth]).toEqual(['2026-01', '2026-12']);
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it.each([
    [{ from: '2026-03', to: '2026-01' }, 'from'],
    [{ from: '2015-12', to: '2026-01' }, 'to'],
    [{ from: '2026-02-29' }, 'from'],
    [{ to: '26-01' }, 'to'],
  ])('refuses %j naming %s', (q, field) => {
    const r = PeriodQuery.safeParse(q);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual([field]);
  });
});
