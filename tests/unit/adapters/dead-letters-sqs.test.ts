import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { DomainError } from '@bds/core';
import { parseDeadLetterQueues, sqsDeadLetters } from '../../../functions/adapters/sqs/dead-letters';

const config = { 'request-events': { dlqUrl: 'https://sqs.local/dlq', sourceUrl: 'https://sqs.local/events' } };
const event = (n: number) => ({
  id: `evt_${n}`,
  type: 'request.opened',
  clusterId: 'clu_1',
  correlationId: `corr-${n}`,
  occurredAt: '2026-01-01T00:00:00.000Z',
  idempotencyKey: `k${n}`,
  payload: {},
});
const message = (n: number, overrides: Partial<Message> = {}): Message => ({
  MessageId: `m${n}`,
  ReceiptHandle: `rh${n}`,
  Body: JSON.stringify(event(n)),
  Attributes: { ApproximateReceiveCount: '6', SentTimestamp: String(Date.UTC(2026, 0, 1)) },
  MessageAttributes: {
    type: { DataType: 'String', StringValue: 'request.opened', StringListValues: [], BinaryListValues: [] },
  },
  ...overrides,
});

function setup(batches: Message[][]) {
  const sqs = mockClient(SQSClient);
  sqs.onAnyCommand().resolves({});
  const receive = sqs.on(ReceiveMessageCommand);
  for (const batch of batches) receive.resolvesOnce({ Messages: batch });
  receive.resolves({ Messages: [] });
  return { sqs, admin: sqsDeadLetters(config, new SQSClient({ region: 'local' })) };
}

describe('the SQS dead-letter admin', () => {
  it('lists without consuming: receives with a short hold, then makes every message visible again', async () => {
    // Prepare
    const { sqs, admin } = setup([[message(1), message(2)], [message(3)]]);

    // Act
    const items = await admin.list('request-events', { limit: 20 });

    // Assess
    expect(items.map((i) => i.messageId)).toEqual(['m1', 'm2', 'm3']);
    expect(items[0]).toEqual({
      queue: 'request-events',
      messageId: 'm1',
      type: 'request.opened',
      clusterId: 'clu_1',
      correlationId: 'corr-1',
      receiveCount: 5,
      sentAt: '2026-01-01T00:00:00.000Z',
      body: JSON.stringify(event(1)),
    });
    const receives = sqs.commandCalls(ReceiveMessageCommand).map((c) => c.args[0].input);
    expect(receives[0]).toMatchObject({
      QueueUrl: 'https://sqs.local/dlq',
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 30,
      MessageSystemAttributeNames: ['All'],
    });
    expect(receives).toHaveLength(3);
    const released = sqs
      .commandCalls(ChangeMessageVisibilityBatchCommand)
      .flatMap((c) => c.args[0].input.Entries ?? []);
    expect(released.map((e) => [e.ReceiptHandle, e.VisibilityTimeout])).toEqual([
      ['rh1', 0],
      ['rh2', 0],
      ['rh3', 0],
    ]);
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  it('asks for no more than the limit', async () => {
    // Prepare
    const { sqs, admin } = setup([[message(1), message(2)]]);

    // Act
    const items = await admin.list('request-events', { limit: 2 });

    // Assess
    expect(items).toHaveLength(2);
    expect(sqs.commandCalls(ReceiveMessageCommand).map((c) => c.args[0].input.MaxNumberOfMessages)).toEqual([2]);
  });

  it('shows a body that is not an event, without its fields', async () => {
    // Prepare
    const { admin } = setup([[message(1, { Body: 'not json' })]]);

    // Act
    const [item] = await admin.list('request-events', { limit: 5 });

    // Assess
    expect(item).toEqual(expect.objectContaining({ messageId: 'm1', body: 'not json' }));
    expect(item).not.toHaveProperty('type');
  });

  it(
    'redrives the named messages: send to the source with the ' +
      'same body and attributes, then delete; hands the rest back',
    async () => {
      // Prepare
      const { sqs, admin } = setup([[message(1), message(2), message(3)]]);

      // Act
      const result = await admin.redrive('request-events', ['m2']);

      // Assess
      expect(result).toEqual({ redriven: 1 });
      const sends = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
      expect(sends).toEqual([
        {
          QueueUrl: 'https://sqs.local/events',
          MessageBody: JSON.stringify(event(2)),
          MessageAttributes: { type: { DataType: 'String', StringValue: 'request.opened' } },
        },
      ]);
      expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input)).toEqual([
        { QueueUrl: 'https://sqs.local/dlq', ReceiptHandle: 'rh2' },
      ]);
      const released = sqs
        .commandCalls(ChangeMessageVisibilityBatchCommand)
        .flatMap((c) => c.args[0].input.Entries ?? []);
      expect(released.map((e) => e.ReceiptHandle)).toEqual(['rh1', 'rh3']);
      // All named ids were found in the first receive: no further receive.
      expect(sqs.commandCalls(ReceiveMessageCommand)).toHaveLength(1);
    },
  );

  it('sends before it deletes, so a failed send loses nothing', async () => {
    // Prepare
    const { sqs, admin } = setup([[message(1)]]);
    sqs.on(SendMessageCommand).rejects(new Error('throttled'));

    // Act / Assess
    await expect(admin.redrive('request-events')).rejects.toThrow('throttled');
    expect(sqs.commandCalls(DeleteMessageCommand)).toHaveLength(0);
  });

  it('redrives everything when no ids are named, and counts what it moved', async () => {
    // Prepare
    const { sqs, admin } = setup([[message(1), message(2)], [message(3)]]);

    // Act
    const result = await admin.redrive('request-events');

    // Assess
    expect(result).toEqual({ redriven: 3 });
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle)).toEqual([
      'rh1',
      'rh2',
      'rh3',
    ]);
  });

  it('refuses an unknown queue with an error naming the field', async () => {
    // Prepare
    const { sqs, admin } = setup([]);

    // Act / Assess
    await expect(admin.list('nope', { limit: 1 })).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.field === 'queue' && e.code === 'DEAD_LETTERS.UNKNOWN_QUEUE',
    );
    expect(sqs.calls()).toHaveLength(0);
  });

  it('reads its configuration from JSON and names the variable when it is wrong', () => {
    // Act / Assess
    expect(parseDeadLetterQueues(JSON.stringify(config))).toEqual(config);
    expect(() => parseDeadLetterQueues('{"q":{"dlqUrl":"x"}}')).toThrow(/DEAD_LETTER_QUEUES/);
    expect(() => parseDeadLetterQueues('not json')).toThrow(/DEAD_LETTER_QUEUES/);
  });
});
