import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { EventEnvelope, EventPublisher } from '@bds/core';

/** Sends events to an SQS queue; the type and correlation id travel as message attributes. */
export function sqsPublisher(queueUrl: string, client = new SQSClient({})): EventPublisher {
  return {
    async publish(event: EventEnvelope) {
      await client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(event),
          MessageAttributes: {
            type: { DataType: 'String', StringValue: event.type },
            correlationId: { DataType: 'String', StringValue: event.correlationId },
          },
        }),
      );
    },
  };
}

/** Any sink with SQS's `send(body, attributes)` shape, such as the local in-process queue. */
export interface MessageSink {
  send(body: string, attributes?: Record<string, string>): string;
}

/** Publishes to an in-process queue with the same body and attributes as SQS. */
export function localPublisher(queue: MessageSink): EventPublisher {
  return {
    async publish(event: EventEnvelope) {
      queue.send(JSON.stringify(event), { type: event.type, correlationId: event.correlationId });
    },
  };
}
