/** Who is asking, as the portal knows them (the signed-in user) or the API does (the actor). */
export interface Reacher {
  role: string;
  clusterIds: readonly string[];
  /** A state admin's state. */
  state?: string | undefined;
}

/**
 * True when the person may open a cluster's pages — the API's tenant guard, said once for the
 * portal too: national admins open every cluster, a state admin those of their state, everyone
 * else only those listed on them (a funder none). Other clusters are shown only in the registry.
 * Where the cluster's state is not known (a programme's award names only its cluster id), a state
 * admin is not let in: the link is left out rather than risk a 404.
 *
 * @example
 * opensCluster({ role: 'state_admin', clusterIds: [], state: 'Punjab' }, { id: 'clu_1', state: 'Punjab' }) // true
 */
export function opensCluster(who: Reacher | undefined, cluster: { id: string; state?: string | undefined }): boolean {
  if (!who) return false;
  if (who.role === 'national_admin' || who.clusterIds.includes(cluster.id)) return true;
  return who.role === 'state_admin' && who.state !== undefined && who.state === cluster.state;
}
