import * as z from 'zod';
import { DomainError, notFound, pledge, withdrawPledge, type Actor } from '@bds/core';
import { StoredPledge } from '../../adapters/dynamo/pledges';
import type { StoredRequest } from '../../adapters/dynamo/requests';
import { route } from '../route';
import { IdParam, Paging, pageOf } from './common';
import { ADMINS, RequestParams, isAdmin, visible } from './guards';

const PledgeParams = RequestParams.extend({ firmId: IdParam });

export const pledgeFirm = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/pledges',
  operationId: 'pledgeFirm',
  summary: "Pledge one of the association's member firms to an open request (once per firm, until the deadline)",
  tags: ['pledges'],
  access: ['association_rep'],
  params: RequestParams,
  body: z.object({ firmId: IdParam }),
  responses: { 201: { description: 'The pledge', schema: StoredPledge } },
  handler: async ({ params, body, actor, deps }) => {
    const found = await deps.stores.pledges.context(
      params.clusterId,
      params.requestId,
      actor.organisationId,
      body.firmId,
    );
    const request = visible(actor, found.request);
    if (!found.firm) throw notFound('FIRM.NOT_FOUND', "No such firm in your association's register.");
    const made = pledge(request, found.firm, found.pledge ? [found.pledge] : [], deps.clock);
    const stored = await deps.stores.pledges.add({ ...made, firmName: found.firm.name }, deps.clock.now());
    return { status: 201, body: stored };
  },
});

export const withdrawFirmPledge = route({
  method: 'delete',
  path: '/api/clusters/:clusterId/requests/:requestId/pledges/:firmId',
  operationId: 'withdrawPledge',
  summary: "Withdraw a member firm's pledge, until the deadline",
  tags: ['pledges'],
  access: ['association_rep'],
  params: PledgeParams,
  responses: { 204: { description: 'Withdrawn' } },
  handler: async ({ params, actor, deps }) => {
    const found = await deps.stores.pledges.context(
      params.clusterId,
      params.requestId,
      actor.organisationId,
      params.firmId,
    );
    const request = visible(actor, found.request);
    if (!found.pledge) throw notFound('PLEDGE.NOT_FOUND', 'No such pledge on this request');
    withdrawPledge(request, found.pledge, deps.clock);
    await deps.stores.pledges.remove(found.pledge, deps.clock.now());
    return { status: 204 };
  },
});

/**
 * What the awarded provider sees of a pledge: the firm, to say whether it attended. Not which
 * association pledged it nor when — that is the associations' business.
 */
export const PledgedFirm = StoredPledge.pick({ firmId: true, firmName: true });

/** The request states in which its awarded provider delivers (and reports who attended). */
const DELIVERING: readonly StoredRequest['status'][] = ['awarded', 'in_delivery', 'completed'];

/** Refuses a provider unless it was awarded the request (403; 404 when it may not even know the request). */
function assertAwardedProvider(actor: Actor, request: StoredRequest): void {
  if (request.award?.providerId === actor.organisationId && DELIVERING.includes(request.status)) return;
  throw new DomainError(
    'PLEDGE.NOT_AWARDED_PROVIDER',
    'forbidden',
    'Only the provider awarded this request sees its pledged firms, once it is awarded.',
  );
}

export const listPledges = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId/pledges',
  operationId: 'listPledges',
  summary:
    "A request's pledges: an association sees its own members', an admin " +
    "every one, the awarded provider the pledged firms' ids and names",
  tags: ['pledges'],
  access: ['association_rep', 'provider', ...ADMINS],
  params: RequestParams,
  query: Paging,
  // Full pledges first: a union keeps the first shape that parses, and the provider's is a subset.
  responses: {
    200: {
      description: 'A page of pledges (for the awarded provider, of pledged firms)',
      schema: pageOf(z.union([StoredPledge, PledgedFirm])),
    },
  },
  // The key starts with the association, so an association's Query cannot reach another's pledges.
  handler: async ({ params, query, actor, deps }) => {
    if (actor.role === 'provider') {
      assertAwardedProvider(actor, visible(actor, await deps.stores.requests.get(params.clusterId, params.requestId)));
      const page = await deps.stores.pledges.served(params.clusterId, params.requestId, query);
      return {
        status: 200,
        body: { ...page, items: page.items.map((p) => ({ firmId: p.firmId, firmName: p.firmName })) },
      };
    }
    return {
      status: 200,
      body: await deps.stores.pledges.list(params.clusterId, params.requestId, {
        ...query,
        ...(isAdmin(actor) ? {} : { associationId: actor.organisationId }),
      }),
    };
  },
});
