import * as z from 'zod';
import {
  Cluster,
  ClusterPolicy,
  NewCluster,
  assertWithinNationalBounds,
  assertTimingWithinBounds,
  auditEntry,
  changeClusterStatus,
  createInvitation,
  defaultClusterPolicy,
  notFound,
  onboardCluster,
} from '@bds/core';
import { route } from '../route';
import { hashSecret, newSecret } from '../auth/secrets';
import { invitationMail } from '../auth/mail';
import { ClusterParams } from './common';

const Onboarded = z.object({
  cluster: Cluster,
  invitation: z.object({ id: z.string(), email: z.string(), expiresAt: z.string() }),
});

export const createCluster = route({
  method: 'post',
  path: '/api/clusters',
  operationId: 'onboardCluster',
  summary:
    'Onboard a cluster with the invitation of its first cluster admin, in one step (state admins: their state only)',
  tags: ['onboarding'],
  access: ['national_admin', 'state_admin'],
  body: NewCluster,
  responses: { 201: { description: 'The cluster; its admin has been sent an invitation', schema: Onboarded } },
  handler: async ({ body, actor, deps, log }) => {
    const ctx = { ids: deps.ids, clock: deps.clock };
    const cluster = onboardCluster(body, actor, ctx);
    const token = newSecret();
    const invitation = createInvitation(
      {
        email: body.admin.email,
        name: body.admin.name,
        role: 'cluster_admin',
        organisationId: cluster.id,
        organisationName: `${cluster.name} Local Committee`,
        clusterIds: [cluster.id],
      },
      actor,
      hashSecret(token),
      ctx,
    );
    await deps.stores.onboarding.onboardCluster(
      cluster,
      invitation,
      auditEntry(actor, 'cluster.onboard', cluster.id, { clusterId: cluster.id, after: cluster }, ctx),
    );
    await deps.mail.send(invitationMail(invitation, token, deps.portalUrl));
    log.info('cluster onboarded', { clusterId: cluster.id, name: cluster.name });
    return {
      status: 201,
      body: { cluster, invitation: { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt } },
    };
  },
});

export const setClusterStatus = route({
  method: 'post',
  path: '/api/clusters/:clusterId/status',
  operationId: 'setClusterStatus',
  summary: 'Suspend (read-only), reactivate or archive a cluster',
  tags: ['onboarding'],
  access: ['national_admin', 'state_admin'],
  params: ClusterParams,
  body: z.object({ status: z.enum(['active', 'suspended', 'archived']), reason: z.string().trim().min(10).max(1000) }),
  responses: { 200: { description: 'The cluster', schema: Cluster } },
  allowInInactiveCluster: true,
  handler: async ({ params, body, actor, deps }) => {
    const before = await deps.stores.clusters.get(params.clusterId);
    if (!before) throw notFound('CLUSTER.NOT_FOUND', 'No such cluster.');
    const after = changeClusterStatus(before, body.status);
    await deps.stores.onboarding.changeClusterStatus(
      before,
      after,
      auditEntry(
        actor,
        `cluster.${body.status}`,
        after.id,
        { clusterId: after.id, before, after, reason: body.reason },
        { ids: deps.ids, clock: deps.clock },
      ),
    );
    return { status: 200, body: after };
  },
});

export const getClusterPolicy = route({
  method: 'get',
  path: '/api/clusters/:clusterId/policy',
  operationId: 'getClusterPolicy',
  summary: "The cluster's policy: eligible categories, its own categories, size-class thresholds",
  tags: ['onboarding'],
  access: 'signed-in',
  params: ClusterParams,
  responses: {
    200: { description: 'The policy (national defaults until the cluster sets one)', schema: ClusterPolicy },
  },
  handler: async ({ params, deps }) => ({
    status: 200,
    body: (await deps.stores.clusters.getPolicy(params.clusterId)) ?? defaultClusterPolicy(),
  }),
});

export const putClusterPolicy = route({
  method: 'put',
  path: '/api/clusters/:clusterId/policy',
  operationId: 'setClusterPolicy',
  summary: 'Set the cluster policy within national bounds',
  tags: ['onboarding'],
  access: ['cluster_admin', 'national_admin', 'state_admin'],
  params: ClusterParams,
  body: ClusterPolicy,
  responses: { 200: { description: 'The policy', schema: ClusterPolicy } },
  handler: async ({ params, body, actor, deps }) => {
    assertWithinNationalBounds(body);
    assertTimingWithinBounds(body, deps.timing);
    const before = await deps.stores.clusters.getPolicy(params.clusterId);
    await deps.stores.clusters.putPolicy(
      params.clusterId,
      body,
      auditEntry(
        actor,
        'cluster.policy',
        params.clusterId,
        { clusterId: params.clusterId, before, after: body },
        { ids: deps.ids, clock: deps.clock },
      ),
    );
    return { status: 200, body };
  },
});
