import { DomainError, invalid } from '../../errors';
import type { ClusterPolicy } from '../../identity/cluster-policy';
import type { CategorySlug } from '../../taxonomy';

/** What a request names that must be the cluster's own: its category, co-sponsors and invited providers. */
export interface RequestParties {
  category: CategorySlug;
  coSponsorIds: readonly string[];
  invitedProviderIds: readonly string[];
}

/** What the cluster holds for those names, as read from the store (missing ones are simply absent). */
export interface ClusterFacts {
  clusterId: string;
  policy: Pick<ClusterPolicy, 'eligibleCategories' | 'customCategories'>;
  /** The associations found for the co-sponsor ids, with the cluster each belongs to. */
  associations: readonly { id: string; clusterId: string }[];
  /** Providers approved in this cluster. */
  approvedProviderIds: readonly string[];
}

/**
 * True when the cluster's policy lets requests use the category: an eligible built-in one, or
 * one of the cluster's own custom categories.
 *
 * @example
 * categoryAllowed('design', { eligibleCategories: ['training'], customCategories: [] }) // false
 */
export function categoryAllowed(category: string, policy: ClusterFacts['policy']): boolean {
  return (
    (policy.eligibleCategories as readonly string[]).includes(category) ||
    policy.customCategories.some((c) => c.slug === category)
  );
}

/**
 * Checks that every name in a request belongs to the path's tenant, before anything is written:
 * the category is allowed by the cluster's policy (`REQUEST.CATEGORY_NOT_ALLOWED`), each
 * co-sponsor is an association of this cluster (`REQUEST.CROSS_CLUSTER`, the error joining
 * later gives), and each invited provider is approved here (`REQUEST.PROVIDER_NOT_IN_CLUSTER`).
 * Each error names the field at fault (`coSponsorIds.1`).
 *
 * @example
 * assertRequestInCluster({ category: 'training', coSponsorIds: ['asc_jaipur…'], invitedProviderIds: [] }, facts)
 * // throws REQUEST.CROSS_CLUSTER on coSponsorIds.0
 */
export function assertRequestInCluster(request: RequestParties, facts: ClusterFacts): void {
  if (!categoryAllowed(request.category, facts.policy)) {
    throw invalid(
      'REQUEST.CATEGORY_NOT_ALLOWED',
      `The cluster's policy does not allow requests for ${request.category}`,
      'category',
    );
  }
  const local = new Set(facts.associations.filter((a) => a.clusterId === facts.clusterId).map((a) => a.id));
  request.coSponsorIds.forEach((id, i) => {
    if (!local.has(id)) {
      throw new DomainError(
        'REQUEST.CROSS_CLUSTER',
        'forbidden',
        'Only an association of the same cluster can co-sponsor',
        `coSponsorIds.${i}`,
      );
    }
  });
  const approved = new Set(facts.approvedProviderIds);
  request.invitedProviderIds.forEach((id, i) => {
    if (!approved.has(id)) {
      throw invalid(
        'REQUEST.PROVIDER_NOT_IN_CLUSTER',
        'Only a provider approved in this cluster can be invited',
        `invitedProviderIds.${i}`,
      );
    }
  });
}
