import { newEvent, type EventOf, type IdGenerator } from '@bds/core';
import type { Stores } from '../../../adapters/dynamo/stores';
import type { Scheduler } from '../../../adapters/scheduler/port';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';

/** One schedule per request: arming it again moves it, so a redelivered event arms it once. */
export const deadlineScheduleName = (requestId: string): string => `deadline:${requestId}`;

/**
 * Arms (or moves) the schedule that delivers `request.deadline` at the request's deadline. The
 * idempotency key names the deadline, so a moved deadline is a different trigger.
 *
 * @example
 * await armDeadline(deps, { clusterId, requestId, deadline: request.biddingDeadline }, correlationId);
 */
export async function armDeadline(
  deps: { scheduler: Scheduler; ids: IdGenerator },
  target: { clusterId: string; requestId: string; deadline: string },
  correlationId: string,
): Promise<void> {
  const { clusterId, requestId, deadline } = target;
  const event = newEvent(
    'request.deadline',
    { requestId, deadline },
    {
      id: deps.ids.next('event'),
      clusterId,
      occurredAt: deadline,
      correlationId,
    },
  );
  await deps.scheduler.at(deadlineScheduleName(requestId), deadline, event);
}

/** `request.opened`: the deadline closes the request without anyone calling the API. */
export async function scheduleDeadline(event: EventOf<'request.opened'>, deps: WorkerDeps, log: Logger): Promise<void> {
  const { requestId } = event.payload;
  // Queues do not keep order: a cancellation handled first must not leave a schedule behind.
  const request = await deps.stores.requests.get(event.clusterId, requestId);
  if (request?.status !== 'open') {
    log.info('request is no longer open; no deadline to schedule', { requestId, status: request?.status });
    return;
  }
  // The stored deadline, not the event's: it is the one the close will check.
  await armDeadline(
    deps,
    { clusterId: event.clusterId, requestId, deadline: request.biddingDeadline },
    event.correlationId,
  );
  log.info('deadline scheduled', { requestId, deadline: request.biddingDeadline });
}

/**
 * `request.deadline_moved`: the schedule follows the stored deadline (a redelivery, or an older move
 * handled after a newer one, arms the same stored instant; an early trigger re-arms in `onDeadline`).
 */
export async function moveDeadlineSchedule(
  event: EventOf<'request.deadline_moved'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId } = event.payload;
  const request = await deps.stores.requests.get(event.clusterId, requestId);
  if (request?.status !== 'open') {
    log.info('request is no longer open; no deadline to move', { requestId, status: request?.status });
    return;
  }
  await armDeadline(
    deps,
    { clusterId: event.clusterId, requestId, deadline: request.biddingDeadline },
    event.correlationId,
  );
  log.info('deadline schedule moved', { requestId, deadline: request.biddingDeadline });
}

/** `request.cancelled`: an open request's deadline schedule goes with it. */
export async function cancelDeadline(
  event: EventOf<'request.cancelled'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, previousStatus } = event.payload;
  if (previousStatus !== 'open') {
    log.debug('request was not open; no deadline schedule to cancel', { requestId, previousStatus });
    return;
  }
  await deps.scheduler.cancel(deadlineScheduleName(requestId));
  log.info('deadline schedule cancelled', { requestId });
}

/**
 * Arms the deadline of every open request, once: the local stack's timers live in memory, so
 * a restart would otherwise forget them. Reads the open-by-deadline index of each cluster.
 *
 * @example
 * say(`Scheduled ${await rearmOpenDeadlines({ stores, scheduler, ids })} request deadlines`);
 */
export async function rearmOpenDeadlines(deps: {
  stores: Stores;
  scheduler: Scheduler;
  ids: IdGenerator;
}): Promise<number> {
  let armed = 0;
  for await (const cluster of pages((cursor) =>
    deps.stores.clusters.list({ limit: 100, ...(cursor ? { cursor } : {}) }),
  )) {
    for await (const request of pages((cursor) =>
      deps.stores.requests.listOpen(cluster.id, { limit: 100, ...(cursor ? { cursor } : {}) }),
    )) {
      await armDeadline(
        deps,
        { clusterId: request.clusterId, requestId: request.id, deadline: request.biddingDeadline },
        `startup:${request.id}`,
      );
      armed++;
    }
  }
  return armed;
}

/** Every item of a paged list, page by page. */
async function* pages<T>(
  load: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncGenerator<T> {
  let cursor: string | null = null;
  do {
    const page = await load(cursor ?? undefined);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
