import { describe, expect, it } from 'vitest';
import type { SQSRecord } from 'aws-lambda';
import { processBatch } from '../../../functions/workers/batch';
import { silentLogger } from '../../../functions/observability/logger';

const record = (id: string, body: unknown): SQSRecord => ({
  messageId: id,
  receiptHandle: id,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn',
  awsRegion: 'local',
  messageAttributes: {},
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '0',
    SenderId: 's',
    ApproximateFirstReceiveTimestamp: '0',
  },
});
const event = (n: number) => ({
  id: `evt_${n}`,
  type: 't',
  clusterId: 'clu_1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'c',
  idempotencyKey: `k${n}`,
  payload: {},
});

describe('batch processing with partial failures', () => {
  it('reports only the records that failed or are not events', async () => {
    const seen: string[] = [];
    const out = await processBatch(
      [record('a', event(1)), record('b', event(2)), record('c', 'not json'), record('d', { nope: true })],
      silentLogger,
      async (e) => {
        seen.push(e.id);
        if (e.id === 'evt_2') throw new Error('boom');
      },
    );
    expect(seen).toEqual(['evt_1', 'evt_2']);
    expect(out.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['b', 'c', 'd']);
  });
});
