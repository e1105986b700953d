import { money, type Money } from '../../../packages/core/src/money';
import { SubsidyProgramme, type ProgrammeFunds, type SubsidyAward } from '../../../packages/core/src/subsidy';
import { CLUSTER, LEAD, idOf } from '../core/fixtures';

/** A valid programme id: the n-th (ids.ts has no `programme` kind yet). */
export const programmeId = (n: number): string => idOf('funder', 9_000 + n).replace(/^fnd_/, 'prg_');

export const FUNDER = idOf('funder', 1);
export const PAPER_SCHEDULE = [5000, 3800, 2600, 700];

/** The paper's fair-support programme for one cluster: 50 → 38 → 26 → 7 %. Override anything. */
export function programme(overrides: Partial<SubsidyProgramme> = {}): SubsidyProgramme {
  return SubsidyProgramme.parse({
    id: programmeId(1),
    funderId: FUNDER,
    name: 'Fair participation support',
    scope: { kind: 'cluster', clusterId: CLUSTER },
    currency: 'INR',
    budget: money(1_00_00_000_00, 'INR'),
    eligibleCategories: ['training', 'market-access', 'it-software'],
    schedule: PAPER_SCHEDULE,
    capPerAward: money(50_00_000_00, 'INR'),
    validFrom: '2025-01-01T00:00:00.000Z',
    validUntil: '2026-01-01T00:00:00.000Z',
    priority: 10,
    status: 'open',
    ...overrides,
  });
}

/** A ₹1,00,000 training award to the lead association in June 2025. */
export function award(overrides: Partial<SubsidyAward> = {}): SubsidyAward {
  return {
    clusterId: CLUSTER,
    state: 'Punjab',
    category: 'training',
    innovative: false,
    associationId: LEAD,
    total: money(1_00_000_00, 'INR'),
    awardedAt: '2025-06-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Funds that never limit: a full pool, nothing committed. */
export const plenty = (currency: Money['currency'] = 'INR'): ProgrammeFunds => ({
  available: money(1e14, currency),
  committed: money(0, currency),
});

export const fundsFor = (...programmes: SubsidyProgramme[]): Record<string, ProgrammeFunds> =>
  Object.fromEntries(programmes.map((p) => [p.id, plenty(p.currency)]));
