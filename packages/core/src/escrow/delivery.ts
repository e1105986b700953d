import type { Clock } from '../clock';
import { complete, startDelivery } from '../request/rules/lifecycle';
import type { ServiceRequest } from '../request/schema';
import { DECIDED, type EscrowRecord } from './schema';

/** The request states delivery moves on from; anything else (cancelled, completed) stays put. */
const DELIVERING: readonly ServiceRequest['status'][] = ['awarded', 'in_delivery'];

/**
 * Where the award's milestones put its request: `in_delivery` once a milestone is reported,
 * `completed` once every milestone is decided (accepted, auto-accepted or resolved). Undefined
 * when the request is there already, has ended, or the escrow was cancelled (a cancellation
 * voids milestones; it does not complete the request). Derived from the record alone, so a
 * caller that re-checks after a lost write converges on the same answer; an `awarded` request
 * whose milestones are all decided takes both steps at once.
 *
 * @example
 * deliveryProgress(awarded, recordWithMilestone0Reported, clock)?.status // 'in_delivery'
 * deliveryProgress(inDelivery, recordAllAccepted, clock)?.status // 'completed'
 */
export function deliveryProgress(
  request: ServiceRequest,
  record: EscrowRecord,
  clock: Clock,
): ServiceRequest | undefined {
  if (record.cancelledAt || !DELIVERING.includes(request.status)) return undefined;
  const started = record.milestones.some((m) => m.status !== 'awaiting_delivery');
  const done = record.milestones.length > 0 && record.milestones.every((m) => DECIDED.includes(m.status));
  let next = request;
  if (started && next.status === 'awarded') next = startDelivery(next, clock);
  if (done && next.status === 'in_delivery') next = complete(next, clock);
  return next === request ? undefined : next;
}
