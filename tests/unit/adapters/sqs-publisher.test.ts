import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { sqsPublisher } from '../../../functions/adapters/sqs/publisher';

describe('the SQS event publisher', () => {
  it('sends the event as the body with its type and correlation id as attributes', async () => {
    // Prepare
    const sqs = mockClient(SQSClient);
    sqs.onAnyCommand().resolves({});
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm1' });
    const event = {
      id: 'evt_1',
      type: 'request.opened',
      clusterId: 'clu_1',
      occurredAt: '2026-01-01T00:00:00.000Z',
      correlationId: 'corr-1',
      idempotencyKey: 'k',
      payload: { requestId: 'req_1' },
    };
    // Act
    await sqsPublisher('https://sqs.local/q', new SQSClient({ region: 'local' })).publish(event);
    // Assess
    const [call] = sqs.commandCalls(SendMessageCommand);
    expect(call!.args[0].input).toEqual({
      QueueUrl: 'https://sqs.local/q',
      MessageBody: JSON.stringify(event),
      MessageAttributes: {
        type: { DataType: 'String', StringValue: 'request.opened' },
        correlationId: { DataType: 'String', StringValue: 'corr-1' },
      },
    });
  });
});
