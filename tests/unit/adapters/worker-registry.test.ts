import { describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { newEvent } from '@bds/core';
import { silentLogger } from '../../../functions/observability/logger';
import { eventHandlers } from '../../../functions/workers/request-events/handlers';
import { createRequestEventsHandler, type WorkerDeps } from '../../../functions/workers/request-events/worker';

const context = { id: 'evt_1', clusterId: 'clu_1', occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'corr-1' };
const sqs = (...bodies: unknown[]): SQSEvent => ({
  Records: bodies.map((body, i) => ({
    messageId: `m${i}`,
    receiptHandle: `r${i}`,
    body: JSON.stringify(body),
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
  })),
});

describe('the request-events worker registry', () => {
  it(
    'hands a handler the parsed payload; a payload the ' + 'catalogue refuses fails alone; unknown types are ignored',
    async () => {
      // Prepare: the deadline handler swapped for a probe, so no store is touched.
      const seen: string[] = [];
      const real = eventHandlers['request.deadline'];
      eventHandlers['request.deadline'] = [
        async (event) => void seen.push(`${event.payload.requestId}@${event.payload.deadline}`),
      ];
      const handler = createRequestEventsHandler({ log: silentLogger } as unknown as WorkerDeps);
      const good = newEvent('request.deadline', { requestId: 'req_1', deadline: '2026-02-01T00:00:00.000Z' }, context);
      const poison = { ...good, id: 'evt_2', payload: { requestId: 'req_2' } };
      const other = { ...good, id: 'evt_3', type: 'someone.else', payload: {} };

      // Act
      const response = await handler(sqs(good, poison, other)).finally(
        () => (eventHandlers['request.deadline'] = real),
      );

      // Assess
      expect(seen).toEqual(['req_1@2026-02-01T00:00:00.000Z']);
      expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
    },
  );
});
