import { mayCofinance, programmeReaches, type Cluster, type SubsidyProgramme } from '@bds/core';
import type { OpenAcross } from '../adapters/dynamo/open-requests';
import type { UseCaseDeps } from './deps';

/** A funder has a handful of programmes; more than this many is a data problem, not a page to draw. */
const MAX_PROGRAMMES = 100;
const CLUSTER_PAGE = 100;

/** Every cluster of the registry, page by page (a national programme reaches them all). */
async function everyCluster(deps: UseCaseDeps): Promise<Cluster[]> {
  const all: Cluster[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.stores.clusters.list({ limit: CLUSTER_PAGE, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The clusters a funder's programmes reach: read one by one for cluster scopes, from the registry otherwise. */
async function clustersReached(deps: UseCaseDeps, programmes: readonly SubsidyProgramme[]): Promise<Cluster[]> {
  const only = programmes.flatMap((p) => (p.scope.kind === 'cluster' ? [p.scope.clusterId] : []));
  const candidates =
    only.length === programmes.length
      ? (await Promise.all([...new Set(only)].map((id) => deps.stores.clusters.get(id)))).filter(
          (c): c is Cluster => c !== undefined,
        )
      : await everyCluster(deps);
  return candidates.filter((c) => programmes.some((p) => programmeReaches(p, { clusterId: c.id, state: c.state })));
}

/**
 * The requests open for bidding that a funder's programmes could co-finance (core's `mayCofinance`: open, valid, in
 * scope, eligible category), soonest deadline first: the funder's programmes, then the clusters they reach, then one
 * Query per cluster on the open index (`openAcross`), filtered by category. A page can be short; its cursor is exact.
 * Cost grows with the clusters a national programme reaches (one small Query each, sent together).
 *
 * @example
 * const page = await programmeOpenRequests(deps, actor.organisationId, { limit: 20, closingAfter: now });
 */
export async function programmeOpenRequests(
  deps: UseCaseDeps,
  funderId: string,
  opts: { limit: number; cursor?: string | undefined; closingAfter: string },
): Promise<OpenAcross> {
  const now = deps.clock.now();
  const programmes = (await deps.stores.programmes.listByFunder(funderId, { limit: MAX_PROGRAMMES })).items.filter(
    (p) => p.status === 'open' && Date.parse(p.validUntil) > now,
  );
  if (programmes.length === 0) return { items: [], nextCursor: null, clusters: [] };
  const clusters = await clustersReached(deps, programmes);
  if (clusters.length === 0) return { items: [], nextCursor: null, clusters: [] };
  const page = await deps.stores.openRequests.across(
    clusters.map((c) => c.id),
    opts,
  );
  const stateOf = new Map(clusters.map((c) => [c.id, c.state]));
  const items = page.items.filter((r) =>
    programmes.some((p) =>
      mayCofinance(p, { clusterId: r.clusterId, state: stateOf.get(r.clusterId) ?? '', category: r.category }, now),
    ),
  );
  const shown = new Set(items.map((r) => r.clusterId));
  return { items, nextCursor: page.nextCursor, clusters: page.clusters.filter((c) => shown.has(c.id)) };
}
