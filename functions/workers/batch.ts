import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { EventEnvelope } from '@bds/core';
import { systemClock } from '../adapters/system';
import type { Logger } from '../observability/logger';
import { metricFields, WORKER_METRICS } from '../observability/metrics';

/** What a log line says when a message is not an event and so names no cluster or correlation. */
const UNKNOWN = 'unknown';

/**
 * Runs one handler per record and reports only the failed ones (`ReportBatchItemFailures`),
 * so one poison message is retried, then dead-lettered, without holding back the rest.
 * A body that is not an event is a permanent failure: it is reported so it reaches the DLQ.
 */
export async function processBatch(
  records: SQSRecord[],
  log: Logger,
  handle: (event: EventEnvelope, log: Logger, record: SQSRecord) => Promise<void>,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of records) {
    let event: EventEnvelope;
    try {
      event = EventEnvelope.parse(JSON.parse(record.body));
    } catch (error) {
      log.error('message is not an event; leaving it for the dead-letter queue', {
        ...unparsedFields(record),
        messageId: record.messageId,
        error,
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
      continue;
    }
    const scoped = log.child({
      clusterId: event.clusterId,
      correlationId: event.correlationId,
      eventType: event.type,
      eventId: event.id,
    });
    try {
      await handle(event, scoped, record);
    } catch (error) {
      scoped.error('event failed; it will be retried', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error,
      });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}

/**
 * The log fields of a handler that gets several events at once: `clusterId` and
 * `correlationId` are the events' own when they share one, `multiple` otherwise, with every
 * value listed beside them, so a search by either still finds the line.
 *
 * @example
 * const log = deps.log.child(batchLogFields(type, events));
 */
export function batchLogFields(type: string, events: readonly EventEnvelope[]): Record<string, unknown> {
  const one = (values: string[]) => (new Set(values).size === 1 ? values[0]! : 'multiple');
  const clusterIds = [...new Set(events.map((e) => e.clusterId))];
  const correlationIds = [...new Set(events.map((e) => e.correlationId))];
  return {
    eventType: type,
    events: events.length,
    clusterId: one(clusterIds),
    correlationId: one(correlationIds),
    clusterIds,
    correlationIds,
    eventIds: events.map((e) => e.id),
  };
}

/**
 * Wraps an SQS handler so every record it was given leaves one CloudWatch EMF line:
 * `Processed` or `Failed` (1 or 0) and `MessageAge` (receipt − SentTimestamp), by queue and
 * event type. The line carries the event's cluster and correlation id like every other.
 * A handler that throws fails the whole batch, as Lambda would; it is counted, then rethrown.
 *
 * @example
 * export const handler = withQueueMetrics('request-events', log, createRequestEventsHandler(deps));
 */
export function withQueueMetrics(
  queue: string,
  log: Logger,
  handler: (event: SQSEvent) => Promise<SQSBatchResponse>,
  now: () => number = systemClock.now,
): (event: SQSEvent) => Promise<SQSBatchResponse> {
  return async (sqsEvent) => {
    const receivedAt = now();
    let failed: Set<string>;
    try {
      const response = await handler(sqsEvent);
      failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      emit(sqsEvent.Records, failed);
      return response;
    } catch (error) {
      emit(sqsEvent.Records, new Set(sqsEvent.Records.map((r) => r.messageId)));
      throw error;
    }

    function emit(records: SQSRecord[], failures: Set<string>): void {
      for (const record of records) {
        const fields = eventFields(record);
        const bad = failures.has(record.messageId);
        const metrics = metricFields(
          WORKER_METRICS,
          {
            Processed: [bad ? 0 : 1, 'Count'],
            Failed: [bad ? 1 : 0, 'Count'],
            MessageAge: [Math.max(0, receivedAt - Number(record.attributes.SentTimestamp)), 'Milliseconds'],
          },
          { Queue: queue, EventType: fields.eventType },
          now(),
        );
        log.info(bad ? 'message failed' : 'message processed', {
          ...fields,
          messageId: record.messageId,
          receiveCount: Number(record.attributes.ApproximateReceiveCount),
          ...metrics,
        });
      }
    }
  };
}

/** The event's identifying fields, read leniently: the metric line must not fail on a poison body. */
function eventFields(record: SQSRecord): {
  clusterId: string;
  correlationId: string;
  eventType: string;
  eventId?: string;
} {
  try {
    const body = JSON.parse(record.body) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    const eventId = str(body.id);
    return {
      clusterId: str(body.clusterId) ?? UNKNOWN,
      correlationId: str(body.correlationId) ?? unparsedFields(record).correlationId,
      eventType: str(body.type) ?? UNKNOWN,
      ...(eventId ? { eventId } : {}),
    };
  } catch {
    return { ...unparsedFields(record), eventType: UNKNOWN };
  }
}

/** What a record that is not an event still says about itself: its correlation id attribute. */
function unparsedFields(record: SQSRecord): { clusterId: string; correlationId: string } {
  return { clusterId: UNKNOWN, correlationId: record.messageAttributes?.correlationId?.stringValue ?? UNKNOWN };
}
