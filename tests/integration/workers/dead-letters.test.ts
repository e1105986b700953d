import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '@bds/core';
import { eventHandlers } from '../../../functions/workers/request-events/handlers';
import { testApp, type TestApp } from '../support/test-app';

// The registry only runs events of the catalogue: the probe stands in for the deadline handler.
const PROBE = 'request.deadline';
const event = (n: number) =>
  newEvent(
    PROBE,
    { requestId: `req_probe${n}`, deadline: '2026-01-01T00:00:00.000Z' },
    {
      id: `evt_probe${n}`,
      clusterId: 'clu_probe',
      occurredAt: '2026-01-01T00:00:00.000Z',
      correlationId: `corr-probe-${n}`,
    },
  );
const realHandlers = eventHandlers[PROBE];

describe('dead letters through the admin API', () => {
  let t: TestApp;
  let admin: string;
  let broken = true;
  const processed: string[] = [];

  beforeAll(async () => {
    // A handler with a fault for one event: the poison message.
    eventHandlers[PROBE] = [
      async (e) => {
        if (broken && e.id === event(1).id) throw new Error('probe handler cannot read this event');
        processed.push(e.id);
      },
    ];
    t = await testApp({ seed: false });
    admin = (
      await t.deps.tokens.issue({
        userId: 'usr_admin',
        role: 'national_admin',
        organisationId: 'org_nac',
        clusterIds: [],
      })
    ).token;
  });
  afterAll(async () => {
    eventHandlers[PROBE] = realHandlers;
    await t.stop();
  });

  it(
    'a poison message is dead-lettered after the maximum ' +
      'receives, listed, redriven after the fix and processed once',
    async () => {
      // Prepare: one poison message and one healthy one.
      const poison = t.queue.send(JSON.stringify(event(1)), { type: PROBE, correlationId: event(1).correlationId });
      t.queue.send(JSON.stringify(event(2)), { type: PROBE, correlationId: event(2).correlationId });
      await t.queue.drain();

      // Act 1: the admin lists the dead letters.
      const listed = await t.call('GET', '/api/admin/dead-letters?queue=request-events&limit=10', { token: admin });

      // Assess 1
      expect(processed).toEqual([event(2).id]);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        queues: ['request-events'],
        items: [
          {
            queue: 'request-events',
            messageId: poison,
            type: PROBE,
            clusterId: 'clu_probe',
            correlationId: 'corr-probe-1',
            error: 'reported in batchItemFailures',
            receiveCount: 3,
            sentAt: expect.stringMatching(/^\d{4}-/),
            body: JSON.stringify(event(1)),
          },
        ],
      });

      // Act 2: the fault is fixed; the admin redrives the one message.
      broken = false;
      const redrive = await t.call('POST', '/api/admin/dead-letters/redrive', {
        token: admin,
        body: { queue: 'request-events', messageIds: [poison] },
      });
      await t.queue.drain();
      const after = await t.call('GET', '/api/admin/dead-letters', { token: admin });

      // Assess 2
      expect(redrive).toMatchObject({ status: 200, body: { redriven: 1 } });
      expect(processed).toEqual([event(2).id, event(1).id]);
      expect(after.body).toEqual({ queues: ['request-events'], items: [] });
    },
  );

  it('answers problem+json naming the field for an unknown queue or a missing one', async () => {
    // Act
    const list = await t.call('GET', '/api/admin/dead-letters?queue=nope', { token: admin });
    const missing = await t.call('POST', '/api/admin/dead-letters/redrive', {
      token: admin,
      body: { messageIds: ['m'] },
    });
    const unknown = await t.call('POST', '/api/admin/dead-letters/redrive', { token: admin, body: { queue: 'nope' } });

    // Assess
    for (const res of [list, unknown]) {
      expect(res.status).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'DEAD_LETTERS.UNKNOWN_QUEUE', errors: [{ field: 'queue' }] });
    }
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'queue' })]);
  });

  it('is for national admins only', async () => {
    // Prepare
    const clusterAdmin = (
      await t.deps.tokens.issue({
        userId: 'usr_ca',
        role: 'cluster_admin',
        organisationId: 'org_x',
        clusterIds: ['clu_probe'],
      })
    ).token;

    // Act
    const res = await t.call('POST', '/api/admin/dead-letters/redrive', {
      token: clusterAdmin,
      body: { queue: 'request-events' },
    });

    // Assess
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
  });
});
