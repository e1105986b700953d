import * as z from 'zod';
import { DomainError, invalid, releasePackage, releasesOf, type Cluster, type Release } from '@bds/core';
import type { Deps } from '../deps';
import { route } from '../route';
import { IdParam } from './common';

const tags = ['open-data'];
const CACHE = { 'cache-control': 'public, max-age=60, stale-while-revalidate=240' };

/** Requests read per page (each with four items in one BatchGetItem: at most 100 keys). */
const MAX_REQUESTS = 25;
/** Request pages one call reads at most while `since` filters every release out. */
const MAX_READS = 20;

const Filters = z.object({
  clusterId: IdParam.optional().describe('One cluster (404 when unknown); default: every cluster'),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Only releases dated at or after this instant (ISO 8601)'),
});

const ReleasesQuery = z.object({
  ...Filters.shape,
  cursor: z.string().max(2_000).optional().describe('The `nextCursor` of the previous page'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_REQUESTS)
    .default(10)
    .describe('Requests (not releases) read for this page'),
});

/** The response, loosely: the OCDS release package schema (with our extension) is what it conforms to. */
const ReleasePackage = z
  .object({
    uri: z.string(),
    version: z.literal('1.1'),
    publishedDate: z.string(),
    publisher: z.object({ name: z.string() }),
    extensions: z.array(z.string()),
    nextCursor: z.string().nullable(),
    releases: z.array(
      z.object({ ocid: z.string(), id: z.string(), date: z.string(), tag: z.array(z.string()) }).loose(),
    ),
  })
  .loose()
  .describe('An OCDS 1.1.5 release package with the BDS extension (docs/open-data.md); amounts are decimal');

/** Position in the release stream: a cluster and the request list's cursor within it. */
const Position = z.object({ c: IdParam, r: z.string().max(1_500).nullable() });
type Position = z.infer<typeof Position>;
const badCursor = () => invalid('PAGE.BAD_CURSOR', 'The cursor is not one this list returned', 'cursor');
const encode = (p: Position) => Buffer.from(JSON.stringify(p)).toString('base64url');
function decode(cursor: string): Position {
  try {
    return Position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badCursor();
  }
}

/** The clusters a read covers, in the registry's (name) order: one, or every cluster. */
async function clustersOf(deps: Deps, clusterId: string | undefined): Promise<string[]> {
  if (clusterId) {
    const cluster = await deps.stores.clusters.get(clusterId);
    if (!cluster) throw new DomainError('CLUSTER.NOT_FOUND', 'not_found', 'No such cluster.', 'clusterId');
    return [cluster.id];
  }
  const out: Cluster[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.stores.clusters.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out.map((c) => c.id);
}

/** One step: a page of one cluster's requests, their releases (after `since`), and where the next step starts. */
async function step(deps: Deps, clusters: readonly string[], at: Position, limit: number, since: string | undefined) {
  const page = await deps.stores.openData.page(at.c, { limit, ...(at.r ? { cursor: at.r } : {}) });
  const releases = page.items
    .flatMap((input) => releasesOf(input))
    .filter((r) => !since || Date.parse(r.date) >= Date.parse(since));
  const next = clusters[clusters.indexOf(at.c) + 1];
  const after: Position | null = page.nextCursor ? { c: at.c, r: page.nextCursor } : next ? { c: next, r: null } : null;
  return { releases, after };
}

export const listReleases = route({
  method: 'get',
  path: '/api/open-data/releases',
  operationId: 'listOpenContractingReleases',
  summary:
    'Open contracting data: an OCDS 1.1.5 release package, one release per change of a request ' +
    '(public, paged by cursor)',
  tags,
  access: 'public',
  query: ReleasesQuery,
  responses: {
    200: { description: 'A release package; `nextCursor` is null on the last page', schema: ReleasePackage },
  },
  handler: async ({ query, deps, hono }) => {
    const clusters = await clustersOf(deps, query.clusterId);
    let at: Position | null = query.cursor ? decode(query.cursor) : clusters[0] ? { c: clusters[0], r: null } : null;
    if (at && !clusters.includes(at.c)) throw badCursor();
    const releases: Release[] = [];
    for (let reads = 0; at && releases.length === 0 && reads < MAX_READS; reads++) {
      const out = await step(deps, clusters, at, query.limit, query.since);
      releases.push(...out.releases);
      at = out.after;
    }
    const publishedDate = new Date(deps.clock.now()).toISOString();
    const pkg = releasePackage(releases, { uri: hono.req.url, publishedDate });
    return { status: 200, body: { ...pkg, nextCursor: at ? encode(at) : null }, headers: CACHE };
  },
});

export const downloadReleases = route({
  method: 'get',
  path: '/api/open-data/releases.jsonl',
  operationId: 'downloadOpenContractingReleases',
  summary: 'Every OCDS release (of one cluster, or all; optionally since an instant) as JSON Lines: one release a line',
  tags,
  access: 'public',
  query: Filters,
  responses: { 200: { description: 'application/jsonl: one OCDS release per line' } },
  handler: async ({ query, deps }) => {
    const clusters = await clustersOf(deps, query.clusterId);
    const lines: string[] = [];
    let at: Position | null = clusters[0] ? { c: clusters[0], r: null } : null;
    while (at) {
      const out = await step(deps, clusters, at, MAX_REQUESTS, query.since);
      for (const release of out.releases) lines.push(JSON.stringify(release));
      at = out.after;
    }
    const body = lines.map((l) => `${l}\n`).join('');
    return { status: 200, body, headers: { ...CACHE, 'content-type': 'application/jsonl; charset=utf-8' } };
  },
});
