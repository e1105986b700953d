import * as z from 'zod';
import { ScreenFlag, ScreenFlagId, ScreenKind } from '@bds/core';
import { ScreenReview } from '../../adapters/dynamo/screens';
import { reviewScreenFlag } from '../../use-cases/screens';
import type { Deps } from '../deps';
import { route } from '../route';
import { ClusterParams } from './common';
import { ADMINS, Reason } from './guards';

const tags = ['screens'];

/** A flag as an admin reads it: with its review, and whether that review saw the evidence as it is now. */
const FlagView = ScreenFlag.extend({
  review: ScreenReview.optional(),
  reviewedCurrent: z.boolean().describe('True when the review saw the evidence as it stands'),
});

/** Names for every provider and request the flags cite (BatchGetItems of at most 100 keys each). */
async function namesOf(deps: Deps, clusterId: string, flags: readonly ScreenFlag[]) {
  const providerIds = [...new Set(flags.flatMap((f) => [...f.providerIds, ...f.bids.map((b) => b.providerId)]))];
  const requestIds = [...new Set(flags.flatMap((f) => f.requestIds))];
  const chunks = <T>(xs: readonly T[]) =>
    Array.from({ length: Math.ceil(xs.length / 100) }, (_, i) => xs.slice(i * 100, i * 100 + 100));
  const [providers, requests] = await Promise.all([
    Promise.all(chunks(providerIds).map((c) => deps.stores.providers.getMany(c))),
    Promise.all(chunks(requestIds).map((c) => deps.stores.requests.getMany(clusterId, c))),
  ]);
  const names: Record<string, string> = {};
  for (const p of providers.flat()) if (p) names[p.id] = p.name;
  for (const r of requests.flat()) if (r) names[r.id] = r.title;
  return names;
}

export const listScreenFlags = route({
  method: 'get',
  path: '/api/clusters/:clusterId/screens',
  operationId: 'listScreenFlags',
  summary:
    "The cluster's collusion and capture screen flags (recomputed when a request closes or is awarded), each with " +
    'its evidence, its review, and the names of the providers and requests it cites',
  tags,
  access: [...ADMINS],
  params: ClusterParams,
  responses: {
    200: {
      description: 'The flags (empty until a request of the cluster is ranked)',
      schema: z.object({
        items: z.array(FlagView),
        requestsScreened: z.number().int().describe('Ranked requests the screens read'),
        names: z.record(z.string(), z.string()).describe('Provider names and request titles by id'),
      }),
    },
  },
  handler: async ({ params, deps }) => {
    const { result, reviews } = await deps.stores.screens.get(params.clusterId);
    const flags = result?.flags ?? [];
    const byFlag = new Map(reviews.map((r) => [r.flagId, r]));
    const items = flags.map((f) => {
      const review = byFlag.get(f.id);
      return { ...f, ...(review ? { review } : {}), reviewedCurrent: review?.evidenceHash === f.evidenceHash };
    });
    const names = await namesOf(deps, params.clusterId, flags);
    return { status: 200, body: { items, requestsScreened: result?.requests ?? 0, names } };
  },
});

export const reviewScreenFlagRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/screens/:flagId/review',
  operationId: 'reviewScreenFlag',
  summary:
    'An admin marks a screen flag reviewed with a note (kept in the audit trail; a later review replaces it). ' +
    'SCREEN.NOT_FOUND when the cluster has no such flag',
  tags,
  access: [...ADMINS],
  params: ClusterParams.extend({ flagId: ScreenFlagId }),
  body: z.object({ note: Reason.describe('What the reviewer found or did') }),
  responses: { 200: { description: 'The review', schema: ScreenReview } },
  handler: async ({ params, body, actor, deps, log }) => {
    const review = await reviewScreenFlag(deps, actor, params.clusterId, params.flagId, body.note);
    log.info('screen flag reviewed', { clusterId: params.clusterId, flagId: params.flagId });
    return { status: 200, body: review };
  },
});

const KindCounts = z.object(Object.fromEntries(ScreenKind.options.map((k) => [k, z.number().int()])));

export const openDataScreens = route({
  method: 'get',
  path: '/api/open-data/screens',
  operationId: 'listOpenDataScreenCounts',
  summary:
    'Open data: per cluster, how many collusion and capture screen flags stand, by screen, and how many an admin ' +
    'has reviewed (counts only: no provider, request or price)',
  tags: ['open-data'],
  access: 'public',
  responses: {
    200: {
      description: 'Counts per cluster, in the registry order',
      schema: z.object({
        clusters: z.array(
          z.object({
            clusterId: z.string(),
            name: z.string(),
            requestsScreened: z.number().int(),
            flags: KindCounts,
            reviewed: z.number().int(),
          }),
        ),
      }),
    },
  },
  handler: async ({ deps }) => {
    const clusters = [];
    let cursor: string | undefined;
    do {
      const page = await deps.stores.clusters.list({ limit: 100, ...(cursor ? { cursor } : {}) });
      clusters.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const found = await Promise.all(clusters.map((c) => deps.stores.screens.get(c.id)));
    const body = {
      clusters: clusters.map((c, i) => {
        const { result, reviews } = found[i]!;
        const flags = result?.flags ?? [];
        const current = new Map(flags.map((f) => [f.id, f.evidenceHash]));
        return {
          clusterId: c.id,
          name: c.name,
          requestsScreened: result?.requests ?? 0,
          flags: Object.fromEntries(ScreenKind.options.map((k) => [k, flags.filter((f) => f.kind === k).length])),
          reviewed: reviews.filter((r) => current.get(r.flagId) === r.evidenceHash).length,
        };
      }),
    };
    return { status: 200, body, headers: { 'cache-control': 'public, max-age=60, stale-while-revalidate=240' } };
  },
});
