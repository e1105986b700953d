import { route } from '../route';
import { Activity } from '@bds/core';
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
  handler: async ({ params, query, deps }) => ({ status: 200, body: await deps.stores.activity.list(params.clusterId, query) }),
});
