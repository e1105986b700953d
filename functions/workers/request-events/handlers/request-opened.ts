import type { EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';

/** The activity id is derived from the event id, so a redelivery writes the same row once. */
export const activityIdFor = (event: { id: string }) => `act_${event.id.slice(event.id.indexOf('_') + 1)}`;

/** A request opened: the cluster's activity feed says how many eligible providers were told. */
export async function onRequestOpened(event: EventOf<'request.opened'>, deps: WorkerDeps, log: Logger): Promise<void> {
  const { requestId, title, category } = event.payload;
  const eligible = (await deps.stores.providers.approvedIn(event.clusterId)).filter((r) =>
    r.categories.includes(category),
  );
  const outcome = await deps.stores.activity.append({
    id: activityIdFor(event),
    clusterId: event.clusterId,
    at: event.occurredAt,
    kind: 'request.opened',
    message:
      `Request “${title}” opened for bidding; ${eligible.length} ` +
      `eligible provider${eligible.length === 1 ? '' : 's'} notified.`,
    requestId,
    correlationId: event.correlationId,
  });
  log.info(outcome === 'written' ? 'providers notified' : 'already processed; nothing to do', {
    requestId,
    providers: eligible.length,
  });
}
