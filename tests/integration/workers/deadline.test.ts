import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@bds/core';
import { DEADLINE_CLOSER } from '../../../functions/workers/request-events/handlers/deadline';
import { deadlineScheduleName } from '../../../functions/workers/request-events/handlers/schedule';
import { testClock, type TestApp } from '../support/test-app';
import { LUDHIANA, demoActor, marketApp, newRequest, tokenOf, TWO_HOURS } from '../api/support';

/** The `request.closed` outbox items of a request (a Scan of this test's own table, to check what was written). */
async function closedEvents(t: TestApp, requestId: string): Promise<EventEnvelope[]> {
  const out = await t.stores.db.doc.send(
    new ScanCommand({
      TableName: t.tableName,
      ConsistentRead: true,
      FilterExpression: 'entity = :outbox',
      ExpressionAttributeValues: { ':outbox': 'outbox' },
    }),
  );
  return (out.Items ?? [])
    .map((i) => i.event as EventEnvelope)
    .filter((e) => e.type === 'request.closed' && e.payload.requestId === requestId);
}

/** The event a deadline schedule delivers, as a trigger sent by hand (early, or once more). */
const trigger = (t: TestApp, requestId: string, deadline: string): string =>
  JSON.stringify({
    id: t.deps.ids.next('event'),
    type: 'request.deadline',
    clusterId: LUDHIANA,
    occurredAt: deadline,
    correlationId: 'corr-trigger',
    idempotencyKey: `request.deadline:${requestId}:${deadline}`,
    payload: { requestId, deadline },
  } satisfies EventEnvelope);

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('closing at the deadline, by the scheduler', () => {
  const clock = testClock();
  let t: TestApp;
  const base = (id: string) => `/api/clusters/${LUDHIANA}/requests/${id}`;
  const knidgro = () => tokenOf(t, demoActor('knidgro'));

  /** Posts a request due in two hours; publishes it `lead` ms before its deadline (0: right away). */
  async function opened(lead?: number): Promise<{ id: string; deadline: string }> {
    const body = newRequest(clock.now());
    const posted = await t.call('POST', `/api/clusters/${LUDHIANA}/requests`, { token: await knidgro(), body });
    const deadline = new Date(body.biddingDeadline).toISOString();
    if (lead !== undefined) clock.set(Date.parse(deadline) - lead);
    const res = await t.call('POST', `${base(posted.body.id)}/publish`, { token: await knidgro() });
    expect(res.status).toBe(200);
    await t.drain();
    return { id: posted.body.id as string, deadline };
  }

  beforeAll(async () => {
    t = await marketApp({ clock });
  });
  afterAll(() => t.stop());

  let closedId = '';
  let closedDeadline = '';

  it('closes and evaluates a request once its deadline passes, with no API call', async () => {
    // Prepare: published eight seconds before its deadline; the opened event arms the schedule.
    const { id, deadline } = await opened(8_000);
    expect(t.scheduler.pending()).toContain(deadlineScheduleName(id));
    expect(t.scheduler.fireDue(), 'nothing is due before the deadline').toBe(0);

    // Act: nothing but time, on the test's clock (the timer itself would wake in eight real seconds).
    clock.advance(8_000);
    expect(t.scheduler.fireDue()).toBe(1);
    await until(async () => (await t.stores.requests.get(LUDHIANA, id))?.status !== 'open');
    await t.drain();

    // Assess: closed as the route would (nobody pledged: unsuccessful), with its event in the outbox.
    const request = await t.stores.requests.get(LUDHIANA, id);
    expect(request).toMatchObject({ status: 'unsuccessful', version: 4 });
    const { evaluation } = await t.stores.evaluations.withRequest(LUDHIANA, id);
    expect(evaluation).toMatchObject({ outcome: 'unsuccessful', evaluatedBy: DEADLINE_CLOSER });
    expect(Date.parse(evaluation!.evaluatedAt)).toBeGreaterThanOrEqual(Date.parse(deadline));
    expect(await closedEvents(t, id)).toEqual([
      expect.objectContaining({
        idempotencyKey: `request.closed:${id}`,
        payload: { requestId: id, outcome: 'unsuccessful', status: 'unsuccessful', closedBy: 'deadline' },
      }),
    ]);
    expect(t.scheduler.pending()).not.toContain(deadlineScheduleName(id));
    closedId = id;
    closedDeadline = deadline;
  });

  it('a repeated trigger changes nothing', async () => {
    // Prepare
    const before = await t.stores.evaluations.withRequest(LUDHIANA, closedId);
    expect(before.request?.status).toBe('unsuccessful');

    // Act
    t.queue.send(trigger(t, closedId, closedDeadline));
    await t.drain();

    // Assess
    expect(await t.stores.evaluations.withRequest(LUDHIANA, closedId)).toEqual(before);
    expect(await closedEvents(t, closedId)).toHaveLength(1);
    expect(t.scheduler.pending()).not.toContain(deadlineScheduleName(closedId));
  });

  it('an early trigger leaves the request open and arms the deadline again', async () => {
    // Prepare: an open request whose schedule is gone (as after a trigger that came early).
    const { id, deadline } = await opened();
    await t.scheduler.cancel(deadlineScheduleName(id));

    // Act
    t.queue.send(trigger(t, id, deadline));
    await t.drain();

    // Assess
    expect((await t.stores.requests.get(LUDHIANA, id))?.status).toBe('open');
    expect(t.scheduler.pending()).toContain(deadlineScheduleName(id));
    expect(await closedEvents(t, id)).toEqual([]);
  });

  it('a cancellation removes the schedule, and a trigger after it does nothing', async () => {
    // Prepare
    const { id, deadline } = await opened();
    expect(t.scheduler.pending()).toContain(deadlineScheduleName(id));

    // Act
    const cancelled = await t.call('POST', `${base(id)}/cancel`, {
      token: await knidgro(),
      body: { reason: 'The trainers moved to another city this spring.' },
    });
    await t.drain();
    clock.advance(TWO_HOURS);
    t.queue.send(trigger(t, id, deadline));
    await t.drain();

    // Assess
    expect(cancelled.status).toBe(200);
    expect(t.scheduler.pending()).not.toContain(deadlineScheduleName(id));
    expect((await t.stores.requests.get(LUDHIANA, id))?.status).toBe('cancelled');
    expect(await closedEvents(t, id)).toEqual([]);
  });
});
