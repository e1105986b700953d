import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { EventEnvelope, type EventPublisher } from '@bds/core';
import type { Logger } from '../../observability/logger';

/** The relay's inputs: where events go. */
export interface RelayDeps {
  publisher: EventPublisher;
  log: Logger;
}

const outboxEvent = (record: DynamoDBRecord): EventEnvelope | undefined => {
  const image = record.dynamodb?.NewImage as Record<string, AttributeValue> | undefined;
  if (record.eventName !== 'INSERT' || !image || image.entity?.S !== 'outbox') return undefined;
  return EventEnvelope.parse(unmarshall(image).event);
};

/**
 * Relays outbox items from the table's stream to the queue. Stream batches are ordered: on the
 * first failure it reports that record and stops, so Lambda (or the local poller) resumes
 * there. Delivery is at least once; every consumer dedupes by the event's id.
 */
export function createRelayHandler(deps: RelayDeps): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  return async (streamEvent) => {
    for (const record of streamEvent.Records) {
      let event: EventEnvelope | undefined;
      try {
        event = outboxEvent(record);
        if (!event) continue;
        await deps.publisher.publish(event);
        deps.log.debug('event relayed', {
          eventId: event.id,
          type: event.type,
          clusterId: event.clusterId,
          correlationId: event.correlationId,
        });
      } catch (error) {
        deps.log.error('relay failed; the stream will resume here', {
          sequenceNumber: record.dynamodb?.SequenceNumber,
          eventId: event?.id,
          error,
        });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
