import { randomUUID, webcrypto } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idGenerator, type Clock, type ProcurementTiming } from '@bds/core';
import { createDb } from '../../../functions/adapters/dynamo/db';
import { ensureTable } from '../../../functions/adapters/dynamo/create-table';
import { createStores, type Stores } from '../../../functions/adapters/dynamo/stores';
import { mailboxStore } from '../../../functions/adapters/dynamo/mailbox';
import { localPublisher } from '../../../functions/adapters/sqs/publisher';
import { createApp } from '../../../functions/api/app';
import { createTokenService } from '../../../functions/api/auth/tokens';
import { generateSigningJwk } from '../../../functions/adapters/secrets/signing-jwk';
import { createPasswordHasher } from '../../../functions/api/auth/passwords';
import { TEST_SCRYPT } from '../../support/passwords';
import { TEST_TIMING } from '../../support/timing';
import type { Deps } from '../../../functions/api/deps';
import { LocalQueue } from '../../../functions/local/queue';
import { localDeadLetters } from '../../../functions/adapters/dead-letters/local';
import { localScheduler } from '../../../functions/adapters/scheduler/local';
import { seedDemoData } from '../../../functions/local/seed/seed';
import { createLogger, silentLogger } from '../../../functions/observability/logger';
import { createRequestEventsHandler } from '../../../functions/workers/request-events/worker';
import { LocalStreamRelay } from '../../../functions/local/stream-relay';
import { createRelayHandler } from '../../../functions/workers/relay/relay';
import { dynamoEndpoint } from './endpoint';

/** Real time plus a movable offset, so tests can step past a deadline or a cache. */
export function testClock(): Clock & { set(ms: number): void; advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    set: (ms) => void (offset = ms - Date.now()),
    advance: (ms) => void (offset += ms),
  };
}

/**
 * The real API on a fresh DynamoDB Local table, the outbox relay on its stream, the worker on a
 * real in-process queue, and (optionally) the demo data. `drain()` waits until every committed
 * event has been relayed and handled; call `stop()` in afterAll.
 */
export async function testApp(
  opts: { seed?: boolean; clock?: Clock; history?: boolean; timing?: ProcurementTiming } = {},
) {
  const timing = opts.timing ?? TEST_TIMING;
  const tableName = `t-${randomUUID()}`;
  const db = createDb({ tableName, endpoint: dynamoEndpoint() });
  await ensureTable(db.client, tableName);
  const stores: Stores = createStores(db);
  const clock = opts.clock ?? testClock();
  const ids = idGenerator(clock, (n) => webcrypto.getRandomValues(new Uint8Array(n)));
  const mailbox = mailboxStore(db, { nextId: () => ids.next('mail'), now: () => clock.now() });
  const scheduler = localScheduler(
    (event) => localPublisher(queue).publish(event),
    () => clock.now(),
  );
  const queue = new LocalQueue({
    name: 'request-events',
    handler: createRequestEventsHandler({
      stores,
      log: silentLogger,
      clock,
      ids,
      timing,
      mail: mailbox.sender,
      scheduler,
      portalUrl: 'http://portal.test',
    }),
    visibilityTimeoutMs: 200,
    pollIntervalMs: 10,
  });
  queue.start();
  // Events reach the queue only through the outbox: the relay reads the table's stream, as in AWS.
  const relayDir = await mkdtemp(join(tmpdir(), 'bds-relay-'));
  const relay = new LocalStreamRelay({
    endpoint: dynamoEndpoint(),
    tableName,
    checkpointFile: join(relayDir, 'checkpoint.json'),
    pollIntervalMs: 25,
    handler: createRelayHandler({ publisher: localPublisher(queue), log: silentLogger }),
    ...(process.env.TEST_LOG ? { log: (line: string) => console.warn(line) } : {}),
  });
  await relay.start();
  const signingJwk = await generateSigningJwk('test');
  const passwords = createPasswordHasher(TEST_SCRYPT);
  const deps: Deps = {
    stores,
    clock,
    ids,
    timing,
    mail: mailbox.sender,
    outbox: mailbox,
    deadLetters: localDeadLetters([queue]),
    portalUrl: 'http://portal.test',
    tokens: await createTokenService({ privateJwk: signingJwk, issuer: 'bds-exchange', now: () => clock.now() }),
    passwords,
    // TEST_LOG=1 shows the API's log, including the cause of any 500.
    log: process.env.TEST_LOG ? createLogger({ format: 'pretty', level: 'debug' }) : silentLogger,
    version: 'test',
    // The harness plays the local stack: its outbox and demo routes are mounted.
    stage: 'local',
  };
  // The delivered history (months of awards and milestones) costs seconds: only the files that read it ask.
  if (opts.seed !== false) await seedDemoData(stores, () => undefined, { history: opts.history ?? false, passwords });
  const app = createApp(deps);

  /** Calls the API as a person with a bearer token would (JSON in, JSON out). */
  const call = async (
    method: string,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined
        ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
        : {}),
    });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    // JSON Lines and text (CSV) stay text; everything else is JSON.
    const body = text ? (/jsonl|^text\//.test(type) ? text : JSON.parse(text)) : undefined;
    return { status: res.status, type, body, headers: res.headers };
  };

  /** Signs in as a demo user and returns the token. */
  const signIn = async (email: string): Promise<string> => {
    const res = await call('POST', '/api/auth/sign-in', { body: { email, password: 'demo-bds-2026' } });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };

  /**
   * Resolves once every committed event has been relayed and handled, including the events the
   * handlers themselves commit (a close at the deadline): relay, queue, and again until both are idle.
   */
  const drain = async (): Promise<void> => {
    for (let round = 0; round < 10; round++) {
      await relay.drain();
      const { visible, inFlight } = queue.stats();
      if (visible + inFlight === 0) return;
      await queue.drain();
    }
    throw new Error('events kept coming after 10 rounds of relay and queue');
  };

  const stop = async (): Promise<void> => {
    scheduler.stop();
    await relay.stop();
    await queue.stop();
    await rm(relayDir, { recursive: true, force: true });
  };

  return { app, deps, stores, queue, relay, scheduler, call, signIn, drain, tableName, clock, signingJwk, stop };
}
export type TestApp = Awaited<ReturnType<typeof testApp>>;
