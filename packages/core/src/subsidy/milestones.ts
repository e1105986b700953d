import { invalid } from '../errors';
import { allocate, money, type Money } from '../money';
import type { Milestone } from '../request/schema';
import type { SubsidySplit } from './compute';

/** One programme's part of one milestone: what is held in escrow for it. */
export interface MilestoneSubsidy {
  programmeId: string;
  funderId: string;
  amount: Money;
}

/** A milestone's price and who pays it. `total` = Σ subsidies + `privateShare`. */
export interface MilestoneShare {
  index: number;
  name: string;
  total: Money;
  /** Only programmes that pay something for this milestone. */
  subsidies: MilestoneSubsidy[];
  privateShare: Money;
}

/**
 * Splits a co-financing across the milestones by their basis points, with no paisa lost:
 * the milestone prices are `Money.allocate(total, shares)`; each programme's contribution is
 * allocated the same way, then fitted into what its milestone has left (rounding can make two
 * programmes' parts of a small milestone overshoot it by a paisa; the excess moves to the
 * earliest milestone with room). So every programme's parts sum to its contribution, every
 * milestone's parts to its price, and no private share is negative.
 *
 * @example
 * splitByMilestones(split, [{ name: 'Course delivered', shareBasisPoints: 7000 }, { name: 'Certificates',
 * shareBasisPoints: 3000 }])
 *   .map((m) => m.subsidies[0]?.amount.amount) // [35_000, 15_000] for a ₹1,000 award at 50 %
 */
export function splitByMilestones(split: SubsidySplit, milestones: readonly Milestone[]): MilestoneShare[] {
  if (milestones.length === 0)
    throw invalid('SUBSIDY.NO_MILESTONES', 'An award needs at least one milestone', 'milestones');
  const weights = milestones.map((m) => m.shareBasisPoints);
  const prices = allocate(split.total, weights).map((m) => m.amount);
  const room = [...prices];
  const subsidies: MilestoneSubsidy[][] = milestones.map(() => []);
  for (const c of split.contributions) {
    const target = allocate(c.amount, weights).map((m) => m.amount);
    const parts = target.map((t, i) => Math.min(t, room[i] ?? 0));
    let leftover = c.amount.amount - parts.reduce((s, p) => s + p, 0);
    for (let i = 0; leftover > 0 && i < parts.length; i++) {
      const extra = Math.min(leftover, (room[i] ?? 0) - (parts[i] ?? 0));
      parts[i] = (parts[i] ?? 0) + extra;
      leftover -= extra;
    }
    // Σ contributions ≤ total = Σ prices, so the room always suffices; anything else is a bug.
    if (leftover !== 0) throw new Error(`Contribution of ${c.programmeId} does not fit the milestones`);
    parts.forEach((amount, i) => {
      room[i] = (room[i] ?? 0) - amount;
      if (amount > 0)
        subsidies[i]?.push({
          programmeId: c.programmeId,
          funderId: c.funderId,
          amount: money(amount, split.total.currency),
        });
    });
  }
  return milestones.map((m, i) => ({
    index: i,
    name: m.name,
    total: money(prices[i] ?? 0, split.total.currency),
    subsidies: subsidies[i] ?? [],
    privateShare: money(room[i] ?? 0, split.total.currency),
  }));
}
