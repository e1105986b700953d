import { route } from '../route';
import { Activity, canReadActivity } from '@bds/core';
import { ClusterParams, Paging, pageOf } from './common';

export const listActivity = route({
  method: 'get',
  path: '/api/clusters/:clusterId/activity',
  operationId: 'listActivity',
  summary: "A cluster's activity feed, newest first (what the workers did)",
  tags: ['clusters'],
  access: 'signed-in',
  params: ClusterParams,
  query: Paging,
  responses: { 200: { description: 'A page of activity', schema: pageOf(Activity) } },
  handler: async ({ params, query, actor, deps }) => {
    const page = await deps.stores.activity.list(params.clusterId, query);
    // The feed is written whatever a request's visibility, so each line is filtered for the reader.
    const requestIds = [...new Set(page.items.flatMap((a) => (a.requestId ? [a.requestId] : [])))];
    const found = await deps.stores.requests.getMany(params.clusterId, requestIds);
    const requests = new Map(requestIds.map((id, i) => [id, found[i]]));
    const items = page.items.filter((a) =>
      canReadActivity(actor, a, a.requestId ? requests.get(a.requestId) : undefined),
    );
    return { status: 200, body: { items, nextCursor: page.nextCursor } };
  },
});
