import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '@bds/core';
import { ASSOCIATIONS, CLUSTERS, DEMO_USERS } from '../../functions/local/seed/data';
import { testApp, type TestApp } from './support/test-app';

const email = (slug: string) => DEMO_USERS.find((u) => u.slug === slug)!.email;
const ludhiana = CLUSTERS.ludhiana.id;
const jaipur = CLUSTERS.jaipur.id;

/** A valid pooled request, due a month from `now`. */
const newRequest = (now = Date.now()) => ({
  title: 'IT training for 17 KNIDGRO members',
  category: 'training',
  specification: 'A ten-day course on e-mail, web browsing and e-commerce for owners and managers of knitwear units.',
  deliverables: ['Ten training days', 'Attendance register', 'Course material in Punjabi and English'],
  place: 'Ludhiana',
  deliveryWindow: {
    start: new Date(now + 40 * 86_400_000).toISOString().slice(0, 10),
    end: new Date(now + 80 * 86_400_000).toISOString().slice(0, 10),
  },
  biddingDeadline: new Date(now + 30 * 86_400_000).toISOString(),
  minFirms: 10,
  maxFirms: 20,
  weights: { price: 60, quality: 40 },
  milestones: [
    { name: 'Course delivered', shareBasisPoints: 7000 },
    { name: 'Certificates issued', shareBasisPoints: 3000 },
  ],
  visibility: 'cluster',
  currency: 'INR',
});

describe('the first slice: post → store → queue → worker → API', () => {
  let t: TestApp;
  let knidgro: string;
  beforeAll(async () => {
    t = await testApp();
    knidgro = await t.signIn(email('knidgro'));
  });
  afterAll(() => t.stop());

  it(
    'an association posts and publishes a request; the ' + 'worker notifies eligible providers; the feed shows it',
    async () => {
      // Prepare
      const posted = await t.call('POST', `/api/clusters/${ludhiana}/requests`, { token: knidgro, body: newRequest() });
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({
        status: 'draft',
        associationId: ASSOCIATIONS.knidgro.id,
        clusterId: ludhiana,
        pledgedFirms: 0,
      });
      // Act
      const opened = await t.call('POST', `/api/clusters/${ludhiana}/requests/${posted.body.id}/publish`, {
        token: knidgro,
      });
      await t.drain();
      // Assess: stored, and the worker's effect is visible through the API
      expect(opened.status).toBe(200);
      expect(
        (await t.call('GET', `/api/clusters/${ludhiana}/requests/${posted.body.id}`, { token: knidgro })).body.status,
      ).toBe('open');
      const feed = await t.call('GET', `/api/clusters/${ludhiana}/activity`, { token: knidgro });
      const line = feed.body.items.find((a: { requestId?: string }) => a.requestId === posted.body.id);
      // Training providers approved in Ludhiana in the demo data: NIFT, the IT training institute, SISI.
      expect(line.message).toContain('3 eligible providers notified');
    },
  );

  it('a redelivered event writes the feed line once', async () => {
    const posted = await t.call('POST', `/api/clusters/${ludhiana}/requests`, { token: knidgro, body: newRequest() });
    await t.call('POST', `/api/clusters/${ludhiana}/requests/${posted.body.id}/publish`, { token: knidgro });
    await t.drain();
    const [event] = (await t.stores.activity.list(ludhiana, { limit: 100 })).items.filter(
      (a) => a.requestId === posted.body.id,
    );
    // Replay the same event, as SQS may.
    const payload = {
      requestId: posted.body.id,
      title: 'x',
      category: 'training',
      deadline: event!.at,
      leadAssociationId: 'x',
    };
    const context = { id: `evt_${event!.id.slice(4)}`, clusterId: ludhiana, occurredAt: event!.at, correlationId: 'c' };
    t.queue.send(JSON.stringify(newEvent('request.opened', payload, context)));
    await t.queue.drain();
    const lines = (await t.stores.activity.list(ludhiana, { limit: 100 })).items.filter(
      (a) => a.requestId === posted.body.id,
    );
    expect(lines).toHaveLength(1);
  });

  it('a provider sees the open request; a draft stays hidden from it', async () => {
    const provider = await t.signIn(email('it-training'));
    const draft = await t.call('POST', `/api/clusters/${ludhiana}/requests`, { token: knidgro, body: newRequest() });
    const list = await t.call('GET', `/api/clusters/${ludhiana}/requests`, { token: provider });
    expect(list.status).toBe(200);
    expect(list.body.items.every((r: { status: string }) => r.status === 'open')).toBe(true);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(
      (await t.call('GET', `/api/clusters/${ludhiana}/requests/${draft.body.id}`, { token: provider })).status,
    ).toBe(404);
  });

  it('refuses the wrong people clearly: no token 401, wrong role 403, foreign cluster 404', async () => {
    const provider = await t.signIn(email('it-training'));
    expect((await t.call('POST', `/api/clusters/${ludhiana}/requests`, { body: newRequest() })).status).toBe(401);
    const wrongRole = await t.call('POST', `/api/clusters/${ludhiana}/requests`, {
      token: provider,
      body: newRequest(),
    });
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.type).toContain('application/problem+json');
    expect(
      (await t.call('POST', `/api/clusters/${jaipur}/requests`, { token: knidgro, body: newRequest() })).status,
    ).toBe(404);
    expect((await t.call('GET', `/api/clusters/${jaipur}/activity`, { token: knidgro })).status).toBe(404);
  });

  it('bad input gets a problem+json 400 naming each field, and nothing is stored', async () => {
    const before = (await t.call('GET', `/api/clusters/${ludhiana}/requests?limit=100`, { token: knidgro })).body.items
      .length;
    const res = await t.call('POST', `/api/clusters/${ludhiana}/requests`, {
      token: knidgro,
      body: { ...newRequest(), minFirms: 'ten', weights: { price: 70, quality: 40 } },
    });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('minFirms');
    const malformed = await t.call('POST', `/api/clusters/${ludhiana}/requests`, { token: knidgro, body: '{"title":' });
    expect(malformed.status).toBe(400);
    expect(
      (await t.call('GET', `/api/clusters/${ludhiana}/requests?limit=100`, { token: knidgro })).body.items.length,
    ).toBe(before);
  });

  it('refuses a forged cursor from another partition', async () => {
    const forged = Buffer.from(JSON.stringify({ PK: `CLUSTER#${jaipur}`, SK: 'REQ#x' })).toString('base64url');
    const res = await t.call('GET', `/api/clusters/${ludhiana}/requests?cursor=${forged}`, { token: knidgro });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('cursor');
  });

  it('signs in only with the right password, with one message for both failures', async () => {
    const wrong = await t.call('POST', '/api/auth/sign-in', { body: { email: email('knidgro'), password: 'nope' } });
    const unknown = await t.call('POST', '/api/auth/sign-in', {
      body: { email: 'nobody@example.org', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('serves health and an OpenAPI 3.1 document that lists every route', async () => {
    expect((await t.call('GET', '/health')).body.status).toBe('ok');
    const doc = (await t.call('GET', '/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain('/api/clusters/{clusterId}/requests');
    expect(
      doc.paths['/api/clusters/{clusterId}/requests'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('minFirms');
  });
});
