import type { Clock } from '../../clock';
import { conflict, invalid } from '../../errors';
import type { ServiceRequest } from '../schema';
import { applyTransition } from './apply';
import { assertBiddingPeriod } from './timing';
import { windowOpensAt } from './terms';
import { assertTransition } from './transitions';

export interface MoveDeadlineInput {
  /** The new bidding deadline (ISO 8601 with an offset). */
  deadline: string;
  /** How many live bids the request has: once there is one, the deadline only moves later. */
  bidCount: number;
  /** The cluster's minimum bidding period, counted from now (`minBiddingPeriodMs`). */
  minBiddingPeriodMs: number;
}

/**
 * Moves an open request's bidding deadline. The new one must leave the minimum bidding period
 * from now (`REQUEST.BIDDING_PERIOD_TOO_SHORT`) and fall before the delivery window
 * (`REQUEST.DEADLINE_AFTER_WINDOW`); once a provider has bid, it may only move later
 * (`REQUEST.DEADLINE_EARLIER_WITH_BIDS`): a bidder planned for the time it was given.
 *
 * @example
 * moveDeadline(open, { deadline: '2030-02-01T12:00:00+05:30', bidCount: 0, minBiddingPeriodMs: 0 }, clock)
 */
export function moveDeadline(request: ServiceRequest, input: MoveDeadlineInput, clock: Clock): ServiceRequest {
  const next = assertTransition(request, 'moveDeadline');
  const at = Date.parse(input.deadline);
  if (Number.isNaN(at)) throw invalid('REQUEST.INVALID_DEADLINE', 'Not a date and time', 'biddingDeadline');
  if (input.bidCount > 0 && at < Date.parse(request.biddingDeadline)) {
    throw conflict(
      'REQUEST.DEADLINE_EARLIER_WITH_BIDS',
      'Providers have bid: the deadline may move later, never earlier',
      'biddingDeadline',
    );
  }
  assertBiddingPeriod(input.deadline, clock.now(), input.minBiddingPeriodMs);
  if (at >= windowOpensAt(request.deliveryWindow.start)) {
    throw invalid(
      'REQUEST.DEADLINE_AFTER_WINDOW',
      'The bidding deadline must be before the delivery window starts',
      'biddingDeadline',
    );
  }
  return applyTransition(request, next, clock, { biddingDeadline: new Date(at).toISOString() });
}
