import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { EventEnvelope } from '@bds/core';
import type { Stores } from '../../adapters/dynamo/stores';
import type { Logger } from '../../observability/logger';
import { processBatch } from '../batch';

/** What the request-events worker needs. */
export interface RequestEventsDeps {
  stores: Pick<Stores, 'providers' | 'activity'>;
  log: Logger;
}

/** The activity id is derived from the event id, so a redelivery writes the same row once. */
const activityIdFor = (event: EventEnvelope) => `act_${event.id.slice(event.id.indexOf('_') + 1)}`;

async function onRequestOpened(event: EventEnvelope, deps: RequestEventsDeps, log: Logger): Promise<void> {
  const { requestId, title, category } = event.payload as { requestId: string; title: string; category: string };
  const eligible = (await deps.stores.providers.approvedIn(event.clusterId)).filter((r) => r.categories.includes(category));
  const outcome = await deps.stores.activity.append({
    id: activityIdFor(event),
    clusterId: event.clusterId,
    at: event.occurredAt,
    kind: 'request.opened',
    message: `Request “${title}” opened for bidding; ${eligible.length} eligible provider${eligible.length === 1 ? '' : 's'} notified.`,
    requestId,
    correlationId: event.correlationId,
  });
  log.info(outcome === 'written' ? 'providers notified' : 'already processed; nothing to do', { requestId, providers: eligible.length });
}

/**
 * The SQS handler of request lifecycle events. Safe to run twice: every effect is keyed by
 * the event's id.
 */
export function createRequestEventsHandler(deps: RequestEventsDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  return (sqsEvent) =>
    processBatch(sqsEvent.Records, deps.log, async (event, log) => {
      switch (event.type) {
        case 'request.opened':
          return onRequestOpened(event, deps, log);
        default:
          // Events for other workers may share the queue later; ignoring one is not a failure.
          log.debug('event not for this worker', { type: event.type });
      }
    });
}
