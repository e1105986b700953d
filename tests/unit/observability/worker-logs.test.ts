import { describe, expect, it } from 'vitest';
import type { SQSRecord } from 'aws-lambda';
import { batchLogFields, processBatch, withQueueMetrics } from '../../../functions/workers/batch';
import { createLogger } from '../../../functions/observability/logger';

const SENT = Date.UTC(2026, 0, 1);
const record = (id: string, body: unknown, correlationAttr?: string): SQSRecord => ({
  messageId: id,
  receiptHandle: id,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn',
  awsRegion: 'local',
  messageAttributes: correlationAttr ? { correlationId: { stringValue: correlationAttr, dataType: 'String' } } : {},
  attributes: {
    ApproximateReceiveCount: '2',
    SentTimestamp: String(SENT),
    SenderId: 's',
    ApproximateFirstReceiveTimestamp: String(SENT),
  },
});
const event = (n: number, clusterId = 'clu_1') => ({
  id: `evt_${n}`,
  type: 'request.opened',
  clusterId,
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: `corr-${n}`,
  idempotencyKey: `k${n}`,
  payload: {},
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: createLogger({ format: 'json', level: 'debug', write: (l) => void lines.push(JSON.parse(l)) }) };
}

describe('worker log lines', () => {
  it('every line of a batch names its cluster and correlation id, even for a body that is not an event', async () => {
    // Prepare
    const { lines, log } = capture();

    // Act
    await processBatch([record('a', event(1)), record('b', 'not json', 'corr-attr')], log, async (_e, scoped) => {
      scoped.info('handled');
      throw new Error('boom');
    });

    // Assess
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toEqual(
        expect.objectContaining({ clusterId: expect.any(String), correlationId: expect.any(String) }),
      );
    expect(lines.at(-1)).toEqual(expect.objectContaining({ clusterId: 'unknown', correlationId: 'corr-attr' }));
  });

  it('a batch handler’s lines name the shared cluster, or say multiple and list them', () => {
    // Act
    const same = batchLogFields('request.deadline', [event(1), event(2)]);
    const mixed = batchLogFields('request.deadline', [event(1), event(2, 'clu_2')]);

    // Assess
    expect(same).toMatchObject({ clusterId: 'clu_1', correlationId: 'multiple', correlationIds: ['corr-1', 'corr-2'] });
    expect(mixed).toMatchObject({ clusterId: 'multiple', clusterIds: ['clu_1', 'clu_2'] });
  });
});

describe('worker metrics (CloudWatch EMF)', () => {
  it('writes one EMF line per message: processed or failed, and its age at receipt', async () => {
    // Prepare
    const { lines, log } = capture();
    const handler = withQueueMetrics(
      'request-events',
      log,
      async () => ({ batchItemFailures: [{ itemIdentifier: 'b' }] }),
      () => SENT + 1_500,
    );

    // Act
    const response = await handler({ Records: [record('a', event(1)), record('b', event(2))] });

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }] });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'BdsExchange/Workers',
            Dimensions: [['Queue', 'EventType']],
            Metrics: [
              { Name: 'Processed', Unit: 'Count' },
              { Name: 'Failed', Unit: 'Count' },
              { Name: 'MessageAge', Unit: 'Milliseconds' },
            ],
          },
        ],
      },
      Queue: 'request-events',
      EventType: 'request.opened',
      Processed: 1,
      Failed: 0,
      MessageAge: 1_500,
      clusterId: 'clu_1',
      correlationId: 'corr-1',
      eventId: 'evt_1',
      messageId: 'a',
    });
    expect(lines[1]).toMatchObject({ Processed: 0, Failed: 1, correlationId: 'corr-2' });
  });

  it('counts every message as failed when the handler throws, and rethrows', async () => {
    // Prepare
    const { lines, log } = capture();
    const handler = withQueueMetrics(
      'request-events',
      log,
      async () => {
        throw new Error('down');
      },
      () => SENT,
    );

    // Act / Assess
    await expect(handler({ Records: [record('a', event(1)), record('b', 'null')] })).rejects.toThrow('down');
    expect(lines.map((l) => [l.Failed, l.clusterId, l.EventType])).toEqual([
      [1, 'clu_1', 'request.opened'],
      [1, 'unknown', 'unknown'],
    ]);
  });
});
