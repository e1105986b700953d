/**
 * `npm run bench`: the API's cost in DynamoDB and its latency under load, per operation.
 * Starts the local stack (DynamoDB Local + API, seeded) in a temporary folder, measures every
 * marketplace operation once through a metered in-process copy of the app on the same table,
 * then loads the running server with autocannon. Writes bench/results/api.md and prints it.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idGenerator } from '@bds/core';
import { TEST_TIMING } from '../support/timing';
import { createDb } from '../../functions/adapters/dynamo/db';
import { mailboxStore } from '../../functions/adapters/dynamo/mailbox';
import { measure, meterDb, type DbUsage } from '../../functions/adapters/dynamo/metrics';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { createApp } from '../../functions/api/app';
import { createTokenService } from '../../functions/api/auth/tokens';
import { createPasswordHasher } from '../../functions/api/auth/passwords';
import type { Deps } from '../../functions/api/deps';
import { localSigningKey } from '../../functions/local/keys';
import { startLocalStack } from '../../functions/local/stack';
import { silentLogger } from '../../functions/observability/logger';
import { systemClock } from '../../functions/adapters/system';
import { plansAfterDeadline, plansBeforeDeadline, prepare, runLoad, type LoadResult } from './api/load';
import { renderReport } from './api/report';
import { ACTORS, runScenario } from './api/scenario';

const WRITES = Number(process.env.BENCH_WRITES ?? 100);
const READS = Number(process.env.BENCH_READS ?? 400);
const RESULTS = fileURLToPath(new URL('../../bench/results/api.md', import.meta.url));
const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
const say = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const dataDir = await mkdtemp(join(tmpdir(), 'bds-bench-'));
  const stack = await startLocalStack({
    port: 0,
    dataDir,
    reset: true,
    seed: true,
    logLevel: 'error',
    log: () => undefined,
    timing: TEST_TIMING,
  });
  try {
    say(`local stack on ${stack.url}, DynamoDB Local on ${stack.dynamoEndpoint}`);
    // A metered copy of the app on the same table, signing with the stack's key so tokens work on both.
    const db = meterDb(createDb({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint }));
    const ids = idGenerator(systemClock, (n) => webcrypto.getRandomValues(new Uint8Array(n)));
    const mailbox = mailboxStore(db, { nextId: () => ids.next('mail'), now: () => Date.now() });
    const deps: Deps = {
      stores: createStores(db),
      clock: systemClock,
      ids,
      timing: TEST_TIMING,
      mail: mailbox.sender,
      portalUrl: stack.url,
      log: silentLogger,
      version: 'bench',
      tokens: await createTokenService({ privateJwk: await localSigningKey(dataDir), issuer: 'bds-exchange' }),
      passwords: createPasswordHasher(),
    };
    const app = createApp(deps);
    const call = async (method: string, path: string, init: { token?: string; body?: unknown } = {}) => {
      const res = await app.request(path, {
        method,
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    const token = async (actor: (typeof ACTORS)[keyof typeof ACTORS]) => (await deps.tokens.issue(actor)).token;

    // The bench measures the association's close; the deadline worker would close first, so its schedules are dropped.
    const withoutDeadlineWorker = async (deadline: number) => {
      await stack.queues.drain();
      for (const name of stack.scheduler.pending())
        if (name.startsWith('deadline:')) await stack.scheduler.cancel(name);
      await sleepUntil(deadline);
    };

    say('measuring DynamoDB calls and capacity, one call of each operation');
    const usage = new Map<string, DbUsage>();
    await runScenario(
      {
        call,
        token,
        now: () => Date.now(),
        passDeadline: withoutDeadlineWorker,
        measure: async (operation, run) => {
          const { result, usage: used } = await measure(run);
          usage.set(operation, used);
          return result;
        },
      },
      { deadlineInMs: 5_000 },
    );

    const tok = {
      knidgro: await token(ACTORS.knidgro),
      appeal: await token(ACTORS.appeal),
      it: await token(ACTORS.it),
    };
    say(`preparing targets for ${WRITES} calls of each write operation`);
    const closeAt = Date.now() + 60_000 + WRITES * 150;
    const prepared = await prepare(call, tok, WRITES, closeAt);
    const load: LoadResult[] = [];
    for (const plan of plansBeforeDeadline(prepared, tok, WRITES, READS)) {
      load.push(await runLoad(stack.url, plan));
      say(`${plan.operation}: p50 ${load.at(-1)!.p50} ms, p99 ${load.at(-1)!.p99} ms`);
    }
    say(`waiting for the prepared requests' deadline (${Math.max(0, Math.round((closeAt - Date.now()) / 1000))} s)`);
    await withoutDeadlineWorker(closeAt + 1_000);
    for (const group of plansAfterDeadline(prepared, { knidgro: await token(ACTORS.knidgro) }, WRITES, READS)) {
      for (const plan of group) {
        load.push(await runLoad(stack.url, plan));
        say(`${plan.operation}: p50 ${load.at(-1)!.p50} ms, p99 ${load.at(-1)!.p99} ms`);
      }
    }

    const report = renderReport(usage, load, {
      connections: 10,
      writes: WRITES,
      reads: READS,
      startedAt,
      node: process.version,
    });
    await mkdir(join(RESULTS, '..'), { recursive: true });
    await writeFile(RESULTS, report);
    console.log(`\n${report}`);
    say(`written to ${RESULTS}`);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
