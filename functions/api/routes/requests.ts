import * as z from 'zod';
import {
  BUILT_IN_CATEGORIES,
  CategorySlug,
  NewServiceRequest,
  RequestStatus,
  addCoSponsor,
  auditEntry,
  cancel,
  canReadRequest,
  createRequest,
  minBiddingPeriodMs,
  newEvent,
  notFound,
  publish,
} from '@bds/core';
import { StoredRequest } from '../../adapters/dynamo/requests';
import { route } from '../route';
import { ClusterParams, Paging, pageOf } from './common';
import { ADMINS, Reason, RequestParams, assertLead, visible, withCount } from './guards';
import { assertNamesInCluster } from './tenancy';
const ListQuery = Paging.extend({
  status: RequestStatus.optional().describe('Only requests in this state; providers see open ones'),
  category: CategorySlug.optional(),
  closingAfter: z.iso.datetime().optional().describe('Only open requests whose deadline is after this instant'),
});

export const listCategories = route({
  method: 'get',
  path: '/api/categories',
  operationId: 'listCategories',
  summary: 'The BDS categories requests are posted under',
  tags: ['requests'],
  access: 'public',
  responses: {
    200: {
      description: 'Categories',
      schema: z.object({ items: z.array(z.object({ slug: z.string(), label: z.string(), innovative: z.boolean() })) }),
    },
  },
  handler: async () => ({ status: 200, body: { items: BUILT_IN_CATEGORIES.map((c) => ({ ...c })) } }),
});

export const postRequest = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests',
  operationId: 'postRequest',
  summary: 'Post a pooled service request (as a draft)',
  tags: ['requests'],
  access: ['association_rep'],
  params: ClusterParams,
  body: NewServiceRequest,
  responses: { 201: { description: 'The draft request', schema: StoredRequest } },
  handler: async ({ params, body, actor, deps, log }) => {
    await assertNamesInCluster(deps, params.clusterId, body);
    const draft = createRequest(body, {
      clusterId: params.clusterId,
      associationId: actor.organisationId,
      ids: deps.ids,
      clock: deps.clock,
    });
    const stored = await deps.stores.requests.create(draft);
    log.info('request posted', { clusterId: params.clusterId, requestId: draft.id });
    return {
      status: 201,
      body: stored,
      headers: { location: `/api/clusters/${params.clusterId}/requests/${draft.id}` },
    };
  },
});

export const publishRequest = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/publish',
  operationId: 'publishRequest',
  summary:
    "Open a draft for pledges and bids; eligible providers are notified. The deadline must leave the cluster's " +
    'minimum bidding period (REQUEST.BIDDING_PERIOD_TOO_SHORT)',
  tags: ['requests'],
  access: ['association_rep'],
  params: RequestParams,
  responses: { 200: { description: 'The open request', schema: StoredRequest } },
  handler: async ({ params, actor, deps, log, correlationId }) => {
    const { request: found, policy } = await deps.stores.requests.getWithPolicy(params.clusterId, params.requestId);
    const current = visible(actor, found);
    assertLead(actor, current);
    const next = publish(current, deps.clock, minBiddingPeriodMs(policy, deps.timing));
    // The event commits with the change (transactional outbox); the relay carries it to the workers.
    const opened = await deps.stores.requests.update(next, current.version, {
      pledgedFirms: current.pledgedFirms,
      events: [
        newEvent(
          'request.opened',
          {
            requestId: next.id,
            title: next.title,
            category: next.category,
            deadline: next.biddingDeadline,
            leadAssociationId: next.associationId,
          },
          { id: deps.ids.next('event'), clusterId: next.clusterId, occurredAt: next.updatedAt, correlationId },
        ),
      ],
    });
    log.info('request opened', { clusterId: opened.clusterId, requestId: opened.id });
    return { status: 200, body: opened };
  },
});

export const listRequests = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests',
  operationId: 'listRequests',
  summary: "A cluster's requests: providers see open ones by deadline; others every one, newest first",
  tags: ['requests'],
  access: 'signed-in',
  params: ClusterParams,
  query: ListQuery,
  responses: { 200: { description: 'A page of requests', schema: pageOf(StoredRequest) } },
  handler: async ({ params, query, actor, deps }) => {
    const { limit, cursor, category, closingAfter } = query;
    const openOnly = actor.role === 'provider' || query.status === 'open';
    const page = openOnly
      ? await deps.stores.requests.listOpen(params.clusterId, {
          limit,
          ...(cursor ? { cursor } : {}),
          ...(category ? { category } : {}),
          ...(closingAfter ? { closingAfter } : {}),
        })
      : await deps.stores.requests.listByCluster(params.clusterId, { limit, ...(cursor ? { cursor } : {}) });
    const items = page.items.filter(
      (r) =>
        canReadRequest(actor, r) &&
        (!query.status || r.status === query.status) &&
        (!category || r.category === category),
    );
    return { status: 200, body: { items, nextCursor: page.nextCursor } };
  },
});

export const getRequest = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId',
  operationId: 'getRequest',
  summary: 'One request',
  tags: ['requests'],
  access: 'signed-in',
  params: RequestParams,
  responses: { 200: { description: 'The request', schema: StoredRequest } },
  handler: async ({ params, actor, deps }) => {
    return { status: 200, body: visible(actor, await deps.stores.requests.get(params.clusterId, params.requestId)) };
  },
});

export const cancelRequest = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/cancel',
  operationId: 'cancelRequest',
  summary: 'Cancel a request that has not ended, with a written reason (kept in the audit trail)',
  tags: ['requests'],
  access: ['association_rep', ...ADMINS],
  params: RequestParams,
  body: z.object({ reason: Reason }),
  responses: { 200: { description: 'The cancelled request', schema: StoredRequest } },
  handler: async ({ params, body, actor, deps, log, correlationId }) => {
    const current = visible(actor, await deps.stores.requests.get(params.clusterId, params.requestId));
    assertLead(actor, current, true);
    const next = cancel(current, { reason: body.reason, cancelledBy: actor.userId }, deps.clock);
    const entry = auditEntry(
      actor,
      'request.cancelled',
      current.id,
      {
        clusterId: current.clusterId,
        before: { status: current.status },
        after: { status: next.status },
        reason: next.cancellation?.reason ?? body.reason,
      },
      deps,
    );
    await deps.stores.requests.updateWithAudit(next, current.version, entry, [
      newEvent(
        'request.cancelled',
        {
          requestId: next.id,
          previousStatus: current.status,
          cancelledAt: next.cancellation?.cancelledAt ?? next.updatedAt,
        },
        { id: deps.ids.next('event'), clusterId: next.clusterId, occurredAt: next.updatedAt, correlationId },
      ),
    ]);
    log.info('request cancelled', { clusterId: current.clusterId, requestId: current.id });
    return { status: 200, body: withCount(next, current) };
  },
});

export const joinRequest = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/co-sponsors',
  operationId: 'joinRequest',
  summary: "Join a request of the cluster as a co-sponsor, so the association's members can pledge",
  tags: ['requests'],
  access: ['association_rep'],
  params: RequestParams,
  responses: { 200: { description: 'The request with the association among its co-sponsors', schema: StoredRequest } },
  handler: async ({ params, actor, deps }) => {
    const { request, association } = await deps.stores.requests.withAssociation(
      params.clusterId,
      params.requestId,
      actor.organisationId,
    );
    const current = visible(actor, request);
    if (!association) throw notFound('ASSOCIATION.NOT_FOUND', 'Your association is not registered in this cluster.');
    const next = addCoSponsor(current, { id: association.id, clusterId: association.clusterId }, deps.clock);
    return { status: 200, body: await deps.stores.requests.update(next, current.version) };
  },
});
