import type { Clock } from '../../clock';
import { conflict, DomainError, invalid } from '../../errors';
import type { IdGenerator } from '../../ids';
import type { ServiceRequest } from '../../request/schema';
import { deadlineReached } from '../../request/rules/transitions';
import { bidCurrency, NewBid, type Bid } from '../schema';

type RequestView = Pick<
  ServiceRequest,
  | 'id'
  | 'clusterId'
  | 'status'
  | 'biddingDeadline'
  | 'minFirms'
  | 'maxFirms'
  | 'currency'
  | 'visibility'
  | 'invitedProviderIds'
>;

/** Bids change only before the deadline, and only while the request is open. */
function assertBidding(request: RequestView, now: number): void {
  if (deadlineReached(request, now))
    throw conflict('BID.DEADLINE_PASSED', `Bidding closed at ${request.biddingDeadline}`);
  if (request.status !== 'open')
    throw conflict('BID.REQUEST_NOT_OPEN', `The request is ${request.status}; it takes no bids`);
}

/** Parses the terms and checks them against the request: currency, volume range, invitation. */
function checkTerms(request: RequestView, providerId: string, input: NewBid) {
  const terms = NewBid.parse(input);
  if (request.visibility === 'invited' && !request.invitedProviderIds.includes(providerId)) {
    throw new DomainError(
      'BID.NOT_INVITED',
      'forbidden',
      'The request is open to invited providers only',
      'providerId',
    );
  }
  if (bidCurrency(terms) !== request.currency) {
    throw invalid('BID.CURRENCY_MISMATCH', `The request is priced in ${request.currency}`, 'priceTiers');
  }
  // A bid covers [first tier, capacity]; that range must meet the request's [minFirms, maxFirms].
  const first = terms.priceTiers[0]?.minFirms ?? 1;
  if (first > request.maxFirms) {
    throw invalid(
      'BID.TIERS_OUT_OF_RANGE',
      `The first tier (${first} firms) is above the request's maximum of ${request.maxFirms}`,
      'priceTiers',
    );
  }
  if (terms.capacity < request.minFirms) {
    throw invalid(
      'BID.CAPACITY_TOO_LOW',
      `Capacity ${terms.capacity} is below the request's minimum of ${request.minFirms} firms`,
      'capacity',
    );
  }
  const { priceTiers, capacity, deliveryPlan, milestoneProposal } = terms;
  return milestoneProposal
    ? { priceTiers, capacity, deliveryPlan, milestoneProposal }
    : { priceTiers, capacity, deliveryPlan };
}

function assertOwnLiveBid(request: RequestView, bid: Bid, providerId: string): void {
  if (bid.requestId !== request.id)
    throw invalid('BID.WRONG_REQUEST', 'The bid belongs to another request', 'requestId');
  if (bid.providerId !== providerId)
    throw new DomainError('BID.NOT_OWNER', 'forbidden', 'Only the provider who bid can change the bid');
  if (bid.status !== 'live') throw conflict('BID.NOT_LIVE', 'The bid was withdrawn; submit a new one');
}

/**
 * Submits a provider's sealed bid. One live bid per provider per request
 * (`BID.ALREADY_SUBMITTED`: revise it instead). Errors: `BID.DEADLINE_PASSED`,
 * `BID.REQUEST_NOT_OPEN`, `BID.NOT_INVITED`, `BID.CURRENCY_MISMATCH`, `BID.TIERS_OUT_OF_RANGE`,
 * `BID.CAPACITY_TOO_LOW`; a `ZodError` for malformed terms.
 *
 * A provider may start its first tier above the request's `minFirms` (it declines small
 * volumes); the evaluation then rules the bid out if the pledged volume stays below it.
 *
 * @example
 * submitBid(openRequest, existingBids, terms, { providerId, ids, clock }).version // 1
 */
export function submitBid(
  request: RequestView,
  existing: readonly Bid[],
  input: NewBid,
  ctx: { providerId: string; ids: IdGenerator; clock: Clock },
): Bid {
  const now = ctx.clock.now();
  assertBidding(request, now);
  const terms = checkTerms(request, ctx.providerId, input);
  if (existing.some((b) => b.requestId === request.id && b.providerId === ctx.providerId && b.status === 'live')) {
    throw conflict('BID.ALREADY_SUBMITTED', 'This provider already has a live bid on the request; revise it instead');
  }
  const at = new Date(now).toISOString();
  return {
    ...terms,
    id: ctx.ids.next('bid'),
    requestId: request.id,
    clusterId: request.clusterId,
    providerId: ctx.providerId,
    status: 'live',
    version: 1,
    submittedAt: at,
    updatedAt: at,
  };
}

/**
 * Replaces a live bid's terms with new ones (same id, version + 1, submittedAt moves to now).
 * Same checks as `submitBid`, plus `BID.NOT_OWNER`, `BID.NOT_LIVE`, `BID.WRONG_REQUEST`.
 *
 * @example
 * reviseBid(openRequest, bid, cheaperTerms, { providerId, clock }).version // bid.version + 1
 */
export function reviseBid(
  request: RequestView,
  bid: Bid,
  input: NewBid,
  ctx: { providerId: string; clock: Clock },
): Bid {
  assertOwnLiveBid(request, bid, ctx.providerId);
  const now = ctx.clock.now();
  assertBidding(request, now);
  const terms = checkTerms(request, ctx.providerId, input);
  const at = new Date(now).toISOString();
  const { id, requestId, clusterId, providerId, status, version } = bid;
  return {
    ...terms,
    id,
    requestId,
    clusterId,
    providerId,
    status,
    version: version + 1,
    submittedAt: at,
    updatedAt: at,
  };
}

/**
 * Withdraws a live bid before the deadline (status withdrawn, version + 1).
 *
 * @example
 * withdrawBid(openRequest, bid, { providerId, clock }).status // 'withdrawn'
 */
export function withdrawBid(request: RequestView, bid: Bid, ctx: { providerId: string; clock: Clock }): Bid {
  assertOwnLiveBid(request, bid, ctx.providerId);
  const now = ctx.clock.now();
  assertBidding(request, now);
  return { ...bid, status: 'withdrawn', version: bid.version + 1, updatedAt: new Date(now).toISOString() };
}
