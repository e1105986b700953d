import * as z from 'zod';
import { Complaint, ComplaintReason, ComplaintRemedy, idPattern, type DecisionInput } from '@bds/core';
import { decideRequestComplaint, fileRequestComplaint } from '../../use-cases/complaints';
import { StoredEvaluation } from '../../adapters/dynamo/evaluations';
import { StoredRequest } from '../../adapters/dynamo/requests';
import { route } from '../route';
import { ClusterParams, IdParam, Paging } from './common';
import { ADMINS, RequestParams, assertSponsorOrAdmin, visible } from './guards';

const tags = ['complaints'];
const FileBody = z.object({
  reason: ComplaintReason.describe('What is wrong with the ranking (20 characters or more)'),
  evidence: z.string().trim().max(5_000).optional().describe('Facts the cluster admin can check'),
});
const BidId = z.string().regex(idPattern('bid'), 'Not a bid id');
const DecisionBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('dismissed'), reason: ComplaintReason.describe('Why the ranking stands') }),
  z.object({
    outcome: z.literal('upheld'),
    remedy: ComplaintRemedy.describe('Evaluate the ranking again, or cancel the request'),
    reason: ComplaintReason.describe('Why the complaint is right (kept in the audit trail, told to the parties)'),
    restoreBidIds: z
      .array(BidId)
      .max(20)
      .optional()
      .describe('Bids the first evaluation wrongly left out (re-evaluation only)'),
  }),
]);
const ComplaintParams = RequestParams.extend({ complaintId: IdParam });
const OpenComplaint = Complaint.extend({ requestTitle: z.string(), providerName: z.string() });

export const fileComplaintRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/complaints',
  operationId: 'fileComplaint',
  summary:
    'A bidder contests the published ranking during the stand-still (one complaint each): the award waits until ' +
    'the cluster admin decides (COMPLAINT.AFTER_STANDSTILL, COMPLAINT.ALREADY_FILED, COMPLAINT.NOT_BIDDER)',
  tags,
  access: ['provider'],
  params: RequestParams,
  body: FileBody,
  responses: { 201: { description: 'The complaint, open', schema: Complaint } },
  handler: async ({ params, body, actor, deps, log, correlationId }) => {
    const found = await deps.stores.evaluations.withRequest(params.clusterId, params.requestId);
    const request = visible(actor, found.request);
    const complaint = await fileRequestComplaint(
      deps,
      { request, evaluation: found.evaluation },
      actor,
      body,
      correlationId,
    );
    log.info('complaint filed', { clusterId: request.clusterId, requestId: request.id, complaintId: complaint.id });
    return { status: 201, body: complaint };
  },
});

export const listRequestComplaints = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId/complaints',
  operationId: 'listRequestComplaints',
  summary:
    "A request's complaints: a bidder sees its own, the sponsoring associations and the cluster's admins see all",
  tags,
  access: ['provider', 'association_rep', ...ADMINS],
  params: RequestParams,
  responses: { 200: { description: 'The complaints, oldest first', schema: z.object({ items: z.array(Complaint) }) } },
  handler: async ({ params, actor, deps }) => {
    const [found, all] = await Promise.all([
      deps.stores.requests.get(params.clusterId, params.requestId),
      deps.stores.complaints.forRequest(params.clusterId, params.requestId),
    ]);
    const request = visible(actor, found);
    if (actor.role !== 'provider') assertSponsorOrAdmin(actor, request);
    const items = actor.role === 'provider' ? all.filter((c) => c.providerId === actor.organisationId) : all;
    return { status: 200, body: { items: items.sort((a, b) => a.filedAt.localeCompare(b.filedAt)) } };
  },
});

export const listOpenComplaints = route({
  method: 'get',
  path: '/api/clusters/:clusterId/complaints',
  operationId: 'listOpenComplaints',
  summary: "The cluster's open complaints, oldest first, with the request's title and the bidder's name (to decide)",
  tags,
  access: [...ADMINS],
  params: ClusterParams,
  query: Paging,
  responses: {
    200: {
      description: 'A page of open complaints',
      schema: z.object({ items: z.array(OpenComplaint), nextCursor: z.string().nullable() }),
    },
  },
  handler: async ({ params, query, deps }) => {
    const page = await deps.stores.complaints.listOpen(params.clusterId, {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    // The titles and names in two BatchGetItems, sent together.
    const [requests, providers] = await Promise.all([
      deps.stores.requests.getMany(params.clusterId, [...new Set(page.items.map((c) => c.requestId))]),
      deps.stores.providers.getMany([...new Set(page.items.map((c) => c.providerId))]),
    ]);
    const title = new Map(requests.flatMap((r) => (r ? [[r.id, r.title]] : [])));
    const name = new Map(providers.flatMap((p) => (p ? [[p.id, p.name]] : [])));
    const items = page.items.map((c) => ({
      ...c,
      requestTitle: title.get(c.requestId) ?? 'a request',
      providerName: name.get(c.providerId) ?? 'a provider',
    }));
    return { status: 200, body: { items, nextCursor: page.nextCursor } };
  },
});

export const decideComplaintRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/complaints/:complaintId/decision',
  operationId: 'decideComplaint',
  summary:
    "A cluster's admin decides an open complaint: dismiss it (the award may go ahead), or uphold it and evaluate " +
    'the ranking again (restoring bids wrongly left out; a new stand-still starts) or cancel the request',
  tags,
  access: [...ADMINS],
  params: ComplaintParams,
  body: DecisionBody,
  responses: {
    200: {
      description: 'The decided complaint, the request as it now stands and any new evaluation',
      schema: z.object({ complaint: Complaint, request: StoredRequest, evaluation: StoredEvaluation.optional() }),
    },
  },
  handler: async ({ params, body, actor, deps, log, correlationId }) => {
    const input: DecisionInput =
      body.outcome === 'dismissed'
        ? body
        : body.remedy === 'cancel'
          ? { outcome: 'upheld', remedy: 'cancel', reason: body.reason }
          : { outcome: 'upheld', remedy: 'reevaluate', reason: body.reason, restoreBidIds: body.restoreBidIds };
    let pledgedFirms = 0;
    const seen = (r: StoredRequest | undefined) => {
      const request = visible(actor, r);
      pledgedFirms = request.pledgedFirms;
      return request;
    };
    const out = await decideRequestComplaint(deps, params, seen, actor, input, correlationId);
    log.info('complaint decided', {
      clusterId: params.clusterId,
      complaintId: params.complaintId,
      outcome: body.outcome,
    });
    return {
      status: 200,
      body: {
        complaint: out.complaint,
        request: { ...out.request, pledgedFirms },
        ...(out.evaluation ? { evaluation: out.evaluation } : {}),
      },
    };
  },
});
