import * as z from 'zod';
import { Money, RequestStatus, Weights, averageHundredths, bidderView, idPattern, notFound } from '@bds/core';
import { makeAward } from '../../use-cases/award-request';
import { previewAward } from '../../use-cases/preview-award';
import { closeAndEvaluateRequest } from '../../use-cases/close-request';
import { StoredEvaluation } from '../../adapters/dynamo/evaluations';
import { EvaluationMatching } from '../../adapters/dynamo/matching-runs';
import { StoredRequest } from '../../adapters/dynamo/requests';
import { summaryOf } from '../../adapters/dynamo/ratings';
import { route } from '../route';
import { ADMINS, Reason, RequestParams, assertLead, assertSponsorOrAdmin, visible, withCount } from './guards';

const tags = ['evaluation'];
const Closed = z.object({ request: StoredRequest, evaluation: StoredEvaluation });
const AwardBody = z.object({
  bidId: z.string().regex(idPattern('bid'), 'Not a bid id'),
  reason: Reason.optional().describe('Required (20 characters or more) when the bid is not the recommended one'),
});

export const closeRequest = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/close',
  operationId: 'closeRequest',
  summary:
    'Close bidding after the deadline and evaluate: the ranking and recommended award, or unsuccessful with the reason',
  tags,
  access: ['association_rep', ...ADMINS],
  params: RequestParams,
  responses: { 200: { description: 'The request (evaluating or unsuccessful) and its evaluation', schema: Closed } },
  handler: async ({ params, actor, deps, log, correlationId }) => {
    const found = await deps.stores.evaluations.closeContext(params.clusterId, params.requestId);
    const request = visible(actor, found.request);
    assertLead(actor, request, true);
    const closer = { by: 'association', userId: actor.userId } as const;
    const { next, evaluation } = await closeAndEvaluateRequest(
      deps,
      { request, bids: found.bids, policy: found.policy },
      closer,
      correlationId,
    );
    log.info('request closed', { clusterId: request.clusterId, requestId: request.id, outcome: evaluation.outcome });
    return { status: 200, body: { request: withCount(next, request), evaluation } };
  },
});

export const getEvaluation = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId/evaluation',
  operationId: 'getEvaluation',
  summary: 'The ranking of a closed request (sponsoring associations and admins)',
  tags,
  access: ['association_rep', ...ADMINS],
  params: RequestParams,
  responses: {
    200: {
      description: 'The evaluation, with the name and city of every provider it names (ranked or left out)',
      schema: StoredEvaluation.extend({
        matching: EvaluationMatching.optional(),
        providers: z.record(
          z.string(),
          z.object({
            name: z.string(),
            city: z.string(),
            rating: z
              .object({
                count: z.number().int(),
                averageHundredths: z.number().int().optional().describe('Hundredths of a star (450 = 4.5)'),
              })
              .describe("The provider's ratings in this cluster and the request's category"),
          }),
        ),
      }),
    },
  },
  handler: async ({ params, actor, deps }) => {
    // With the matching note (which run set the recommendation), in the same BatchGetItem; the cluster's
    // rating summaries beside it (one Query), shown with each provider.
    const [found, summaries] = await Promise.all([
      deps.stores.matchingRuns.evaluationWithRequest(params.clusterId, params.requestId),
      deps.stores.ratings.summaries(params.clusterId),
    ]);
    const request = visible(actor, found.request);
    assertSponsorOrAdmin(actor, request);
    const { evaluation } = found;
    if (!evaluation) throw notFound('EVALUATION.NOT_FOUND', 'The request has not been closed and evaluated yet.');
    // Readers pick a provider by name, not by id: one more BatchGetItem for the providers it names.
    const ids = [...new Set([...evaluation.ranking, ...evaluation.invalid].map((b) => b.providerId))];
    const providerList = await deps.stores.providers.getMany(ids);
    const providers = Object.fromEntries(
      providerList.flatMap((p) => {
        if (!p) return [];
        const summary = summaryOf(summaries, request.category, p.id);
        const average = averageHundredths(summary);
        const rating = { count: summary.count, ...(average === undefined ? {} : { averageHundredths: average }) };
        return [[p.id, { name: p.name, city: p.city, rating }]];
      }),
    );
    return { status: 200, body: { ...evaluation, ...(found.matching ? { matching: found.matching } : {}), providers } };
  },
});

const MyRanking = z.object({
  requestId: z.string(),
  status: RequestStatus,
  standstillEndsAt: z.iso.datetime().optional(),
  bids: z.number().int().describe('How many bids the evaluation weighed (ranked and excluded)'),
  volume: z.number().int().optional().describe('Firms served: the pledged volume the prices are read at'),
  weights: Weights,
  winning: z.object({ pricePerFirm: Money.Money, total: Money.Money }).optional(),
  mine: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('ranked'),
      bidId: z.string(),
      rank: z.number().int(),
      score: z.number().int().describe('Hundredths of a point (10000 = 100 points)'),
      priceScore: z.number().int(),
      qualityScore: z.number().int(),
    }),
    z.object({ status: z.literal('excluded'), bidId: z.string(), reason: z.string(), detail: z.string() }),
  ]),
});

export const getMyRanking = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId/my-ranking',
  operationId: 'getMyRanking',
  summary:
    "A bidder's own place in the published ranking: rank, score and its parts, the weights, the winning price at " +
    'the pledged volume, the number of bids (never another bidder)',
  tags,
  access: ['provider'],
  params: RequestParams,
  responses: { 200: { description: "The bidder's view of the ranking", schema: MyRanking } },
  handler: async ({ params, actor, deps }) => {
    const found = await deps.stores.matchingRuns.evaluationWithRequest(params.clusterId, params.requestId);
    const request = visible(actor, found.request);
    const view = found.evaluation && bidderView(found.evaluation, request.weights, actor.organisationId);
    if (!view) throw notFound('EVALUATION.NO_BID', 'You have no bid in a published ranking of this request.');
    const { volume, winning, ...rest } = view;
    return {
      status: 200,
      body: {
        requestId: request.id,
        status: request.status,
        ...(request.standstillEndsAt ? { standstillEndsAt: request.standstillEndsAt } : {}),
        ...(volume === undefined ? {} : { volume }),
        ...(winning ? { winning } : {}),
        ...rest,
      },
    };
  },
});

export const awardRequest = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/award',
  operationId: 'awardRequest',
  summary:
    'Award the recommended bid, or another ranked one with a written reason (kept in the audit trail); not before ' +
    'the stand-still ends (AWARD.STANDSTILL_RUNNING) nor while a complaint is open (AWARD.COMPLAINT_OPEN)',
  tags,
  access: ['association_rep'],
  params: RequestParams,
  body: AwardBody,
  responses: { 200: { description: 'The awarded request', schema: StoredRequest } },
  handler: async ({ params, body, actor, deps, log, correlationId }) => {
    const found = await deps.stores.evaluations.withRequest(params.clusterId, params.requestId);
    const request = visible(actor, found.request);
    assertLead(actor, request);
    const { next } = await makeAward(deps, { request, evaluation: found.evaluation }, actor, body, correlationId);
    log.info('request awarded', { clusterId: request.clusterId, requestId: request.id, bidId: next.award?.bidId });
    return { status: 200, body: withCount(next, request) };
  },
});

const AwardPreview = z.object({
  bidId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  volume: z.number().int().describe('Firms served: the pledged volume the price is read at'),
  pricePerFirm: Money.Money,
  total: Money.Money,
  subsidy: Money.Money.describe('What the programmes would hold in escrow'),
  privateShare: Money.Money.describe('What the firms together pay the provider'),
  perFirm: Money.Money.describe('The most one firm pays: the private share ÷ firms, rounded up to the paisa'),
  even: z.boolean().describe('Every firm pays exactly perFirm'),
  contributions: z.array(
    z.object({ programmeId: z.string(), programmeName: z.string(), funderName: z.string(), amount: Money.Money }),
  ),
});

export const previewAwardRoute = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId/award-preview',
  operationId: 'previewAward',
  summary:
    'What awarding a ranked bid would do, written nowhere: the total, the subsidy each programme would hold in ' +
    'escrow at today’s funds and repeat count, and what each firm pays the provider (the lead association)',
  tags,
  access: ['association_rep'],
  params: RequestParams,
  query: z.object({ bidId: AwardBody.shape.bidId.optional().describe('The recommended bid when left out') }),
  responses: { 200: { description: 'The award’s money, as it would be', schema: AwardPreview } },
  handler: async ({ params, query, actor, deps }) => {
    const found = await deps.stores.evaluations.withRequest(params.clusterId, params.requestId);
    const request = visible(actor, found.request);
    assertLead(actor, request);
    const preview = await previewAward(deps, { request, evaluation: found.evaluation }, query.bidId);
    return { status: 200, body: preview };
  },
});
