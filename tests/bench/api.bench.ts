/**
 * `npm run bench`: the API's cost in DynamoDB and its latency under load, per operation.
 * Starts the local stack (DynamoDB Local + API, seeded) in a temporary folder, measures every
 * marketplace operation once through a metered in-process copy of the app on the same table,
 * then loads the running server with autocannon. Writes bench/results/api.md and prints it.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClusterPolicy, idGenerator } from '@bds/core';
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
import { ACTORS, requestBody, runScenario } from './api/scenario';
import { billDb, billed, type Billed } from './api/billing';
import { measureOverhead, renderOverhead, startBareServer, type PairResult } from './api/overhead';
import { workerMeter } from './api/worker-meter';
import { summariseWorkers, type ApiJson } from './api/json';
import { requestKeys } from '../../functions/adapters/dynamo/requests';
import { CLUSTERS } from '../../functions/local/seed/data';

const WRITES = Number(process.env.BENCH_WRITES ?? 100);
const READS = Number(process.env.BENCH_READS ?? 400);
const OVERHEAD_RUNS = Number(process.env.BENCH_OVERHEAD_RUNS ?? 5);
/** Scales the calls of each overhead run (1: 2,000 / 600 / 400), for a quicker run on a busy machine. */
const OVERHEAD_SCALE = Number(process.env.BENCH_OVERHEAD_SCALE ?? 1);
const RESULTS = fileURLToPath(new URL('../../bench/results/api.md', import.meta.url));
const JSON_RESULTS = fileURLToPath(new URL('../../bench/results/api.json', import.meta.url));
/** The limit the bench gives its cluster (the national maximum), so that the load meets no 429. */
const LIMIT_PER_MINUTE = 6_000;
const sleepUntil = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
const say = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0]!;
  let pending: () => readonly string[] = () => [];
  const workers = workerMeter(() => pending());
  const dataDir = await mkdtemp(join(tmpdir(), 'bds-bench-'));
  const stack = await startLocalStack({
    port: 0,
    dataDir,
    reset: true,
    seed: true,
    logLevel: 'error',
    log: () => undefined,
    timing: TEST_TIMING,
    instrument: { db: billDb },
    worker: { wrap: workers.wrap },
  });
  pending = () => stack.scheduler.pending();
  try {
    say(`local stack on ${stack.url}, DynamoDB Local on ${stack.dynamoEndpoint}`);
    // A metered copy of the app on the same table, signing with the stack's key so tokens work on both.
    const db = billDb(meterDb(createDb({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint })));
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

    // Before any call reads it (the limiter caches a policy 30 s): the national maximum for the bench's cluster.
    const ludhiana = CLUSTERS.ludhiana.id;
    const policy = (await deps.stores.clusters.getPolicy(ludhiana)) ?? defaultClusterPolicy();
    await deps.stores.clusters.putPolicy(
      ludhiana,
      { ...policy, requestsPerMinute: LIMIT_PER_MINUTE },
      {
        id: ids.next('audit'),
        clusterId: ludhiana,
        at: new Date().toISOString(),
        actorId: ACTORS.admin.userId,
        actorRole: ACTORS.admin.role,
        action: 'policy.updated',
        subject: ludhiana,
        reason: 'The API bench lifts the per-minute limit to the national maximum.',
      },
    );
    await stack.queues.drain(); // the seed's events, handled alone
    say(`API overhead against a bare server, ${OVERHEAD_RUNS} interleaved runs`);
    const overhead = await measureAgainstBare(stack.url, db, await token(ACTORS.knidgro), call, OVERHEAD_RUNS);

    // The bench measures the association's close; the deadline worker would close first, so its schedules are dropped.
    const withoutDeadlineWorker = async (deadline: number) => {
      await stack.queues.drain();
      for (const name of stack.scheduler.pending())
        if (name.startsWith('deadline:')) await stack.scheduler.cancel(name);
      await sleepUntil(deadline);
    };

    await stack.queues.drain();
    const eventsBefore = workers.samples.length;
    say('measuring DynamoDB calls and capacity, one call of each operation');
    const usage = new Map<string, DbUsage>();
    const bills = new Map<string, { bill: Billed; ms: number; cpuMs: number }>();
    await runScenario(
      {
        call,
        token,
        now: () => Date.now(),
        passDeadline: withoutDeadlineWorker,
        measure: async (operation, run) => {
          const t = performance.now();
          const cpu = process.cpuUsage();
          const { result: inner, bill } = await billed(() => measure(run));
          const { user, system } = process.cpuUsage(cpu);
          bills.set(operation, { bill, ms: performance.now() - t, cpuMs: (user + system) / 1000 });
          usage.set(operation, inner.usage);
          return inner.result;
        },
      },
      { deadlineInMs: 5_000 },
    );

    await stack.queues.drain();
    const lifecycleEvents: Record<string, number> = {};
    // Later samples share the process with the load phases: their CPU and time would say more about the load.
    const quietSamples = workers.samples.slice();
    for (const s of workers.samples.slice(eventsBefore)) lifecycleEvents[s.type] = (lifecycleEvents[s.type] ?? 0) + 1;

    const tok = {
      knidgro: await token(ACTORS.knidgro),
      appeal: await token(ACTORS.appeal),
      it: await token(ACTORS.it),
    };
    say(`preparing targets for ${WRITES} calls of each write operation`);
    // Room for preparing on a busy machine (at 150 ms a target, 100 targets outlived their deadline under load 15).
    const closeAt = Date.now() + 60_000 + WRITES * 600;
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

    await stack.queues.drain();
    const loadNote = `Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after.`;
    const report = [
      renderReport(usage, load, { connections: 10, writes: WRITES, reads: READS, startedAt, node: process.version }),
      `${loadNote}\n`,
      ...renderOverhead(overhead),
    ].join('\n');
    const byOp = new Map(load.map((l) => [l.operation, l]));
    const json: ApiJson = {
      startedAt,
      node: process.version,
      loadAverage: { before: loadBefore, after: loadavg()[0]! },
      operations: [...usage].map(([operation, u]) => ({
        operation,
        commands: u.commands,
        ...bills.get(operation)!.bill,
        ms: bills.get(operation)!.ms,
        cpuMs: bills.get(operation)!.cpuMs,
        roundTrips: u.readRoundTrips + u.writeRoundTrips,
        p50: byOp.get(operation)?.p50,
        p99: byOp.get(operation)?.p99,
      })),
      workers: summariseWorkers(quietSamples),
      lifecycleEvents,
      overhead,
    };
    await writeFile(JSON_RESULTS, `${JSON.stringify(json, null, 2)}\n`);
    await mkdir(join(RESULTS, '..'), { recursive: true });
    await writeFile(RESULTS, report);
    console.log(`\n${report}`);
    say(`written to ${RESULTS}`);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The three ratios of issue 15: /health, reading one request, posting a draft, each against its floor. */
async function measureAgainstBare(
  url: string,
  db: Deps['stores']['db'],
  knidgro: string,
  call: (method: string, path: string, init?: { token?: string; body?: unknown }) => Promise<{ body: unknown }>,
  runs: number,
): Promise<PairResult[]> {
  const reqs = `/api/clusters/${CLUSTERS.ludhiana.id}/requests`;
  const posted = (await call('POST', reqs, { token: knidgro, body: requestBody(Date.now(), 86_400_000) })).body;
  const id = (posted as { id: string }).id;
  await call('POST', `${reqs}/${id}/publish`, { token: knidgro });
  const bare = await startBareServer(db, requestKeys.item(CLUSTERS.ludhiana.id, id));
  const auth = { authorization: `Bearer ${knidgro}` };
  const json = { 'content-type': 'application/json' };
  const draft = JSON.stringify(requestBody(Date.now(), 86_400_000));
  try {
    return await measureOverhead(
      [
        {
          name: '`/health` ÷ a bare `node:http` server',
          calls: Math.round(2_000 * OVERHEAD_SCALE),
          api: { url: `${url}/health`, method: 'GET' },
          bare: { url: `${bare.url}/health`, method: 'GET' },
        },
        {
          name: 'reading one request (JWT, tenant guard, validation) ÷ one `GetItem`',
          calls: Math.round(600 * OVERHEAD_SCALE),
          limitedCluster: CLUSTERS.ludhiana.id,
          api: { url: `${url}${reqs}/${id}`, method: 'GET', headers: auth },
          bare: { url: `${bare.url}/get`, method: 'GET' },
        },
        {
          name: 'posting a draft ÷ one conditional `PutItem`',
          calls: Math.round(400 * OVERHEAD_SCALE),
          limitedCluster: CLUSTERS.ludhiana.id,
          api: { url: `${url}${reqs}`, method: 'POST', headers: { ...auth, ...json }, body: draft },
          bare: { url: `${bare.url}/put`, method: 'POST', headers: json, body: draft },
        },
      ],
      runs,
      { limitPerMinute: LIMIT_PER_MINUTE, say },
    );
  } finally {
    bare.server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
