import type { Clock } from '../../clock';
import { conflict, invalid } from '../../errors';
import type { ServiceRequest } from '../schema';
import { applyTransition, isoNow } from './apply';
import { assertBiddingPeriod } from './timing';
import { assertTransition, deadlineReached } from './transitions';

/** Shortest reason accepted for a cancellation or an award that departs from the ranking. */
export const REASON_MIN_LENGTH = 20;

/**
 * Opens a draft for pledges and bids. Refused (`REQUEST.DEADLINE_PASSED`) once the deadline
 * has been reached: nobody could pledge or bid; and (`REQUEST.BIDDING_PERIOD_TOO_SHORT`) when
 * the deadline leaves less than the cluster's minimum bidding period (`minBiddingPeriodMs`).
 *
 * @example
 * publish(draft, clock, minBiddingPeriodMs(policy, timing)).status // 'open'
 */
export function publish(request: ServiceRequest, clock: Clock, minBiddingPeriodMs = 0): ServiceRequest {
  const next = assertTransition(request, 'publish');
  if (deadlineReached(request, clock.now())) {
    throw invalid(
      'REQUEST.DEADLINE_PASSED',
      'The bidding deadline has passed; set a new one before publishing',
      'biddingDeadline',
    );
  }
  assertBiddingPeriod(request.biddingDeadline, clock.now(), minBiddingPeriodMs);
  return applyTransition(request, next, clock);
}

/**
 * Closes bidding at the deadline so the request can be evaluated; refused before it
 * (`REQUEST.DEADLINE_NOT_REACHED`), since bids may still be revised.
 *
 * @example
 * close(open, clockAfterDeadline).status // 'evaluating'
 */
export function close(request: ServiceRequest, clock: Clock): ServiceRequest {
  const next = assertTransition(request, 'close');
  if (!deadlineReached(request, clock.now())) {
    throw conflict('REQUEST.DEADLINE_NOT_REACHED', `Bidding stays open until ${request.biddingDeadline}`);
  }
  return applyTransition(request, next, clock);
}

/**
 * The awarded provider starts delivering.
 *
 * @example
 * startDelivery(awarded, clock).status // 'in_delivery'
 */
export function startDelivery(request: ServiceRequest, clock: Clock): ServiceRequest {
  const next = assertTransition(request, 'startDelivery');
  if (!request.award) throw conflict('REQUEST.NO_AWARD', 'The request has no award to deliver');
  return applyTransition(request, next, clock);
}

/**
 * Every milestone is delivered and accepted (the delivery module checks that before calling).
 *
 * @example
 * complete(inDelivery, clock).status // 'completed'
 */
export function complete(request: ServiceRequest, clock: Clock): ServiceRequest {
  return applyTransition(request, assertTransition(request, 'complete'), clock);
}

export interface CancelInput {
  reason: string;
  /** The user id of whoever cancels. */
  cancelledBy: string;
}

/**
 * Cancels a request that has not ended; the written reason is kept (`REQUEST.REASON_REQUIRED`
 * when it is shorter than `REASON_MIN_LENGTH`). Escrow still held is voided by the ledger.
 *
 * @example
 * cancel(open, { reason: 'The fair was postponed to next year', cancelledBy: 'usr_…' }, clock).status // 'cancelled'
 */
export function cancel(request: ServiceRequest, input: CancelInput, clock: Clock): ServiceRequest {
  const next = assertTransition(request, 'cancel');
  const reason = requireReason(input.reason);
  return applyTransition(request, next, clock, {
    cancellation: { reason, cancelledBy: input.cancelledBy, cancelledAt: isoNow(clock) },
  });
}

/**
 * Ends an evaluated request without an award: too few pledges or no valid bid (the
 * evaluation's reason).
 *
 * @example
 * markUnsuccessful(evaluating, { reason: 'Only 6 firms pledged; 10 were needed' }, clock).status // 'unsuccessful'
 */
export function markUnsuccessful(request: ServiceRequest, input: { reason: string }, clock: Clock): ServiceRequest {
  const next = assertTransition(request, 'markUnsuccessful');
  const reason = input.reason.trim();
  if (reason === '') throw invalid('REQUEST.REASON_REQUIRED', 'Say why the request was unsuccessful', 'reason');
  return applyTransition(request, next, clock, { unsuccessfulReason: reason });
}

/**
 * The trimmed reason, or `REQUEST.REASON_REQUIRED` when it is too short to mean anything.
 *
 * @example
 * requireReason('  cheaper  ') // throws REQUEST.REASON_REQUIRED
 */
export function requireReason(raw: string | undefined): string {
  const reason = (raw ?? '').trim();
  if (reason.length < REASON_MIN_LENGTH) {
    throw invalid('REQUEST.REASON_REQUIRED', `Write a reason of at least ${REASON_MIN_LENGTH} characters`, 'reason');
  }
  return reason;
}
