import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { EventEnvelope, type Clock, type IdGenerator } from '@bds/core';
import type { Stores } from '../../adapters/dynamo/stores';
import type { MailSender } from '../../adapters/mail/port';
import type { Scheduler } from '../../adapters/scheduler/port';
import type { Logger } from '../../observability/logger';
import { batchLogFields, processBatch } from '../batch';
import { batchHandlers, eventHandlers } from './handlers';

/** What the request-events worker's handlers may use; built once per process. */
export interface WorkerDeps {
  stores: Stores;
  log: Logger;
  clock: Clock;
  ids: IdGenerator;
  mail: MailSender;
  scheduler: Scheduler;
  /** Where links in mail point (the portal's origin). */
  portalUrl: string;
}

/** Handles one event. Must be safe to run twice: every effect is keyed by the event (idempotency key). */
export type EventHandler = (event: EventEnvelope, deps: WorkerDeps, log: Logger) => Promise<void>;

/**
 * Handles every event of one type in an SQS batch together (matching: the requests closing in
 * the same run). Returns the ids of the events that failed; throwing fails them all.
 */
export type BatchHandler = (events: EventEnvelope[], deps: WorkerDeps, log: Logger) => Promise<{ failedEventIds: string[] }>;

/**
 * The SQS handler of request lifecycle events. Per-event handlers (`handlers.ts`) run one record
 * at a time; batch handlers get all events of their type in the batch. Failures are reported
 * per record (`ReportBatchItemFailures`), so a poison message is retried and dead-lettered alone.
 */
export function createRequestEventsHandler(deps: WorkerDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  return async (sqsEvent) => {
    const grouped = new Map<string, { event: EventEnvelope; record: SQSRecord }[]>();
    const single: SQSRecord[] = [];
    for (const record of sqsEvent.Records) {
      const parsed = safeParse(record.body);
      const batch = parsed && batchHandlers[parsed.type];
      if (parsed && batch) grouped.set(parsed.type, [...(grouped.get(parsed.type) ?? []), { event: parsed, record }]);
      else single.push(record);
    }
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const [type, items] of grouped) {
      const handler = batchHandlers[type]!;
      const log = deps.log.child(batchLogFields(type, items.map((i) => i.event)));
      try {
        const { failedEventIds } = await handler(items.map((i) => i.event), deps, log);
        for (const i of items) if (failedEventIds.includes(i.event.id)) failures.push({ itemIdentifier: i.record.messageId });
      } catch (error) {
        log.error('batch failed; its events will be retried', { error });
        for (const i of items) failures.push({ itemIdentifier: i.record.messageId });
      }
    }
    const rest = await processBatch(single, deps.log, async (event, log) => {
      const handlers = eventHandlers[event.type];
      if (!handlers?.length) {
        // Events for other workers may share the queue; ignoring one is not a failure.
        log.debug('event not for this worker', { type: event.type });
        return;
      }
      for (const handle of handlers) await handle(event, deps, log);
    });
    return { batchItemFailures: [...failures, ...rest.batchItemFailures] };
  };
}

function safeParse(body: string): EventEnvelope | undefined {
  try {
    return EventEnvelope.parse(JSON.parse(body));
  } catch {
    return undefined;
  }
}
