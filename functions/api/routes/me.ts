import * as z from 'zod';
import { CategorySlug, canReadRequest } from '@bds/core';
import { StoredRequest } from '../../adapters/dynamo/requests';
import { route } from '../route';
import { Paging } from './common';

const OpenQuery = Paging.extend({
  category: CategorySlug.optional(),
  closingAfter: z.iso
    .datetime()
    .optional()
    .describe('Only requests whose bidding deadline is after this instant (default: now)'),
});

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
      schema: z.object({
        items: z.array(StoredRequest),
        nextCursor: z.string().nullable(),
        clusters: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    },
  },
  handler: async ({ query, actor, deps }) => {
    const now = new Date(deps.clock.now()).toISOString();
    const closingAfter = query.closingAfter && query.closingAfter > now ? query.closingAfter : now;
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
