import { invalid } from '../errors';
import { money, type Money } from '../money';
import { whyNotApplicable, type SkipReason, type SubsidyAward } from './applicable';
import type { SubsidyProgramme } from './schema';
import { applyBasisPoints, scheduleFor, shareAt } from './share';

/** What a programme can still give, read from the ledger (`programmeFunds`). */
export interface ProgrammeFunds {
  /** The pool's available balance: deposited − released − held − returned. */
  available: Money;
  /** Subsidy already held or released under the programme; counts against its budget. */
  committed: Money;
}

/** One number for every programme, or one per programme id. */
export type RepeatCounts = number | Readonly<Record<string, number>>;

/** Which limit set a contribution's amount (the smallest; ties go to the earlier in this list). */
export type SubsidyLimit = 'share' | 'cap' | 'budget' | 'funds' | 'total';

export interface Contribution {
  programmeId: string;
  funderId: string;
  repeatCount: number;
  shareBasisPoints: number;
  amount: Money;
  limitedBy: SubsidyLimit;
}

/** The co-financing of one award: what each programme pays, and the private share left to the firms. */
export interface SubsidySplit {
  total: Money;
  /** In the order they were applied; only programmes that pay something. */
  contributions: Contribution[];
  skipped: { programmeId: string; reason: SkipReason }[];
  subsidy: Money;
  privateShare: Money;
}

const EMPTY_REASON: Record<SubsidyLimit, SkipReason> = {
  share: 'share_exhausted',
  cap: 'cap_reached',
  budget: 'budget_spent',
  funds: 'no_funds',
  total: 'total_covered',
};

function lookup<T>(map: Readonly<Record<string, T>>, id: string, code: string, what: string): T {
  const value = Object.hasOwn(map, id) ? map[id] : undefined;
  if (value === undefined) throw invalid(code, `No ${what} given for programme ${id}`, what);
  return value;
}

/**
 * Splits an award's total between its subsidy programmes and the firms. Applicable programmes
 * (open, in scope, valid at the award date, category eligible, same currency) are applied in
 * priority order (lower first, ties by id). Each pays its scheduled share of the **contract
 * total** — share(n) × total, rounded down, n = earlier awards of the category to the association —
 * capped by its cap per award, its budget left (budget − committed), its pool's available funds
 * and what earlier programmes left of the total. So programmes add up (50 % + 20 % = 70 %) and
 * the subsidy never exceeds the total. The rest is the private share the firms owe the provider.
 * Integer arithmetic throughout.
 *
 * @example
 * computeSubsidy(award, [programme], 1, { [programme.id]: funds }).contributions[0]?.shareBasisPoints // 3800: the
 * second award
 */
export function computeSubsidy(
  award: SubsidyAward,
  programmes: readonly SubsidyProgramme[],
  repeats: RepeatCounts,
  funds: Readonly<Record<string, ProgrammeFunds>>,
): SubsidySplit {
  const { total } = award;
  if (total.amount < 0) throw invalid('SUBSIDY.BAD_TOTAL', 'An award total cannot be negative', 'total');
  const ids = programmes.map((p) => p.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw invalid('SUBSIDY.DUPLICATE_PROGRAMME', `Programme ${twice} is listed twice`, 'programmes');

  const ordered = [...programmes].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const contributions: Contribution[] = [];
  const skipped: SubsidySplit['skipped'] = [];
  let remaining = total.amount;
  for (const p of ordered) {
    const reason = whyNotApplicable(p, award);
    if (reason) {
      skipped.push({ programmeId: p.id, reason });
      continue;
    }
    const repeatCount =
      typeof repeats === 'number' ? repeats : lookup(repeats, p.id, 'SUBSIDY.REPEAT_COUNT_MISSING', 'repeatCount');
    const bp = shareAt(scheduleFor(p, award.innovative), repeatCount);
    const f = lookup(funds, p.id, 'SUBSIDY.FUNDS_MISSING', 'funds');
    if (f.available.currency !== p.currency || f.committed.currency !== p.currency) {
      throw invalid('SUBSIDY.FUNDS_CURRENCY', `The funds of programme ${p.id} are not in ${p.currency}`, 'funds');
    }
    const limits: [SubsidyLimit, number][] = [
      ['share', applyBasisPoints(total, bp).amount],
      ['cap', p.capPerAward.amount],
      ['budget', p.budget.amount - f.committed.amount],
      ['funds', f.available.amount],
      ['total', remaining],
    ];
    // reduce keeps the first of equal minima, so a share that fits exactly reads as 'share'.
    const [limitedBy, amount] = limits.reduce((min, l) => (l[1] < min[1] ? l : min));
    if (amount <= 0) {
      skipped.push({ programmeId: p.id, reason: EMPTY_REASON[limitedBy] });
      continue;
    }
    contributions.push({
      programmeId: p.id,
      funderId: p.funderId,
      repeatCount,
      shareBasisPoints: bp,
      amount: money(amount, total.currency),
      limitedBy,
    });
    remaining -= amount;
  }
  return {
    total,
    contributions,
    skipped,
    subsidy: money(total.amount - remaining, total.currency),
    privateShare: money(remaining, total.currency),
  };
}
