import * as z from 'zod';
import { minBiddingPeriodMs, moveDeadline, newEvent } from '@bds/core';
import { StoredRequest } from '../../adapters/dynamo/requests';
import { route } from '../route';
import { RequestParams, assertLead, visible, withCount } from './guards';

const MoveBody = z.object({
  biddingDeadline: z.iso.datetime({ offset: true }).describe('The new bidding deadline (ISO 8601 with an offset)'),
});

export const moveRequestDeadline = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/deadline',
  operationId: 'moveRequestDeadline',
  summary:
    "Move an open request's bidding deadline: never closer than the cluster's minimum bidding period " +
    '(REQUEST.BIDDING_PERIOD_TOO_SHORT), never earlier once a provider has bid (REQUEST.DEADLINE_EARLIER_WITH_BIDS)',
  tags: ['requests'],
  access: ['association_rep'],
  params: RequestParams,
  body: MoveBody,
  responses: { 200: { description: 'The request with its new deadline', schema: StoredRequest } },
  handler: async ({ params, body, actor, deps, log, correlationId }) => {
    const [{ request: found, policy }, bids] = await Promise.all([
      deps.stores.requests.getWithPolicy(params.clusterId, params.requestId),
      deps.stores.bids.allForRequest(params.clusterId, params.requestId),
    ]);
    const current = visible(actor, found);
    assertLead(actor, current);
    const next = moveDeadline(
      current,
      {
        deadline: body.biddingDeadline,
        bidCount: bids.filter((b) => b.status === 'live').length,
        minBiddingPeriodMs: minBiddingPeriodMs(policy, deps.timing),
      },
      deps.clock,
    );
    // The schedule moves in the worker (request.deadline_moved); a bid racing this write is refused
    // by its own open-and-before-deadline check against whichever deadline is stored.
    const moved = await deps.stores.requests.update(next, current.version, {
      pledgedFirms: current.pledgedFirms,
      events: [
        newEvent(
          'request.deadline_moved',
          { requestId: next.id, from: current.biddingDeadline, deadline: next.biddingDeadline },
          { id: deps.ids.next('event'), clusterId: next.clusterId, occurredAt: next.updatedAt, correlationId },
        ),
      ],
    });
    log.info('request deadline moved', { requestId: next.id, from: current.biddingDeadline, to: next.biddingDeadline });
    return { status: 200, body: withCount(moved, current) };
  },
});
