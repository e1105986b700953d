import { autoAcceptMilestone, newEvent, type EventOf } from '@bds/core';
import { decideMilestone } from '../../../use-cases/decide-milestone';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';

/** The one schedule per milestone: reporting again (never allowed today) would move it, not add one. */
export const autoAcceptSchedule = (requestId: string, index: number) => `milestone:${requestId}:${index}`;

/**
 * `milestone.reported`: schedules the milestone's automatic acceptance (`milestone.auto_accept`
 * at its `autoAcceptAt`). The route stores the report and this event together (outbox); the
 * scheduler lives with the workers.
 */
export async function onMilestoneReported(
  event: EventOf<'milestone.reported'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, index, autoAcceptAt } = event.payload;
  const name = autoAcceptSchedule(requestId, index);
  // The id is derived from the report's, so a redelivered report schedules the same trigger.
  const trigger = newEvent(
    'milestone.auto_accept',
    { requestId, index, autoAcceptAt },
    {
      id: `evt_auto_${event.id.slice(event.id.indexOf('_') + 1)}`,
      clusterId: event.clusterId,
      occurredAt: autoAcceptAt,
      correlationId: event.correlationId,
    },
  );
  await deps.scheduler.at(name, autoAcceptAt, trigger);
  log.info('milestone auto-acceptance scheduled', { requestId, index, autoAcceptAt, schedule: name });
}

/**
 * `milestone.auto_accept`: accepts the milestone if it is still `reported` and its time has
 * come. Answered, disputed or cancelled milestones are left alone, so a late, early or
 * repeated trigger is harmless; the release replays by its derived id. Accepting the last open
 * milestone completes the request in the same transaction (a system step: no audit entry, as
 * for a close at the deadline); a trigger with nothing to accept still re-checks the request,
 * so one left behind by an earlier decision catches up.
 */
export async function onMilestoneAutoAccept(
  event: EventOf<'milestone.auto_accept'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, index } = event.payload;
  const at = new Date(deps.clock.now()).toISOString();
  const record = await deps.stores.escrow.get(event.clusterId, requestId);
  if (!record) return log.warn('no escrow for the milestone; nothing to accept', { requestId, index });
  const target = { clusterId: event.clusterId, requestId, index, by: undefined, correlationId: event.correlationId };
  const { decided, requestStatus } = await decideMilestone(deps, target, (r) => autoAcceptMilestone(r, index, at));
  const status = requestStatus ? { requestStatus } : {};
  // Nothing decided now: an earlier attempt may have decided and crashed before the ledger
  // moved; decideMilestone has settled what the record says (transfers replay by derived ids).
  if (!decided) return log.info('milestone answered or not due; nothing to accept', { requestId, index, ...status });
  log.info('milestone accepted automatically', { requestId, index, ...status });
}
