import { z } from 'zod';
import { notFound, pledge, withdrawPledge } from '@bds/core';
import { StoredPledge } from '../../adapters/dynamo/pledges';
import { route } from '../route';
import { IdParam, Paging, pageOf } from './common';
import { ADMINS, RequestParams, isAdmin, visible } from './guards';

const PledgeParams = RequestParams.extend({ firmId: IdParam });

export const pledgeFirm = route({
  method: 'post', path: '/api/clusters/:clusterId/requests/:requestId/pledges', operationId: 'pledgeFirm',
  summary: "Pledge one of the association's member firms to an open request (once per firm, until the deadline)",
  tags: ['pledges'], access: ['association_rep'], params: RequestParams, body: z.object({ firmId: IdParam }),
  responses: { 201: { description: 'The pledge', schema: StoredPledge } },
  handler: async ({ params, body, actor, deps }) => {
    const found = await deps.stores.pledges.context(params.clusterId, params.requestId, actor!.organisationId, body.firmId);
    const request = visible(actor!, found.request);
    if (!found.firm) throw notFound('FIRM.NOT_FOUND', "No such firm in your association's register.");
    const made = pledge(request, found.firm, found.pledge ? [found.pledge] : [], deps.clock);
    const stored = await deps.stores.pledges.add({ ...made, firmName: found.firm.name }, deps.clock.now());
    return { status: 201, body: stored };
  },
});

export const withdrawFirmPledge = route({
  method: 'delete', path: '/api/clusters/:clusterId/requests/:requestId/pledges/:firmId', operationId: 'withdrawPledge',
  summary: "Withdraw a member firm's pledge, until the deadline", tags: ['pledges'], access: ['association_rep'], params: PledgeParams,
  responses: { 204: { description: 'Withdrawn' } },
  handler: async ({ params, actor, deps }) => {
    const found = await deps.stores.pledges.context(params.clusterId, params.requestId, actor!.organisationId, params.firmId);
    const request = visible(actor!, found.request);
    if (!found.pledge) throw notFound('PLEDGE.NOT_FOUND', 'No such pledge on this request');
    withdrawPledge(request, found.pledge, deps.clock);
    await deps.stores.pledges.remove(found.pledge, deps.clock.now());
    return { status: 204 };
  },
});

export const listPledges = route({
  method: 'get', path: '/api/clusters/:clusterId/requests/:requestId/pledges', operationId: 'listPledges',
  summary: "A request's pledges: an association sees its own members', an admin every one", tags: ['pledges'],
  access: ['association_rep', ...ADMINS], params: RequestParams, query: Paging,
  responses: { 200: { description: 'A page of pledges', schema: pageOf(StoredPledge) } },
  // The key starts with the association, so an association's Query cannot reach another's pledges.
  handler: async ({ params, query, actor, deps }) => ({
    status: 200,
    body: await deps.stores.pledges.list(params.clusterId, params.requestId, { ...query, ...(isAdmin(actor!) ? {} : { associationId: actor!.organisationId }) }),
  }),
});
