import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntry, cancel, newEvent, publish, type DomainEvent, type EventEnvelope } from '@bds/core';
import { measure, meterDb } from '../../../functions/adapters/dynamo/metrics';
import { testClock, type TestApp } from '../support/test-app';
import {
  KNIDGRO,
  LUDHIANA,
  demoActor,
  marketApp,
  newBid,
  newRequest,
  openRequestVia,
  providerActor,
  registerFirmVia,
  tokenOf,
  TWO_HOURS,
} from '../api/support';

/**
 * The outbox items written for one request. A Scan is fine here: a test table of its own, read
 * to check what was written, never an access pattern of the application.
 */
async function outboxOf(t: TestApp, requestId: string, type?: string): Promise<EventEnvelope[]> {
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
    .filter((e) => e.payload.requestId === requestId && (!type || e.type === type));
}

/**
 * Measures one API call: the DynamoDB commands it sent, by kind, without the per-cluster
 * limiter's counter (one per request, whatever the operation).
 */
async function writesOf(run: () => Promise<{ status: number }>) {
  const { result, usage } = await measure(run);
  const reads = ['GetItem', 'BatchGetItem', 'Query', 'TransactGetItems'];
  const limiter = usage.commands.filter((c) => c.endsWith('(rate-limit)'));
  expect(limiter.length, 'the limiter counts a request at most once').toBeLessThanOrEqual(1);
  return { status: result.status, writes: usage.commands.filter((c) => !reads.includes(c) && !limiter.includes(c)) };
}

describe('the transactional outbox in the routes', () => {
  const clock = testClock();
  let t: TestApp;
  let tok: Record<'knidgro' | 'admin' | 'it', string>;
  const issue = async () => {
    const [knidgro, admin, it] = await Promise.all([
      tokenOf(t, demoActor('knidgro')),
      tokenOf(t, demoActor('ludhiana-cda')),
      tokenOf(t, providerActor('itTraining')),
    ]);
    tok = { knidgro, admin, it };
  };
  const base = (id: string) => `/api/clusters/${LUDHIANA}/requests/${id}`;
  const correlation = (id: string) => ({ headers: { 'x-correlation-id': id } });

  beforeAll(async () => {
    t = await marketApp({ clock });
    meterDb(t.stores.db);
    await issue();
  });
  afterAll(() => t.stop());

  it('publish writes request.opened with the transition, in its one write; a second publish writes none', async () => {
    // Prepare
    const body = newRequest(clock.now());
    const posted = await t.call('POST', `/api/clusters/${LUDHIANA}/requests`, { token: tok.knidgro, body });
    const id = posted.body.id as string;

    // Act
    const first = await writesOf(() =>
      t.call('POST', `${base(id)}/publish`, { token: tok.knidgro, ...correlation('corr-publish') }),
    );
    const again = await writesOf(() => t.call('POST', `${base(id)}/publish`, { token: tok.knidgro }));

    // Assess
    expect(first).toEqual({ status: 200, writes: ['TransactWriteItems'] });
    expect(again).toEqual({ status: 409, writes: [] });
    const events = await outboxOf(t, id);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'request.opened',
        clusterId: LUDHIANA,
        correlationId: 'corr-publish',
        idempotencyKey: `request.opened:${id}`,
        payload: {
          requestId: id,
          title: body.title,
          category: 'training',
          deadline: new Date(body.biddingDeadline).toISOString(),
          leadAssociationId: KNIDGRO,
        },
      }),
    ]);
  });

  it('two publishes racing from the same version: one commits its event, the other writes nothing', async () => {
    // Prepare
    const posted = await t.call('POST', `/api/clusters/${LUDHIANA}/requests`, {
      token: tok.knidgro,
      body: newRequest(clock.now()),
    });
    const id = posted.body.id as string;

    // Act
    const results = await Promise.all([1, 2].map(() => t.call('POST', `${base(id)}/publish`, { token: tok.knidgro })));

    // Assess
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await outboxOf(t, id, 'request.opened')).toHaveLength(1);
  });

  it(
    'cancel writes request.cancelled with the transition ' + 'and its audit entry; a second cancel writes none',
    async () => {
      // Prepare
      const id = await openRequestVia(t, tok.knidgro, LUDHIANA, newRequest(clock.now()));
      const reason = 'The trainers moved to another city; we will post again in spring.';

      // Act
      const first = await writesOf(() =>
        t.call('POST', `${base(id)}/cancel`, { token: tok.admin, body: { reason }, ...correlation('corr-cancel') }),
      );
      const again = await writesOf(() => t.call('POST', `${base(id)}/cancel`, { token: tok.admin, body: { reason } }));

      // Assess
      expect(first).toEqual({ status: 200, writes: ['TransactWriteItems'] });
      expect(again).toEqual({ status: 409, writes: [] });
      const cancelled = await t.stores.requests.get(LUDHIANA, id);
      expect(await outboxOf(t, id, 'request.cancelled')).toEqual([
        expect.objectContaining({
          correlationId: 'corr-cancel',
          idempotencyKey: `request.cancelled:${id}`,
          payload: { requestId: id, previousStatus: 'open', cancelledAt: cancelled!.cancellation!.cancelledAt },
        }),
      ]);
    },
  );

  it('close and award each write their event with the transition; repeating either writes none', async () => {
    // Prepare: two pledges and a bid, then past the deadline.
    const id = await openRequestVia(t, tok.knidgro, LUDHIANA, newRequest(clock.now()));
    for (const name of ['Bhatia Socks', 'Gill Thermals']) {
      const firmId = await registerFirmVia(t, tok.knidgro, LUDHIANA, KNIDGRO, name);
      expect((await t.call('POST', `${base(id)}/pledges`, { token: tok.knidgro, body: { firmId } })).status).toBe(201);
    }
    const bid = await t.call('POST', `${base(id)}/bids`, { token: tok.it, body: newBid(7_000) });
    clock.advance(TWO_HOURS);
    await issue();

    // Act
    const closed = await writesOf(() =>
      t.call('POST', `${base(id)}/close`, { token: tok.knidgro, ...correlation('corr-close') }),
    );
    const closedAgain = await writesOf(() => t.call('POST', `${base(id)}/close`, { token: tok.knidgro }));
    const awarded = await writesOf(() =>
      t.call('POST', `${base(id)}/award`, {
        token: tok.knidgro,
        body: { bidId: bid.body.id },
        ...correlation('corr-award'),
      }),
    );
    const awardedAgain = await writesOf(() =>
      t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: bid.body.id } }),
    );

    // Assess
    expect([closed, closedAgain, awarded, awardedAgain]).toEqual([
      { status: 200, writes: ['TransactWriteItems'] },
      { status: 409, writes: [] },
      { status: 200, writes: ['TransactWriteItems'] },
      { status: 409, writes: [] },
    ]);
    expect(await outboxOf(t, id, 'request.closed')).toEqual([
      expect.objectContaining({
        correlationId: 'corr-close',
        idempotencyKey: `request.closed:${id}`,
        payload: { requestId: id, outcome: 'ranked', status: 'evaluating', closedBy: 'association' },
      }),
    ]);
    const request = await t.stores.requests.get(LUDHIANA, id);
    expect(await outboxOf(t, id, 'request.awarded')).toEqual([
      expect.objectContaining({
        correlationId: 'corr-award',
        idempotencyKey: `request.awarded:${id}`,
        payload: {
          requestId: id,
          bidId: bid.body.id,
          providerId: request!.award!.providerId,
          total: { amount: 2 * 700_000, currency: 'INR' },
          category: 'training',
          leadAssociationId: KNIDGRO,
          awardedAt: request!.award!.awardedAt,
        },
      }),
    ]);
  });
});

describe('the stores refuse a stale version without writing its events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await marketApp();
  });
  afterAll(() => t.stop());

  const anEvent = (requestId: string, type: 'request.opened' | 'request.cancelled' | 'request.closed'): DomainEvent => {
    const at = new Date().toISOString();
    const context = { id: t.deps.ids.next('event'), clusterId: LUDHIANA, occurredAt: at, correlationId: 'c' };
    if (type === 'request.opened') {
      return newEvent(
        type,
        { requestId, title: 't', category: 'training', deadline: at, leadAssociationId: KNIDGRO },
        context,
      );
    }
    if (type === 'request.cancelled')
      return newEvent(type, { requestId, previousStatus: 'open', cancelledAt: at }, context);
    return newEvent(
      type,
      { requestId, outcome: 'unsuccessful', status: 'unsuccessful', closedBy: 'association' },
      context,
    );
  };

  it('update, updateWithAudit and close: REQUEST.VERSION_CONFLICT, and no outbox item', async () => {
    // Prepare: a request moved on to version 2 behind the caller's back.
    const token = await tokenOf(t, demoActor('knidgro'));
    const posted = await t.call('POST', `/api/clusters/${LUDHIANA}/requests`, {
      token,
      body: newRequest(t.clock.now()),
    });
    const draft = (await t.stores.requests.get(LUDHIANA, posted.body.id))!;
    await t.stores.requests.update(publish(draft, t.clock), draft.version);
    const stale = draft.version;
    const opened = publish(draft, t.clock);
    const cancelled = cancel(opened, { reason: 'The fair was postponed to next year', cancelledBy: 'usr_x' }, t.clock);
    const entry = auditEntry(demoActor('knidgro'), 'request.cancelled', draft.id, { clusterId: LUDHIANA }, t.deps);

    // Act
    const outcomes = await Promise.all(
      [
        t.stores.requests.update(opened, stale, { events: [anEvent(draft.id, 'request.opened')], pledgedFirms: 0 }),
        t.stores.requests.updateWithAudit(cancelled, stale, entry, [anEvent(draft.id, 'request.cancelled')]),
        t.stores.evaluations.close(
          cancelled,
          stale,
          0,
          {
            requestId: draft.id,
            clusterId: LUDHIANA,
            evaluatedAt: new Date().toISOString(),
            evaluatedBy: 'usr_x',
            outcome: 'unsuccessful',
            pledgedFirms: 0,
            ranking: [],
            invalid: [],
          },
          [anEvent(draft.id, 'request.closed')],
        ),
      ].map((p) =>
        p.then(
          () => 'written',
          (e: { code?: string }) => e.code,
        ),
      ),
    );

    // Assess
    expect(outcomes).toEqual(['REQUEST.VERSION_CONFLICT', 'REQUEST.VERSION_CONFLICT', 'REQUEST.VERSION_CONFLICT']);
    expect(await outboxOf(t, draft.id)).toEqual([]);
  });

  it('a transition of a missing request is REQUEST.NOT_FOUND, with no outbox item', async () => {
    // Prepare
    const token = await tokenOf(t, demoActor('knidgro'));
    const posted = await t.call('POST', `/api/clusters/${LUDHIANA}/requests`, {
      token,
      body: newRequest(t.clock.now()),
    });
    const draft = (await t.stores.requests.get(LUDHIANA, posted.body.id))!;
    const ghost = { ...publish(draft, t.clock), id: t.deps.ids.next('request') };

    // Act
    const outcome = await t.stores.requests
      .update(ghost, draft.version, { events: [anEvent(ghost.id, 'request.opened')], pledgedFirms: 0 })
      .then(
        () => 'written',
        (e: { code?: string }) => e.code,
      );

    // Assess
    expect(outcome).toBe('REQUEST.NOT_FOUND');
    expect(await outboxOf(t, ghost.id)).toEqual([]);
  });
});
