import * as z from 'zod';
import { CategorySlug, canReadRequest } from '@bds/core';
import { StoredRequest } from '../../adapters/dynamo/requests';
import { programmeOpenRequests } from '../../use-cases/programme-open-requests';
import { route } from '../route';
import { Paging } from './common';

const OpenQuery = Paging.extend({
  category: CategorySlug.optional(),
  closingAfter: z.iso
    .datetime()
    .optional()
    .describe('Only requests whose bidding deadline is after this instant (default: now)'),
});

const OpenPage = z.object({
  items: z.array(StoredRequest),
  nextCursor: z.string().nullable(),
  clusters: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** Now, or a later instant the caller asked for: a list of open requests never reaches back before now. */
const closingAfterOf = (asked: string | undefined, nowMs: number): string => {
  const now = new Date(nowMs).toISOString();
  return asked && asked > now ? asked : now;
};

export const listMyOpenRequests = route({
  method: 'get',
  path: '/api/me/open-requests',
  operationId: 'listMyOpenRequests',
  summary:
    'The open requests of every cluster the signed-in provider is admitted to, soonest deadline first, in one call',
  tags: ['requests'],
  access: ['provider'],
  query: OpenQuery,
  responses: {
    200: {
      description: 'A page of open requests and the names of the clusters they are in',
      schema: OpenPage,
    },
  },
  handler: async ({ query, actor, deps }) => {
    const closingAfter = closingAfterOf(query.closingAfter, deps.clock.now());
    const page = await deps.stores.openRequests.across(actor.clusterIds, {
      limit: query.limit,
      cursor: query.cursor,
      category: query.category,
      closingAfter,
    });
    // Invited-only requests stay hidden from providers not invited, as in the cluster's own list.
    return { status: 200, body: { ...page, items: page.items.filter((r) => canReadRequest(actor, r)) } };
  },
});

export const listProgrammeOpenRequests = route({
  method: 'get',
  path: '/api/me/programme-requests',
  operationId: 'listProgrammeOpenRequests',
  summary:
    "The requests open for bidding that the signed-in funder's open programmes could co-finance " +
    '(scope and eligible category), soonest deadline first; a page may be short, follow nextCursor',
  tags: ['requests'],
  access: ['funder'],
  query: Paging.extend({
    closingAfter: z.iso
      .datetime()
      .optional()
      .describe('Only requests whose bidding deadline is after this instant (default: now)'),
  }),
  responses: {
    200: { description: 'A page of open requests and the names of the clusters they are in', schema: OpenPage },
  },
  handler: async ({ query, actor, deps }) => ({
    status: 200,
    body: await programmeOpenRequests(deps, actor.organisationId, {
      limit: query.limit,
      cursor: query.cursor,
      closingAfter: closingAfterOf(query.closingAfter, deps.clock.now()),
    }),
  }),
});
