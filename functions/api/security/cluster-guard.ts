import { reachesCluster, type Actor, type Cluster } from '@bds/core';
import type { Deps } from '../deps';
import { problem, type Problem } from '../problem';
import type { AnyRoute } from '../route';
import { boundedCache } from './cache';

const CLUSTER_CACHE_MS = 30_000;
/** Far above the clusters India has (hundreds): only a flood of made-up ids reaches the cap. */
const CLUSTER_CACHE_ENTRIES = 2_000;

/**
 * The tenant guard. A foreign cluster answers 404 (its existence is not revealed); a state
 * admin reaches the clusters of their state; a suspended or archived cluster is read-only.
 * Clusters are cached briefly per process, so a suspension takes effect within 30 s. The
 * app validates the id before it gets here, and the cache is bounded, so neither a 2 KB id nor
 * a stream of distinct ids can reach DynamoDB's key limit or grow the process's memory.
 */
export function clusterGuard(deps: Pick<Deps, 'clock' | 'stores'>) {
  const cache = boundedCache<Cluster | undefined>({
    ttlMs: CLUSTER_CACHE_MS,
    maxEntries: CLUSTER_CACHE_ENTRIES,
    now: () => deps.clock.now(),
  });
  const guard = async (actor: Actor, clusterId: string, route: AnyRoute): Promise<Problem | undefined> => {
    const notFound = problem(404, { code: 'CLUSTER.NOT_FOUND', detail: 'No such cluster.' });
    const byState = actor.role === 'state_admin' && !reachesCluster(actor, clusterId);
    const writes = route.method !== 'get' && !route.allowInInactiveCluster;
    if (!byState && !reachesCluster(actor, clusterId)) return notFound;
    if (!byState && !writes) return undefined;
    const cluster = await cache.get(clusterId, () => deps.stores.clusters.get(clusterId));
    if (!cluster || (byState && cluster.state !== actor.state)) return notFound;
    if (writes && cluster.status !== 'active') {
      return problem(409, {
        code: 'CLUSTER.READ_ONLY',
        detail: `The cluster is ${cluster.status}: it can be read but not changed.`,
      });
    }
    return undefined;
  };
  return Object.assign(guard, { cache });
}
export type ClusterGuard = ReturnType<typeof clusterGuard>;
