import * as z from 'zod';
import { Money, SPLIT_MAX_CONTRACTS, SPLIT_MAX_FIRMS_PER_CONTRACT, idPattern } from '@bds/core';
import { makeSplitAward } from '../../use-cases/award-split';
import { previewSplit } from '../../use-cases/preview-split';
import { StoredRequest } from '../../adapters/dynamo/requests';
import { route } from '../route';
import { Reason, RequestParams, assertLead, visible, withCount } from './guards';

// Money routes too: a split award opens an escrow per contract (docs/security.md's table).
const tags = ['evaluation', 'escrow'];

const SplitBody = z.object({
  parts: z
    .array(
      z.object({
        bidId: z.string().regex(idPattern('bid'), 'Not a bid id'),
        firms: z.number().int().min(1).max(SPLIT_MAX_FIRMS_PER_CONTRACT),
      }),
    )
    .min(2)
    .max(SPLIT_MAX_CONTRACTS)
    .optional()
    .describe(
      'The association’s own split (a reason is then required); the rule’s (largest score first) when left out',
    ),
  reason: Reason.optional().describe('Required (20 characters or more) with your own parts; kept in the audit trail'),
});

const SplitPreviewContract = z.object({
  bidId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  firms: z.number().int(),
  pricePerFirm: Money.Money,
  total: Money.Money,
  subsidy: Money.Money.describe('What the programmes would hold in escrow for this contract'),
  privateShare: Money.Money,
  perFirm: Money.Money,
  even: z.boolean(),
});
const SplitPreview = z.object({
  strategy: z.enum(['largest_score', 'custom']),
  volume: z.number().int(),
  total: Money.Money,
  subsidy: Money.Money,
  privateShare: Money.Money,
  contracts: z.array(SplitPreviewContract),
});

export const previewSplitRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/award-split-preview',
  operationId: 'previewSplitAward',
  summary:
    'What a split award would do, written nowhere (no single bidder can serve the pledged volume): each ' +
    'provider’s contract — firms, price, subsidy, private share — by the rule or your own parts (the lead association)',
  tags,
  access: ['association_rep'],
  params: RequestParams,
  body: SplitBody,
  responses: { 200: { description: 'The split’s contracts and money, as they would be', schema: SplitPreview } },
  handler: async ({ params, body, actor, deps }) => {
    const found = await deps.stores.evaluations.withRequest(params.clusterId, params.requestId);
    const request = visible(actor, found.request);
    assertLead(actor, request);
    return { status: 200, body: await previewSplit(deps, { request, evaluation: found.evaluation }, body) };
  },
});

export const awardSplitRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/award-split',
  operationId: 'awardSplit',
  summary:
    'Award a volume split across bidders when no single bidder can serve it (AWARD.SPLIT_NOT_NEEDED otherwise): ' +
    'each part a contract (a request of its own, awarded, with its escrow and deliveries); the same stand-still ' +
    'and complaint rules as an award',
  tags,
  access: ['association_rep'],
  params: RequestParams,
  body: SplitBody,
  responses: {
    200: {
      description: 'The split request and its contracts',
      schema: z.object({ request: StoredRequest, contracts: z.array(StoredRequest) }),
    },
  },
  handler: async ({ params, body, actor, deps, log, correlationId }) => {
    const found = await deps.stores.evaluations.withRequest(params.clusterId, params.requestId);
    const request = visible(actor, found.request);
    assertLead(actor, request);
    const { next, contracts } = await makeSplitAward(
      deps,
      { request, evaluation: found.evaluation },
      actor,
      body,
      correlationId,
    );
    log.info('request split', { clusterId: request.clusterId, requestId: request.id, contracts: contracts.length });
    return {
      status: 200,
      body: {
        request: withCount(next, request),
        contracts: contracts.map((c) => ({ ...c, pledgedFirms: c.contractOf?.firmIds.length ?? c.maxFirms })),
      },
    };
  },
});
