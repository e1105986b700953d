import { assertRequestInCluster, defaultClusterPolicy, type RequestParties } from '@bds/core';
import type { Deps } from '../deps';

/**
 * Reads what a new request names (the policy, its co-sponsors, the approved providers) in one
 * round trip and lets core decide that all of it belongs to the path's cluster. Associations
 * are read under the cluster's own partition, so another cluster's association is not found.
 *
 * @example
 * await assertNamesInCluster(deps, params.clusterId, body);
 */
export async function assertNamesInCluster(
  deps: Pick<Deps, 'stores'>,
  clusterId: string,
  request: RequestParties,
): Promise<void> {
  const { clusters, providers } = deps.stores;
  const [policy, associations, approved] = await Promise.all([
    clusters.getPolicy(clusterId),
    Promise.all([...new Set(request.coSponsorIds)].map((id) => clusters.getAssociation(clusterId, id))),
    request.invitedProviderIds.length > 0 ? providers.approvedIn(clusterId) : Promise.resolve([]),
  ]);
  assertRequestInCluster(request, {
    clusterId,
    policy: policy ?? defaultClusterPolicy(),
    associations: associations.filter((a) => a !== undefined),
    approvedProviderIds: approved.map((r) => r.providerId),
  });
}
