import { Association, Cluster, notFound } from '@bds/core';
import { route } from '../route';
import { ClusterParams, Paging, pageOf } from './common';

export const listClusters = route({
  method: 'get',
  path: '/api/clusters',
  operationId: 'listClusters',
  summary: 'Every cluster on the exchange (public: the national registry)',
  tags: ['clusters'],
  access: 'public',
  query: Paging,
  responses: { 200: { description: 'A page of clusters', schema: pageOf(Cluster) } },
  handler: async ({ query, deps }) => ({ status: 200, body: await deps.stores.clusters.list(query) }),
});

export const getCluster = route({
  method: 'get',
  path: '/api/clusters/:clusterId',
  operationId: 'getCluster',
  summary: 'One cluster',
  tags: ['clusters'],
  access: 'public',
  params: ClusterParams,
  responses: { 200: { description: 'The cluster', schema: Cluster } },
  handler: async ({ params, deps }) => {
    const cluster = await deps.stores.clusters.get(params.clusterId);
    if (!cluster) throw notFound('CLUSTER.NOT_FOUND', 'No such cluster.');
    return { status: 200, body: cluster };
  },
});

export const listAssociations = route({
  method: 'get',
  path: '/api/clusters/:clusterId/associations',
  operationId: 'listAssociations',
  summary: 'Associations of a cluster',
  tags: ['clusters'],
  access: 'signed-in',
  params: ClusterParams,
  query: Paging,
  responses: { 200: { description: 'A page of associations', schema: pageOf(Association) } },
  handler: async ({ params, query, deps }) => ({ status: 200, body: await deps.stores.clusters.listAssociations(params.clusterId, query) }),
});
