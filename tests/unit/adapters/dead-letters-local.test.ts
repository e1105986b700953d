import { describe, expect, it } from 'vitest';
import { DomainError } from '@bds/core';
import { localDeadLetters } from '../../../functions/adapters/dead-letters/local';
import { LocalQueue } from '../../../functions/local/queue';

const quiet = { warn: () => undefined, error: () => undefined };
const event = (n: number) =>
  JSON.stringify({
    id: `evt_${n}`,
    type: 'request.opened',
    clusterId: 'clu_1',
    correlationId: `corr-${n}`,
    occurredAt: '2026-01-01T00:00:00.000Z',
    idempotencyKey: `k${n}`,
    payload: {},
  });

describe('the local dead-letter admin', () => {
  it(
    'lists a queue’s dead letters with the event’s fields ' + 'and the last error, and redrives the named ones',
    async () => {
      // Prepare: every message fails until the fault is fixed.
      let broken = true;
      const handled: string[] = [];
      const queue = new LocalQueue({
        name: 'request-events',
        maxReceiveCount: 2,
        visibilityTimeoutMs: 1,
        pollIntervalMs: 1,
        log: quiet,
        handler: async (e) => {
          if (broken) throw new Error('handler is broken');
          handled.push(...e.Records.map((r) => r.messageId));
        },
      });
      const admin = localDeadLetters([queue]);
      queue.start();
      const first = queue.send(event(1));
      const second = queue.send(event(2));
      await queue.drain();

      // Act
      const listed = await admin.list('request-events', { limit: 10 });
      const limited = await admin.list('request-events', { limit: 1 });
      broken = false;
      const { redriven } = await admin.redrive('request-events', [second]);
      await queue.drain();

      // Assess
      expect(admin.queues()).toEqual(['request-events']);
      expect(listed).toEqual([
        expect.objectContaining({
          queue: 'request-events',
          messageId: first,
          type: 'request.opened',
          clusterId: 'clu_1',
          correlationId: 'corr-1',
          error: 'handler is broken',
          receiveCount: 2,
        }),
        expect.objectContaining({ messageId: second, correlationId: 'corr-2' }),
      ]);
      expect(limited).toHaveLength(1);
      expect(redriven).toBe(1);
      expect(handled).toEqual([second]);
      expect((await admin.list('request-events', { limit: 10 })).map((l) => l.messageId)).toEqual([first]);
      await queue.stop();
    },
  );

  it('refuses an unknown queue with an error naming the field', async () => {
    // Prepare
    const admin = localDeadLetters([]);

    // Act / Assess
    await expect(admin.redrive('nope')).rejects.toSatisfy((e) => e instanceof DomainError && e.field === 'queue');
  });
});
