import { newEvent, type EventOf } from '../events/new-event';

/**
 * `milestone.decided` for one milestone, written with the decision (same transaction): the
 * indicator worker adds its delivery, if it counts, to the aggregates.
 *
 * @example
 * milestoneDecided({ id: 'evt_1', clusterId, requestId, index: 0, at, correlationId, status: 'accepted'
 * }).idempotencyKey // 'milestone.decided:req_…:0'
 */
export function milestoneDecided(e: {
  id: string;
  clusterId: string;
  requestId: string;
  index: number;
  at: string;
  correlationId: string;
  status: string;
}): EventOf<'milestone.decided'> {
  return newEvent(
    'milestone.decided',
    { requestId: e.requestId, index: e.index, status: e.status },
    {
      id: e.id,
      clusterId: e.clusterId,
      occurredAt: e.at,
      correlationId: e.correlationId,
    },
  );
}
