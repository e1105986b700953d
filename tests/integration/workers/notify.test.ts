import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequest, publish, type EventEnvelope, type Provider } from '@bds/core';
import type { MailMessage } from '../../../functions/adapters/mail/port';
import { silentLogger } from '../../../functions/observability/logger';
import { createRequestEventsHandler, type WorkerDeps } from '../../../functions/workers/request-events/worker';
import {
  KNIDGRO,
  LUDHIANA,
  demoActor,
  marketApp,
  newRequest,
  openRequestVia,
  providerActor,
  tokenOf,
} from '../api/support';
import { aNewRequest, before, ids } from '../stores/fixtures';
import type { TestApp } from '../support/test-app';

const iso = (ms: number) => new Date(ms).toISOString();

function worker(t: TestApp) {
  const mails: MailMessage[] = [];
  const deps: WorkerDeps = {
    stores: t.stores,
    log: silentLogger,
    clock: t.clock,
    ids: t.deps.ids,
    timing: t.deps.timing,
    portalUrl: 'http://portal.test',
    mail: { send: async (m) => void mails.push(m) },
    scheduler: { at: async () => undefined, cancel: async () => undefined },
  };
  const handler = createRequestEventsHandler(deps);
  const deliver = (events: EventEnvelope[]) =>
    handler({
      Records: events.map((e) => ({
        messageId: `m-${e.id}`,
        body: JSON.stringify(e),
        attributes: { ApproximateReceiveCount: '1' },
      })),
    } as unknown as SQSEvent);
  return { mails, deliver };
}

const provider = (name: string, overrides: Partial<Provider> = {}): Provider => ({
  id: ids.next('provider'),
  name,
  city: 'Ludhiana',
  categories: ['testing'],
  accredited: true,
  capacity: 2,
  clusterIds: [LUDHIANA],
  blocked: false,
  contactEmail: `${name.toLowerCase().replace(/\W+/g, '.')}@providers.test`,
  createdAt: iso(before.now()),
  ...overrides,
});

const event = (type: string, payload: Record<string, unknown>): EventEnvelope => ({
  id: ids.next('event'),
  type,
  clusterId: LUDHIANA,
  occurredAt: iso(before.now()),
  correlationId: 'test',
  idempotencyKey: `${type}:${String(payload.requestId)}`,
  payload,
});

describe('notifications', () => {
  let t: TestApp;
  // Testing labs: no demo provider offers testing in Ludhiana, so these are the only candidates.
  const labs = [provider('Punjab Test House'), provider('Ludhiana Lab Services'), provider('North India Testing')];
  const designer = provider('Phulkari Design Studio', { categories: ['design'] });
  const blocked = provider('Blocked Labs', { blocked: true });

  beforeAll(async () => {
    t = await marketApp();
    await Promise.all([...labs, designer, blocked].map((p) => t.stores.providers.putWithRegistrations(p, p.createdAt)));
  });
  afterAll(() => t.stop());

  async function opened(overrides: Parameters<typeof aNewRequest>[0] = {}) {
    const request = await t.stores.requests.create(
      publish(
        createRequest(aNewRequest({ category: 'testing', coSponsorIds: [], ...overrides }), {
          clusterId: LUDHIANA,
          associationId: KNIDGRO,
          ids,
          clock: before,
        }),
        before,
      ),
    );
    return {
      request,
      event: event('request.opened', {
        requestId: request.id,
        title: request.title,
        category: request.category,
        deadline: request.biddingDeadline,
        leadAssociationId: KNIDGRO,
      }),
    };
  }

  it('tells each of N eligible providers once — N inbox items, N mails — and a redelivery adds none', async () => {
    const { request, event: opened1 } = await opened();
    const w = worker(t);
    expect((await w.deliver([opened1])).batchItemFailures).toEqual([]);
    const inboxes = async () =>
      Promise.all(
        [...labs, designer, blocked].map(async (p) =>
          (await t.stores.inbox.list(p.id, { limit: 10 })).items.filter((n) => n.requestId === request.id),
        ),
      );
    const first = await inboxes();
    expect(first.map((items) => items.length)).toEqual([1, 1, 1, 0, 0]);
    expect(first[0]![0]).toMatchObject({
      kind: 'request.opened',
      organisationId: labs[0]!.id,
      link: `http://portal.test/clusters/${LUDHIANA}/requests/${request.id}`,
    });
    expect(w.mails.map((m) => m.to).sort()).toEqual(labs.map((p) => p.contactEmail).sort());

    await w.deliver([opened1]);
    await w.deliver([opened1, opened1]);
    expect(first.flat().every((n) => n.mailedAt !== undefined)).toBe(true);
    expect(await inboxes()).toEqual(first);
    expect(w.mails).toHaveLength(labs.length);
  });

  it('tells only the invited providers about an invitation-only request', async () => {
    const { request, event: e } = await opened({ visibility: 'invited', invitedProviderIds: [labs[1]!.id] });
    const w = worker(t);
    await w.deliver([e]);
    expect(w.mails.map((m) => m.to)).toEqual([labs[1]!.contactEmail]);
    expect((await t.stores.inbox.list(labs[0]!.id, { limit: 50 })).items.some((n) => n.requestId === request.id)).toBe(
      false,
    );
  });

  it('tells the awarded provider, once', async () => {
    const { request } = await opened();
    const awarded = event('request.awarded', {
      requestId: request.id,
      bidId: ids.next('bid'),
      providerId: labs[2]!.id,
      total: { amount: 1, currency: 'INR' },
      category: 'testing',
      leadAssociationId: KNIDGRO,
      awardedAt: iso(before.now()),
    });
    const w = worker(t);
    await w.deliver([awarded]);
    await w.deliver([awarded]);
    const items = (await t.stores.inbox.list(labs[2]!.id, { limit: 50 })).items.filter(
      (n) => n.kind === 'request.awarded',
    );
    expect(items).toHaveLength(1);
    expect(w.mails).toEqual([
      expect.objectContaining({ to: labs[2]!.contactEmail, subject: `Awarded: ${request.title}` }),
    ]);
  });

  it("reaches a provider's inbox through the outbox, the relay and the queue when a request is published", async () => {
    const knidgro = await tokenOf(t, demoActor('knidgro'));
    const id = await openRequestVia(t, knidgro, LUDHIANA, newRequest(t.clock.now(), { category: 'training' }));
    await t.drain();
    const it = await tokenOf(t, providerActor('itTraining'));
    const inbox = await t.call('GET', '/api/inbox', { token: it });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.filter((n: { requestId?: string }) => n.requestId === id)).toEqual([
      expect.objectContaining({ kind: 'request.opened', title: expect.stringContaining('IT training') }),
    ]);
  });
});
