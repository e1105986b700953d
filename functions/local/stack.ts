import type { AddressInfo } from 'node:net';
import { rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { idGenerator, timingForStage, type Clock, type ProcurementTiming } from '@bds/core';
import { readEnv } from '../config/env';
import { createDb, type Db } from '../adapters/dynamo/db';
import { ensureTable } from '../adapters/dynamo/create-table';
import { createStores } from '../adapters/dynamo/stores';
import { localPublisher } from '../adapters/sqs/publisher';
import { createApp } from '../api/app';
import { createLogger, type Logger } from '../observability/logger';
import { buildDeps } from '../runtime';
import { systemClock, systemIds, systemRandom } from '../adapters/system';
import { mailboxStore } from '../adapters/dynamo/mailbox';
import { createRequestEventsHandler } from '../workers/request-events/worker';
import { startDynamoLocal } from './dynamo-local';
import { localSigningKey } from './keys';
import { ensurePortalBuilt, servePortal } from './portal';
import { LocalQueue, type LocalQueueOptions } from './queue';
import { localDeadLetters } from '../adapters/dead-letters/local';
import { localScheduler } from '../adapters/scheduler/local';
import { LocalStreamRelay } from './stream-relay';
import { createRelayHandler } from '../workers/relay/relay';
import { rearmOpenDeadlines } from '../workers/request-events/handlers/schedule';
import { backfillRepeatCounts } from './backfill';
import { demoAccounts, seedDemoData } from './seed/seed';
import { createPasswordHasher, type ScryptParams } from '../api/auth/passwords';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data', import.meta.url));
const TABLE_NAME = 'bds-exchange-local';
/** Written in the data folder while a stack runs (removed when it stops): a {@link RunningStack}. */
export const STACK_FILE = 'stack.json';

/** What `.data/stack.json` says about the stack running on that folder. */
export interface RunningStack {
  pid: number;
  url: string;
  dynamoEndpoint: string;
  tableName: string;
}

export interface LocalStackOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Where DynamoDB Local keeps its files and the signing key lives; `.data/` by default. */
  dataDir?: string;
  /** Start empty: delete the data folder first. */
  reset?: boolean;
  /**
   * Keep DynamoDB's data in the JVM's memory rather than in `dataDir` (which still holds the signing key and the
   * relay's checkpoint): for a harness that starts empty and throws the data away, as the e2e run does.
   */
  inMemory?: boolean;
  seed?: boolean;
  log?: (line: string) => void;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Password hashing cost; OWASP's unless a test harness passes a cheaper one (tests/support/passwords.ts). */
  scrypt?: ScryptParams;
  /** National timing bounds; the local stage's (`LOCAL_TIMING`) unless a test harness passes its own. */
  timing?: ProcurementTiming;
  /**
   * The clock the API, the workers and the scheduler decide by; the system's unless a harness moves time itself
   * (the e2e run jumps a deadline or a stand-still instead of sleeping through it: tests/e2e/support/README.md).
   */
  clock?: Clock;
  /**
   * For the simulation (tests/simulation): wraps the request-events worker (to crash it or deliver twice at random)
   * and shortens the queue's visibility timeout, so a crashed batch comes back in milliseconds rather than seconds.
   */
  worker?: {
    wrap?: (handler: LocalQueueOptions['handler']) => LocalQueueOptions['handler'];
    visibilityTimeoutMs?: number;
  };
  /** For a bench that prices what the stack does (`npm run bench`): sees the stack's client before any call. */
  instrument?: {
    db?(db: Db): void;
  };
}

export interface LocalStack {
  url: string;
  dynamoEndpoint: string;
  /** The DynamoDB Local JVM: gone once stop() resolves. */
  dynamoPid: number;
  tableName: string;
  queues: { requestEvents: LocalQueue; drain(): Promise<void> };
  /** The timers that play EventBridge Scheduler (deadlines, auto-acceptance). */
  scheduler: ReturnType<typeof localScheduler>;
  stop(): Promise<void>;
}

/**
 * The whole marketplace in one process: DynamoDB Local (child process), the API and the
 * built portal on one port, and the workers on in-process queues with SQS's contract.
 */
export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const say = opts.log ?? ((line: string) => console.log(line));
  const logger: Logger = createLogger({ level: opts.logLevel ?? 'info', format: 'pretty', write: say });
  const dataDir = opts.dataDir ?? DEFAULT_DATA_DIR;
  const clock = opts.clock ?? systemClock;
  const ids = opts.clock ? idGenerator(clock, systemRandom) : systemIds;
  if (opts.reset) await rm(dataDir, { recursive: true, force: true });

  const dynamo = await startDynamoLocal({ ...(opts.inMemory ? {} : { dataDir: join(dataDir, 'dynamodb') }), log: say });
  let relay: LocalStreamRelay | undefined;
  const stopDynamo = async () => {
    await relay?.stop();
    await dynamo.stop();
  };
  try {
    const env = readEnv({
      TABLE_NAME,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      STAGE: 'local',
      LOG_LEVEL: opts.logLevel ?? 'info',
    });
    const timing = opts.timing ?? timingForStage(env.STAGE);
    const db = createDb({ tableName: TABLE_NAME, endpoint: dynamo.endpoint });
    opts.instrument?.db?.(db);
    if ((await ensureTable(db.client, TABLE_NAME)) === 'created')
      say(`Created table ${TABLE_NAME} from the stack's definition`);
    const stores = createStores(db);

    const mailbox = mailboxStore(db, {
      nextId: () => ids.next('mail'),
      now: clock.now,
      log: (line) => logger.info(line),
    });
    // The scheduler's timers deliver to the queue below (declared after: used only when a timer fires).
    const scheduler = localScheduler((event) => localPublisher(requestEvents).publish(event), clock.now);
    const requestEvents = new LocalQueue({
      name: 'request-events',
      handler: (opts.worker?.wrap ?? ((h) => h))(
        createRequestEventsHandler({
          stores,
          log: logger.child({ worker: 'request-events' }),
          clock,
          ids,
          timing,
          mail: mailbox.sender,
          scheduler,
          portalUrl: env.PORTAL_URL,
        }),
      ),
      visibilityTimeoutMs: opts.worker?.visibilityTimeoutMs ?? 5_000,
      maxReceiveCount: 5,
      log: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
    });
    requestEvents.start();
    // The outbox relay reads DynamoDB Local's stream, as the relay Lambda reads the table's stream in AWS.
    relay = new LocalStreamRelay({
      endpoint: dynamo.endpoint,
      tableName: TABLE_NAME,
      checkpointFile: join(dataDir, 'relay-checkpoint.json'),
      pollIntervalMs: 100,
      handler: createRelayHandler({ publisher: localPublisher(requestEvents), log: logger.child({ worker: 'relay' }) }),
      log: (line) => logger.warn(line),
    });
    await relay.start();

    const passwords = createPasswordHasher(opts.scrypt);
    const deps = await buildDeps(env, {
      mail: mailbox.sender,
      outbox: mailbox,
      privateJwk: await localSigningKey(dataDir),
      log: logger.child({ service: 'api' }),
      demoAccounts: demoAccounts(),
      passwords,
      timing,
      clock,
    });
    // Awards from before the repeat counter are counted once, before any new award reads a counter.
    const backfilled = await backfillRepeatCounts(stores, () => new Date(clock.now()).toISOString());
    if (backfilled > 0) say(`Backfilled the repeat counts of ${backfilled} clusters`);
    if (opts.seed !== false) {
      const { created } = await seedDemoData(stores, say, { passwords });
      say(
        created > 0
          ? `Seeded ${created} demo records from the paper (4 clusters, ` +
              `associations, providers, a funder, demo accounts)`
          : 'Demo data already present',
      );
    }
    // Timers live in memory: arm every open request's deadline once (requests opened from now on arm their own).
    say(`Scheduled ${await rearmOpenDeadlines({ stores, scheduler, ids })} request deadlines`);
    await ensurePortalBuilt(say);
    const app = createApp(deps);
    servePortal(app);

    const server = serve({ fetch: app.fetch, port: opts.port ?? 3000, hostname: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    deps.deadLetters = localDeadLetters([requestEvents]);
    // Links in mail point at the port actually bound (PORT=0 picks one).
    deps.portalUrl = `http://localhost:${port}`;
    // Where a running stack's DynamoDB Local answers, for operator commands (`npm run audit:indicators`).
    const stackFile = join(dataDir, STACK_FILE);
    const running: RunningStack = {
      pid: process.pid,
      url: `http://localhost:${port}`,
      dynamoEndpoint: dynamo.endpoint,
      tableName: TABLE_NAME,
    };
    await writeFile(stackFile, `${JSON.stringify(running, null, 2)}\n`);
    return {
      url: `http://localhost:${port}`,
      dynamoEndpoint: dynamo.endpoint,
      dynamoPid: dynamo.pid,
      tableName: TABLE_NAME,
      scheduler,
      queues: {
        requestEvents,
        // Until both are idle: a handler may commit events of its own (a close at the deadline).
        async drain() {
          for (let round = 0; round < 10; round++) {
            await relay?.drain();
            const { visible, inFlight } = requestEvents.stats();
            if (visible + inFlight === 0) return;
            await requestEvents.drain();
          }
        },
      },
      async stop() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        scheduler.stop();
        await requestEvents.stop();
        await unlink(stackFile).catch(() => undefined);
        await stopDynamo();
      },
    };
  } catch (error) {
    await stopDynamo();
    throw error;
  }
}
