import * as z from 'zod';
import {
  CategorySlug,
  Rating,
  RatingInput,
  RATING_ANSWER_MAX,
  assertMoneyParty,
  averageHundredths,
  escrowErrors,
  idPattern,
  notFound,
} from '@bds/core';
import { answerDeliveryRating, rateDelivery } from '../../use-cases/rate-delivery';
import { route } from '../route';
import { ClusterParams, IdParam, Paging } from './common';
import { ADMINS, RequestParams, visible } from './guards';
import { MilestoneParams } from './milestones';

const tags = ['ratings'];
const AnswerParams = MilestoneParams.extend({
  raterId: z.string().regex(idPattern('association'), 'Not an association id'),
});
const Summary = z.object({
  category: z.string(),
  count: z.number().int(),
  averageHundredths: z.number().int().optional().describe('The plain average in hundredths of a star (450 = 4.5)'),
});

export const rateMilestoneRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/rating',
  operationId: 'rateMilestone',
  summary:
    "The lead association rates an accepted milestone's delivery, 1 to 5 stars with a comment, once " +
    "(RATING.NOT_ACCEPTED, RATING.ALREADY_RATED, RATING.LEAD_ONLY); it counts in the provider's quality score " +
    'for the cluster and category',
  tags,
  access: ['association_rep'],
  params: MilestoneParams,
  body: RatingInput,
  responses: { 201: { description: 'The rating', schema: Rating } },
  handler: async ({ params, body, actor, deps, log }) => {
    const { clusterId, requestId, index } = params;
    visible(actor, await deps.stores.requests.get(clusterId, requestId));
    const rating = await rateDelivery(deps, { clusterId, requestId, index }, actor, body);
    log.info('milestone rated', { clusterId, requestId, index, stars: rating.stars });
    return { status: 201, body: rating };
  },
});

export const answerRatingRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/ratings/:raterId/answer',
  operationId: 'answerRating',
  summary: 'The rated provider answers a rating of its delivery, once (RATING.ALREADY_ANSWERED)',
  tags,
  access: ['provider'],
  params: AnswerParams,
  body: z.object({ text: z.string().trim().min(1).max(RATING_ANSWER_MAX) }),
  responses: { 200: { description: 'The rating with its answer', schema: Rating } },
  handler: async ({ params, body, actor, deps }) => {
    const { clusterId, requestId, index, raterId } = params;
    visible(actor, await deps.stores.requests.get(clusterId, requestId));
    const rating = await answerDeliveryRating(deps, { clusterId, requestId, index }, raterId, actor, body.text);
    return { status: 200, body: rating };
  },
});

export const listRequestRatings = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId/ratings',
  operationId: 'listRequestRatings',
  summary: "The ratings of an award's milestones and the provider's answers (its sponsors, the provider, admins)",
  tags,
  access: ['association_rep', 'provider', ...ADMINS],
  params: RequestParams,
  responses: { 200: { description: 'Every rating of the award', schema: z.object({ items: z.array(Rating) }) } },
  handler: async ({ params, actor, deps }) => {
    const { clusterId, requestId } = params;
    const [request, record] = await Promise.all([
      deps.stores.requests.get(clusterId, requestId),
      deps.stores.escrow.get(clusterId, requestId),
    ]);
    const seen = visible(actor, request);
    if (!record) throw escrowErrors.notFound();
    assertMoneyParty(actor, seen, record);
    const items = await deps.stores.ratings.forRequest(clusterId, record.providerId, record.category, requestId);
    return { status: 200, body: { items } };
  },
});

export const listProviderRatings = route({
  method: 'get',
  path: '/api/clusters/:clusterId/providers/:providerId/ratings',
  operationId: 'listProviderRatings',
  summary:
    "A provider's ratings in the cluster, newest first, with its summary per category (associations comparing " +
    'bids, admins, and the provider itself)',
  tags,
  access: ['association_rep', 'provider', ...ADMINS],
  params: ClusterParams.extend({ providerId: IdParam }),
  query: Paging.extend({ category: CategorySlug.optional().describe('Only this category') }),
  responses: {
    200: {
      description: 'Summaries and a page of ratings',
      schema: z.object({ summaries: z.array(Summary), items: z.array(Rating), nextCursor: z.string().nullable() }),
    },
  },
  handler: async ({ params, query, actor, deps }) => {
    const { clusterId, providerId } = params;
    // A provider reads its own record only; another's is as unknown to it as a missing one.
    if (actor.role === 'provider' && actor.organisationId !== providerId)
      throw notFound('RATING.NOT_FOUND', 'There are no ratings of yours to show for that provider.');
    const [all, page] = await Promise.all([
      deps.stores.ratings.summaries(clusterId),
      deps.stores.ratings.forProvider(clusterId, providerId, query),
    ]);
    const summaries = [...all]
      .filter(([key]) => key.endsWith(`#${providerId}`) && (!query.category || key.startsWith(`${query.category}#`)))
      .map(([key, s]) => {
        const average = averageHundredths(s);
        return {
          category: key.slice(0, -providerId.length - 1),
          count: s.count,
          ...(average === undefined ? {} : { averageHundredths: average }),
        };
      });
    return { status: 200, body: { summaries, ...page } };
  },
});
