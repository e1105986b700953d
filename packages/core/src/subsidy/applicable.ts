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
  if (!programmeReaches(programme, award)) return 'out_of_scope';
  const at = Date.parse(award.awardedAt);
  if (!(at >= Date.parse(programme.validFrom) && at < Date.parse(programme.validUntil))) return 'outside_validity';
  if (!programme.eligibleCategories.includes(award.category)) return 'category_not_eligible';
  if (programme.currency !== award.total.currency) return 'currency_mismatch';
  return undefined;
}

/** Where an open request stands, for a funder asking which of them its programmes could co-finance. */
export interface OpenRequestPlace {
  clusterId: string;
  /** The cluster's state, as the cluster records it. */
  state: string;
  category: CategorySlug;
}

/**
 * True when a programme's scope reaches a cluster (the category aside): national, the cluster's state, or the cluster.
 *
 * @example
 * programmeReaches({ scope: { kind: 'state', state: 'Punjab' } }, { clusterId: 'clu_1', state: 'punjab' })
 * // true
 */
export function programmeReaches(
  programme: Pick<SubsidyProgramme, 'scope'>,
  cluster: { clusterId: string; state: string },
): boolean {
  const { scope } = programme;
  return (
    scope.kind === 'national' ||
    (scope.kind === 'state' && sameState(scope.state, cluster.state)) ||
    (scope.kind === 'cluster' && scope.clusterId === cluster.clusterId)
  );
}

/**
 * True when a programme could co-finance a request still open for bidding: open, valid after `now` (the award comes
 * later), in scope and of an eligible category. Money (funds, the repeat count, the cap) is only known at the award.
 *
 * @example
 * mayCofinance(programme, { clusterId: 'clu_1', state: 'Punjab', category: 'it' }, clock.now()) // true
 */
export function mayCofinance(programme: SubsidyProgramme, place: OpenRequestPlace, now: number): boolean {
  return (
    programme.status === 'open' &&
    Date.parse(programme.validUntil) > now &&
    programmeReaches(programme, place) &&
    programme.eligibleCategories.includes(place.category)
  );
}
