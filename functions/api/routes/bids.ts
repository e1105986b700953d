import {
  Bid,
  assertMayBid,
  NewBid,
  notFound,
  readableBids,
  reviseBid,
  submitBid,
  withdrawBid,
  type Actor,
} from '@bds/core';
import * as z from 'zod';
import { pageOfReadable, type StoredBid } from '../../adapters/dynamo/bids';
import type { Deps } from '../deps';
import { route } from '../route';
import { Paging, pageOf } from './common';
import { RequestParams, visible } from './guards';

/** A bid as its readers see it; the stored accreditation snapshot stays internal. */
const BidView = Bid.extend({ requestTitle: z.string() });
const tags = ['bids'];
const path = '/api/clusters/:clusterId/requests/:requestId/bids';
type Params = z.infer<typeof RequestParams>;

/** The request (if the provider may see it) and the provider's own bid on it: one BatchGetItem. */
async function ownContext(deps: Deps, actor: Actor, params: Params) {
  const found = await deps.stores.bids.context(params.clusterId, params.requestId, actor.organisationId, {
    withProvider: false,
  });
  return { request: visible(actor, found.request), bid: found.bid };
}

/**
 * As `ownContext`, with the provider's profile, whose accreditation a submitted bid records. It
 * comes in the same read, so refusing a provider a national admin has blocked costs nothing: its
 * access token outlives the block, its profile does not.
 */
async function biddingContext(deps: Deps, actor: Actor, params: Params) {
  const found = await deps.stores.bids.context(params.clusterId, params.requestId, actor.organisationId, {
    withProvider: true,
  });
  const request = visible(actor, found.request);
  return { request, bid: found.bid, provider: assertMayBid(found.provider) };
}

const ownLiveBid = (bid: StoredBid | undefined): StoredBid => {
  if (!bid) throw notFound('BID.NOT_FOUND', 'You have no bid on this request.');
  return bid;
};

export const postBid = route({
  method: 'post',
  path,
  operationId: 'submitBid',
  summary: 'Submit a sealed bid with volume price tiers (one live bid per provider per request)',
  tags,
  access: ['provider'],
  params: RequestParams,
  body: NewBid,
  responses: { 201: { description: 'The bid', schema: BidView } },
  handler: async ({ params, body, actor, deps }) => {
    const { request, bid: existing, provider } = await biddingContext(deps, actor, params);
    const bid = submitBid(request, existing ? [existing] : [], body, {
      providerId: provider.id,
      ids: deps.ids,
      clock: deps.clock,
    });
    const stored = await deps.stores.bids.submit(
      { ...bid, requestTitle: request.title, providerAccredited: provider.accredited },
      deps.clock.now(),
    );
    return {
      status: 201,
      body: stored,
      headers: {
        location: `${path.replace(':clusterId', params.clusterId).replace(':requestId', params.requestId)}/mine`,
      },
    };
  },
});

export const getMyBid = route({
  method: 'get',
  path: `${path}/mine`,
  operationId: 'getMyBid',
  summary: "The signed-in provider's own bid on a request",
  tags,
  access: ['provider'],
  params: RequestParams,
  responses: { 200: { description: 'The bid', schema: BidView } },
  handler: async ({ params, actor, deps }) => ({
    status: 200,
    body: ownLiveBid((await ownContext(deps, actor, params)).bid),
  }),
});

export const putMyBid = route({
  method: 'put',
  path: `${path}/mine`,
  operationId: 'reviseBid',
  summary: 'Revise your live bid until the deadline; the last version counts',
  tags,
  access: ['provider'],
  params: RequestParams,
  body: NewBid,
  responses: { 200: { description: 'The revised bid', schema: BidView } },
  handler: async ({ params, body, actor, deps }) => {
    const { request, bid, provider } = await biddingContext(deps, actor, params);
    const current = ownLiveBid(bid);
    const next = reviseBid(request, current, body, { providerId: provider.id, clock: deps.clock });
    const stored = await deps.stores.bids.replace(
      { ...next, requestTitle: request.title, providerAccredited: provider.accredited },
      current.version,
      deps.clock.now(),
    );
    return { status: 200, body: stored };
  },
});

export const deleteMyBid = route({
  method: 'delete',
  path: `${path}/mine`,
  operationId: 'withdrawBid',
  summary: 'Withdraw your bid until the deadline',
  tags,
  access: ['provider'],
  params: RequestParams,
  responses: { 200: { description: 'The withdrawn bid', schema: BidView } },
  handler: async ({ params, actor, deps }) => {
    const { request, bid } = await ownContext(deps, actor, params);
    const current = ownLiveBid(bid);
    const next = withdrawBid(request, current, { providerId: actor.organisationId, clock: deps.clock });
    return {
      status: 200,
      body: await deps.stores.bids.replace({ ...current, ...next }, current.version, deps.clock.now()),
    };
  },
});

export const listBids = route({
  method: 'get',
  path,
  operationId: 'listBids',
  summary:
    "A request's bids as the sealing policy allows: a provider its " +
    'own; sponsors and admins the live ones after the deadline',
  tags,
  access: 'signed-in',
  params: RequestParams,
  query: Paging,
  responses: { 200: { description: 'A page of bids', schema: pageOf(BidView) } },
  handler: async ({ params, query, actor, deps }) => {
    // A provider's read never touches another provider's bid item.
    if (actor.role === 'provider') {
      const { bid } = await ownContext(deps, actor, params);
      return { status: 200, body: { items: bid ? [bid] : [], nextCursor: null } };
    }
    // Two calls sent together (one round trip); a request has tens of bids, so all are read and the policy pages them.
    const [request, all] = await Promise.all([
      deps.stores.requests.get(params.clusterId, params.requestId),
      deps.stores.bids.allForRequest(params.clusterId, params.requestId),
    ]);
    const readable = readableBids(actor, all, visible(actor, request), deps.clock.now());
    return { status: 200, body: pageOfReadable(readable, query) };
  },
});

export const listOwnBids = route({
  method: 'get',
  path: '/api/bids',
  operationId: 'listOwnBids',
  summary: "The signed-in provider's bids across every cluster, latest first",
  tags,
  access: ['provider'],
  query: Paging,
  responses: { 200: { description: 'A page of bids', schema: pageOf(BidView) } },
  handler: async ({ query, actor, deps }) => ({
    status: 200,
    body: await deps.stores.bids.listByProvider(actor.organisationId, query),
  }),
});
