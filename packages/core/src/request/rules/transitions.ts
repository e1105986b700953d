import { conflict } from '../../errors';
import type { RequestStatus, ServiceRequest } from '../schema';

/**
 * The lifecycle as data: for each named transition, the states it may start from and the state
 * it leads to. Every transition function checks this table first; docs and tests read it too.
 * `addCoSponsor` and `moveDeadline` change the request but not its state.
 */
export const REQUEST_TRANSITIONS = {
  publish: { draft: 'open' },
  close: { open: 'evaluating' },
  award: { evaluating: 'awarded' },
  startDelivery: { awarded: 'in_delivery' },
  complete: { in_delivery: 'completed' },
  cancel: {
    draft: 'cancelled',
    open: 'cancelled',
    evaluating: 'cancelled',
    awarded: 'cancelled',
    in_delivery: 'cancelled',
  },
  markUnsuccessful: { evaluating: 'unsuccessful' },
  addCoSponsor: { draft: 'draft', open: 'open' },
  moveDeadline: { open: 'open' },
} as const satisfies Record<string, Partial<Record<RequestStatus, RequestStatus>>>;

export type RequestTransition = keyof typeof REQUEST_TRANSITIONS;

export const REQUEST_TRANSITION_NAMES = Object.keys(REQUEST_TRANSITIONS) as RequestTransition[];

/** States no transition leaves. */
export const TERMINAL_STATUSES: readonly RequestStatus[] = ['completed', 'cancelled', 'unsuccessful'];

/**
 * The state a transition leads to from `status`, or `undefined` when the table does not allow it.
 *
 * @example
 * nextStatus('draft', 'publish') // 'open'
 * nextStatus('completed', 'cancel') // undefined
 */
export function nextStatus(status: RequestStatus, transition: RequestTransition): RequestStatus | undefined {
  const row: Partial<Record<RequestStatus, RequestStatus>> = REQUEST_TRANSITIONS[transition];
  return row[status];
}

/**
 * Throws `REQUEST.ILLEGAL_TRANSITION` (conflict) unless the table allows the transition, and
 * returns the state it leads to.
 *
 * @example
 * assertTransition(completedRequest, 'cancel') // throws REQUEST.ILLEGAL_TRANSITION
 */
export function assertTransition(
  request: Pick<ServiceRequest, 'status'>,
  transition: RequestTransition,
): RequestStatus {
  const next = nextStatus(request.status, transition);
  if (next === undefined) {
    throw conflict('REQUEST.ILLEGAL_TRANSITION', `A request that is ${request.status} cannot ${transition}`);
  }
  return next;
}

/**
 * True once the bidding deadline has been reached: the deadline instant itself is too late.
 *
 * @example
 * deadlineReached({ biddingDeadline: '2025-03-15T12:00:00.000Z' }, Date.UTC(2025, 2, 15, 12)) // true
 */
export const deadlineReached = (request: Pick<ServiceRequest, 'biddingDeadline'>, now: number): boolean =>
  now >= Date.parse(request.biddingDeadline);
