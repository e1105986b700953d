import * as z from 'zod';
import { DomainError, Provider, auditEntry, conflict, notFound } from '@bds/core';
import { Registration } from '../../adapters/dynamo/providers';
import { route } from '../route';
import { ClusterParams, IdParam } from './common';
import { endAccessTokens } from '../security/session-check';

export const applyToCluster = route({
  method: 'post',
  path: '/api/registrations',
  operationId: 'applyToCluster',
  summary: "A provider applies to serve a cluster; the cluster's admin approves or refuses",
  tags: ['providers'],
  access: ['provider'],
  body: z.object({ clusterId: IdParam }),
  responses: { 201: { description: 'The pending application', schema: Registration } },
  handler: async ({ body, actor, deps }) => {
    const [cluster, provider] = await Promise.all([
      deps.stores.clusters.get(body.clusterId),
      deps.stores.providers.get(actor.organisationId),
    ]);
    if (!cluster || cluster.status !== 'active')
      throw notFound('CLUSTER.NOT_FOUND', 'No such cluster open to applications.');
    if (!provider) throw notFound('PROVIDER.NOT_FOUND', 'Your provider profile was not found.');
    if (provider.blocked)
      throw new DomainError('PROVIDER.BLOCKED', 'forbidden', 'This provider is blocked nationally.');
    const registration = Registration.parse({
      clusterId: cluster.id,
      providerId: provider.id,
      providerName: provider.name,
      categories: provider.categories,
      status: 'pending',
      at: new Date(deps.clock.now()).toISOString(),
    });
    await deps.stores.onboarding.applyToCluster(registration);
    return { status: 201, body: registration };
  },
});

export const listRegistrations = route({
  method: 'get',
  path: '/api/clusters/:clusterId/registrations',
  operationId: 'listRegistrations',
  summary: 'Providers registered in a cluster or waiting for approval (pending first)',
  tags: ['providers'],
  access: ['national_admin', 'state_admin', 'cluster_admin'],
  params: ClusterParams,
  responses: { 200: { description: 'Registrations', schema: z.object({ items: z.array(Registration) }) } },
  handler: async ({ params, deps }) => {
    const order = { pending: 0, approved: 1, refused: 2 } as const;
    const items = (await deps.stores.providers.registrations(params.clusterId)).sort(
      (a, b) => order[a.status] - order[b.status] || a.providerName.localeCompare(b.providerName),
    );
    return { status: 200, body: { items } };
  },
});

export const decideRegistration = route({
  method: 'post',
  path: '/api/clusters/:clusterId/registrations/:providerId/decision',
  operationId: 'decideRegistration',
  summary: 'Approve or refuse a pending provider application (recorded in the audit trail)',
  tags: ['providers'],
  access: ['national_admin', 'state_admin', 'cluster_admin'],
  params: ClusterParams.extend({ providerId: IdParam }),
  body: z.object({ decision: z.enum(['approve', 'refuse']), reason: z.string().trim().min(5).max(1000).optional() }),
  responses: { 200: { description: 'The decided registration', schema: Registration } },
  handler: async ({ params, body, actor, deps }) => {
    const [registration, provider] = await Promise.all([
      deps.stores.providers.getRegistration(params.clusterId, params.providerId),
      deps.stores.providers.get(params.providerId),
    ]);
    if (!registration || !provider)
      throw notFound('REGISTRATION.NOT_FOUND', 'No application from this provider in this cluster.');
    if (registration.status !== 'pending')
      throw conflict('REGISTRATION.NOT_PENDING', 'This application has already been decided');
    if (body.decision === 'refuse' && !body.reason)
      throw new DomainError(
        'REGISTRATION.REASON_REQUIRED',
        'invalid',
        'Give the provider a reason for the refusal',
        'reason',
      );
    const decided = {
      ...registration,
      status: body.decision === 'approve' ? ('approved' as const) : ('refused' as const),
      at: new Date(deps.clock.now()).toISOString(),
      ...(body.reason ? { reason: body.reason } : {}),
    };
    await deps.stores.onboarding.decide(
      decided,
      provider,
      auditEntry(
        actor,
        `registration.${body.decision}`,
        provider.id,
        {
          clusterId: params.clusterId,
          before: registration,
          after: decided,
          ...(body.reason ? { reason: body.reason } : {}),
        },
        { ids: deps.ids, clock: deps.clock },
      ),
    );
    return { status: 200, body: decided };
  },
});

export const setProviderStanding = route({
  method: 'post',
  path: '/api/providers/:providerId/standing',
  operationId: 'setProviderStanding',
  summary: 'Accredit a provider, or block it everywhere (national admins)',
  tags: ['providers'],
  access: ['national_admin'],
  params: z.object({ providerId: IdParam }),
  body: z.object({
    accredited: z.boolean().optional(),
    blocked: z.boolean().optional(),
    reason: z.string().trim().min(5).max(1000),
  }),
  responses: { 200: { description: 'The provider', schema: Provider } },
  handler: async ({ params, body, actor, deps }) => {
    const before = await deps.stores.providers.get(params.providerId);
    if (!before) throw notFound('PROVIDER.NOT_FOUND', 'No such provider.');
    const after = {
      ...before,
      ...(body.accredited !== undefined ? { accredited: body.accredited } : {}),
      ...(body.blocked !== undefined ? { blocked: body.blocked } : {}),
    };
    // The provider's account, if it has one: a contact email need not belong to a user, and
    // writing `disabled` to an absent user would leave a bare item behind.
    const user = after.contactEmail ? await deps.stores.users.byEmail(after.contactEmail) : undefined;
    const audit = auditEntry(
      actor,
      'provider.standing',
      after.id,
      {
        clusterId: 'national',
        before,
        after,
        reason: body.reason,
      },
      { ids: deps.ids, clock: deps.clock },
    );
    await deps.stores.onboarding.setProviderStanding(after, audit, user?.email);
    // A block disables the provider's account: its sessions and access tokens end now, not in 15 minutes.
    if (user && after.blocked) {
      await Promise.all([deps.stores.sessions.endAllForUser(user.id), endAccessTokens(deps, user.id)]);
    }
    return { status: 200, body: after };
  },
});
