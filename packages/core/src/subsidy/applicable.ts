import type { CategorySlug } from '../taxonomy';
import type { Money } from '../money';
import type { SubsidyProgramme } from './schema';

/** What `computeSubsidy` needs to know about an award. */
export interface SubsidyAward {
  clusterId: string;
  /** The cluster's state, as the cluster records it. */
  state: string;
  category: CategorySlug;
  /** From the taxonomy: `categoryOf(category, custom).innovative`. */
  innovative: boolean;
  associationId: string;
  /** The contract total: price per firm × firms. */
  total: Money;
  awardedAt: string;
}

/** Why a programme does not co-finance an award (every reason is reported, none is an error). */
export type SkipReason =
  | 'closed'
  | 'out_of_scope'
  | 'outside_validity'
  | 'category_not_eligible'
  | 'currency_mismatch'
  | 'share_exhausted'
  | 'cap_reached'
  | 'budget_spent'
  | 'no_funds'
  | 'total_covered';

// States are free text on the cluster: compare them the way a person reads them.
const sameState = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The first reason a programme's policy excludes an award, or undefined when it applies.
 * Money (funds, budget, the rest of the total) is judged later by `computeSubsidy`.
 *
 * @example
 * whyNotApplicable({ ...programme, status: 'closed' }, award) // 'closed'
 */
export function whyNotApplicable(programme: SubsidyProgramme, award: SubsidyAward): SkipReason | undefined {
  if (programme.status !== 'open') return 'closed';
  const { scope } = programme;
  const inScope =
    scope.kind === 'national' ||
    (scope.kind === 'state' && sameState(scope.state, award.state)) ||
    (scope.kind === 'cluster' && scope.clusterId === award.clusterId);
  if (!inScope) return 'out_of_scope';
  const at = Date.parse(award.awardedAt);
  if (!(at >= Date.parse(programme.validFrom) && at < Date.parse(programme.validUntil))) return 'outside_validity';
  if (!programme.eligibleCategories.includes(award.category)) return 'category_not_eligible';
  if (programme.currency !== award.total.currency) return 'currency_mismatch';
  return undefined;
}
