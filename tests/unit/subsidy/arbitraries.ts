import fc from 'fast-check';
import { money, type Currency } from '../../../packages/core/src/money';
import type { Milestone } from '../../../packages/core/src/request';
import type { ProgrammeFunds, SubsidyAward, SubsidyProgramme } from '../../../packages/core/src/subsidy';
import { CLUSTER, OTHER_CLUSTER } from '../core/fixtures';
import { award, programme, programmeId } from './fixtures';

const AWARDED = Date.parse('2025-06-01T10:00:00.000Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A tapering schedule: non-increasing basis points. */
export const schedule = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 })
  .map((s) => s.sort((a, b) => b - a));

/** What, if anything, keeps a generated programme from applying to `award()`; most apply. */
const spoiler = fc.constantFrom(
  null,
  null,
  null,
  null,
  null,
  null,
  'scope',
  'closed',
  'early',
  'late',
  'category',
  'currency',
);

/** Programmes that mostly apply to `award()`, and sometimes not, for every reason. */
export const programmeArb = (n: number): fc.Arbitrary<SubsidyProgramme> =>
  fc
    .record({
      spoil: spoiler,
      scope: fc.constantFrom(
        { kind: 'cluster' as const, clusterId: CLUSTER },
        { kind: 'state' as const, state: 'Punjab' },
        { kind: 'national' as const },
      ),
      schedule,
      innovativeSchedule: fc.option(schedule, { nil: undefined }),
      cap: fc.integer({ min: 1, max: 1e11 }),
      budget: fc.integer({ min: 1, max: 1e12 }),
      from: fc.integer({ min: 0, max: 400 }),
      days: fc.integer({ min: 1, max: 800 }),
      priority: fc.integer({ min: 0, max: 5 }),
    })
    .map((r) => {
      const currency: Currency = r.spoil === 'currency' ? 'USD' : 'INR';
      // The award is at AWARDED; a valid window contains it, a spoiled one ends before or starts after.
      const start =
        r.spoil === 'late'
          ? AWARDED + 1
          : r.spoil === 'early'
            ? AWARDED - (r.from + r.days) * DAY - 1
            : AWARDED - r.from * DAY;
      const end = r.spoil === 'early' ? AWARDED - r.from * DAY - 1 : Math.max(start, AWARDED) + r.days * DAY;
      return programme({
        id: programmeId(n),
        scope: r.spoil === 'scope' ? { kind: 'cluster', clusterId: OTHER_CLUSTER } : r.scope,
        currency,
        schedule: r.schedule,
        innovativeSchedule: r.innovativeSchedule,
        capPerAward: money(r.cap, currency),
        budget: money(r.budget, currency),
        validFrom: iso(start),
        validUntil: iso(end),
        priority: r.priority,
        status: r.spoil === 'closed' ? 'closed' : 'open',
        eligibleCategories: r.spoil === 'category' ? ['design'] : ['training', 'it-software'],
      });
    });

export const programmesArb = fc
  .integer({ min: 1, max: 5 })
  .chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => programmeArb(i + 1))));

export const awardArb: fc.Arbitrary<SubsidyAward> = fc
  .record({ total: fc.integer({ min: 0, max: 1e12 }), innovative: fc.boolean(), it: fc.boolean() })
  .map((r) =>
    award({ total: money(r.total, 'INR'), innovative: r.innovative, category: r.it ? 'it-software' : 'training' }),
  );

/** Pools from empty to full; committed from nothing to a little past the budget. */
export const fundsArb = (programmes: readonly SubsidyProgramme[]): fc.Arbitrary<Record<string, ProgrammeFunds>> =>
  fc
    .tuple(...programmes.map(() => fc.tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 11 }))))
    .map((pairs) =>
      Object.fromEntries(
        programmes.map((p, i) => {
          const [available, tenths] = pairs[i] ?? [0, 0];
          return [
            p.id,
            {
              available: money(available, p.currency),
              committed: money(Math.floor((p.budget.amount * tenths) / 10), p.currency),
            },
          ];
        }),
      ),
    );

/** 1 to 12 milestones whose shares sum to 10000 basis points, as a request's must. */
export const milestonesArb: fc.Arbitrary<Milestone[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 11 })
  .map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return points.slice(1).map((p, i) => ({ name: `Milestone ${i + 1}`, shareBasisPoints: p - (points[i] ?? 0) }));
  });
