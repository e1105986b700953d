import { randomUUID, webcrypto } from 'node:crypto';
import { inject } from 'vitest';
import { idGenerator, type Clock } from '@bds/core';
import { createDb } from '../../../functions/adapters/dynamo/db';
import { ensureTable } from '../../../functions/adapters/dynamo/create-table';
import { createStores, type Stores } from '../../../functions/adapters/dynamo/stores';
import { mailboxStore } from '../../../functions/adapters/dynamo/mailbox';
import { localPublisher } from '../../../functions/adapters/sqs/publisher';
import { createApp } from '../../../functions/api/app';
import { createTokenService, generateSigningJwk } from '../../../functions/api/auth/tokens';
import type { Deps } from '../../../functions/api/deps';
import { LocalQueue } from '../../../functions/local/queue';
import { localScheduler } from '../../../functions/adapters/scheduler/local';
import { seedDemoData } from '../../../functions/local/seed/seed';
import { createLogger, silentLogger } from '../../../functions/observability/logger';
import { createRequestEventsHandler } from '../../../functions/workers/request-events/worker';

/** Real time plus a movable offset, so tests can step past a deadline or a cache. */
export function testClock(): Clock & { set(ms: number): void; advance(ms: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, set: (ms) => void (offset = ms - Date.now()), advance: (ms) => void (offset += ms) };
}

/**
 * The real API on a fresh DynamoDB Local table, its worker on a real in-process queue, and
 * (optionally) the demo data. Call `stop()` in afterAll.
 */
export async function testApp(opts: { seed?: boolean; clock?: Clock } = {}) {
  const tableName = `t-${randomUUID()}`;
  const db = createDb({ tableName, endpoint: inject('dynamoEndpoint') });
  await ensureTable(db.client, tableName);
  const stores: Stores = createStores(db);
  const clock = opts.clock ?? testClock();
  const ids = idGenerator(clock, (n) => webcrypto.getRandomValues(new Uint8Array(n)));
  const mailbox = mailboxStore(db, { nextId: () => ids.next('mail'), now: () => clock.now() });
  const scheduler = localScheduler((event) => localPublisher(queue).publish(event), () => clock.now());
  const queue = new LocalQueue({
    name: 'request-events',
    handler: createRequestEventsHandler({ stores, log: silentLogger, clock, ids, mail: mailbox.sender, scheduler, portalUrl: 'http://portal.test' }),
    visibilityTimeoutMs: 200,
    pollIntervalMs: 10,
  });
  queue.start();
  const signingJwk = await generateSigningJwk('test');
  const deps: Deps = {
    stores,
    publisher: localPublisher(queue),
    clock,
    ids,
    mail: mailbox.sender,
    outbox: mailbox,
    portalUrl: 'http://portal.test',
    tokens: await createTokenService({ privateJwk: signingJwk, issuer: 'bds-exchange', now: () => clock.now() }),
    // TEST_LOG=1 shows the API's log, including the cause of any 500.
    log: process.env.TEST_LOG ? createLogger({ format: 'pretty', level: 'debug' }) : silentLogger,
    version: 'test',
  };
  if (opts.seed !== false) await seedDemoData(stores, () => undefined);
  const app = createApp(deps);

  /** Calls the API as a person with a bearer token would (JSON in, JSON out). */
  const call = async (method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };

  /** Signs in as a demo user and returns the token. */
  const signIn = async (email: string): Promise<string> => {
    const res = await call('POST', '/api/auth/sign-in', { body: { email, password: 'demo-bds-2026' } });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };

  return { app, deps, stores, queue, scheduler, call, signIn, tableName, clock, signingJwk, stop: () => { scheduler.stop(); return queue.stop(); } };
}
export type TestApp = Awaited<ReturnType<typeof testApp>>;
