import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { EventEnvelope } from '@bds/core';
import type { Logger } from '../observability/logger';

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
      log.error('message is not an event; leaving it for the dead-letter queue', { messageId: record.messageId, error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
      continue;
    }
    const scoped = log.child({ clusterId: event.clusterId, correlationId: event.correlationId, eventType: event.type, eventId: event.id });
    try {
      await handle(event, scoped, record);
    } catch (error) {
      scoped.error('event failed; it will be retried', { messageId: record.messageId, receiveCount: record.attributes.ApproximateReceiveCount, error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
