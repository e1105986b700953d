import * as z from 'zod';
import { Association, AssociationKind, Cluster, auditEntry, notFound } from '@bds/core';
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
  handler: async ({ params, query, deps }) => ({
    status: 200,
    body: await deps.stores.clusters.listAssociations(params.clusterId, query),
  }),
});

export const createAssociation = route({
  method: 'post',
  path: '/api/clusters/:clusterId/associations',
  operationId: 'createAssociation',
  summary: 'Register an association of the cluster (then invite its representative)',
  tags: ['clusters'],
  access: ['cluster_admin', 'national_admin', 'state_admin'],
  params: ClusterParams,
  body: z.object({
    name: z.string().trim().min(2).max(160),
    shortName: z.string().trim().min(2).max(30),
    kind: AssociationKind,
    memberCount: z.number().int().min(0).max(100_000).default(0),
  }),
  responses: { 201: { description: 'The association', schema: Association } },
  handler: async ({ params, body, actor, deps }) => {
    const association: Association = {
      id: deps.ids.next('association'),
      clusterId: params.clusterId,
      ...body,
      createdAt: new Date(deps.clock.now()).toISOString(),
    };
    await deps.stores.clusters.putAssociation(
      association,
      auditEntry(
        actor,
        'association.create',
        association.id,
        { clusterId: params.clusterId, after: association },
        { ids: deps.ids, clock: deps.clock },
      ),
    );
    return { status: 201, body: association };
  },
});
