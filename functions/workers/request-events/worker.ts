import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { EventEnvelope, isEventType, parseEvent, type EventType } from '@bds/core';
import type { Logger } from '../../observability/logger';
import { batchLogFields, processBatch } from '../batch';
import type { WorkerDeps } from './deps';
import { batchHandlers, eventHandlers } from './handlers';

export type { BatchHandler, EventHandler, WorkerDeps } from './deps';

type Failures = SQSBatchResponse['batchItemFailures'];
interface Grouped {
  envelope: EventEnvelope;
  record: SQSRecord;
}

/**
 * The SQS handler of request lifecycle events. Per-event handlers (`handlers.ts`) run one record
 * at a time; batch handlers get all events of their type in the batch. Failures are reported
 * per record (`ReportBatchItemFailures`), so a poison message is retried and dead-lettered alone.
 * A payload that does not match the event catalogue is such a poison message.
 */
export function createRequestEventsHandler(deps: WorkerDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  return async (sqsEvent) => {
    const grouped = new Map<EventType, Grouped[]>();
    const single: SQSRecord[] = [];
    for (const record of sqsEvent.Records) {
      const envelope = batchable(record.body);
      if (envelope) grouped.set(envelope.type, [...(grouped.get(envelope.type) ?? []), { envelope, record }]);
      else single.push(record);
    }
    const failures: Failures = [];
    for (const [type, items] of grouped) failures.push(...(await runBatch(type, items, deps)));
    const rest = await processBatch(single, deps.log, async (envelope, log) => {
      // Events for other workers may share the queue; ignoring one is not a failure.
      if (!isEventType(envelope.type)) return log.debug('event not for this worker', { type: envelope.type });
      await runHandlers(envelope.type, envelope, deps, log);
    });
    return { batchItemFailures: [...failures, ...rest.batchItemFailures] };
  };
}

async function runHandlers<K extends EventType>(type: K, envelope: EventEnvelope, deps: WorkerDeps, log: Logger) {
  const event = parseEvent(type, envelope);
  const handlers = eventHandlers[type];
  if (!handlers?.length) return log.debug('event not for this worker', { type });
  for (const handle of handlers) await handle(event, deps, log);
}

async function runBatch<K extends EventType>(type: K, items: Grouped[], deps: WorkerDeps): Promise<Failures> {
  const handler = batchHandlers[type];
  const events = items.map((i) => parseEvent(type, i.envelope));
  const log = deps.log.child(batchLogFields(type, events));
  const failed = (ids: readonly string[]) =>
    items.filter((i) => ids.includes(i.envelope.id)).map((i) => ({ itemIdentifier: i.record.messageId }));
  if (!handler) return [];
  try {
    return failed((await handler(events, deps, log)).failedEventIds);
  } catch (error) {
    log.error('batch failed; its events will be retried', { error });
    return failed(events.map((e) => e.id));
  }
}

/** An event of a type handled a batch at a time, with a valid payload; anything else goes record by record. */
function batchable(body: string): (EventEnvelope & { type: EventType }) | undefined {
  try {
    const envelope = EventEnvelope.parse(JSON.parse(body));
    const { type } = envelope;
    if (!isEventType(type) || !batchHandlers[type]) return undefined;
    // A payload that does not match fails alone on the per-record path, not with its batch.
    parseEvent(type, envelope);
    return { ...envelope, type };
  } catch {
    return undefined;
  }
}
