/**
 * `npm run bench:load [-- --seconds 10]`: 50 users of mixed roles (association reps posting, pledging and
 * awarding, providers bidding, cluster admins reading) for 60 s against the local stack (DynamoDB Local in memory,
 * the real API, relay and worker), then drains the queues and checks that no call failed and that every outbox event
 * was delivered to the worker. Beside each operation's p50/p99: the floor's, a bare `node:http` server doing one
 * `GetItem` (reads) or one conditional `PutItem` (writes) for the same 50 users. Writes bench/results/load.md.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { defaultClusterPolicy } from '@bds/core';
import { createDb } from '../../functions/adapters/dynamo/db';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { requestKeys } from '../../functions/adapters/dynamo/requests';
import { createTokenService } from '../../functions/api/auth/tokens';
import { localSigningKey } from '../../functions/local/keys';
import { CLUSTERS } from '../../functions/local/seed/data';
import { startLocalStack } from '../../functions/local/stack';
import { TEST_SCRYPT } from '../support/passwords';
import { TEST_TIMING } from '../support/timing';
import { startBareServer } from './api/overhead';
import { requestBody } from './api/scenario';
import { LOAD_ACTORS, USERS, loadWorld, type CallRecord, type LoadActor } from './load/users';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SECONDS = Number(arg('seconds') ?? 60);
const FLOOR_SECONDS = Math.max(5, Math.round(SECONDS / 4));
const RESULTS = fileURLToPath(new URL('../../bench/results/load.md', import.meta.url));
const say = (line: string) => console.log(`[bench:load] ${line}`);
const READS = new Set(['GET']);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0]!;
  const dataDir = await mkdtemp(join(tmpdir(), 'bds-load-'));
  const delivered = new Set<string>();
  const wrap = (handler: (e: SQSEvent) => Promise<SQSBatchResponse | void>) => async (event: SQSEvent) => {
    const out = await handler(event);
    const failed = new Set((out?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    for (const r of event.Records)
      if (!failed.has(r.messageId)) delivered.add((JSON.parse(r.body) as { id: string }).id);
    return out;
  };
  const stack = await startLocalStack({
    port: 0,
    dataDir,
    reset: true,
    inMemory: true,
    seed: true,
    logLevel: 'error',
    log: () => undefined,
    timing: TEST_TIMING,
    scrypt: TEST_SCRYPT,
    worker: { wrap },
  });
  try {
    const db = createDb({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint });
    const stores = createStores(db);
    // The national maximum, so that 50 users in one cluster meet no 429 (the limit has its own tests).
    const ludhiana = CLUSTERS.ludhiana.id;
    const policy = (await stores.clusters.getPolicy(ludhiana)) ?? defaultClusterPolicy();
    await stores.clusters.putPolicy(
      ludhiana,
      { ...policy, requestsPerMinute: 6_000 },
      {
        id: 'aud_load',
        clusterId: ludhiana,
        at: startedAt,
        actorId: LOAD_ACTORS.admin.userId,
        actorRole: 'cluster_admin',
        action: 'policy.updated',
        subject: ludhiana,
        reason: 'The load bench lifts the per-minute limit to the national maximum.',
      },
    );
    const tokens = await createTokenService({ privateJwk: await localSigningKey(dataDir), issuer: 'bds-exchange' });
    const tok = Object.fromEntries(
      await Promise.all(Object.entries(LOAD_ACTORS).map(async ([k, a]) => [k, (await tokens.issue(a)).token])),
    ) as Record<LoadActor, string>;
    await stack.queues.drain();

    // Bidding stays open 25 s: requests posted in the first half of the run close, are evaluated and awarded in it.
    const world = loadWorld(stack.url, tok, { biddingMs: 25_000, marginMs: 5_000 });
    await world.prepare();
    say(`${USERS.length} users for ${SECONDS} s on ${stack.url}`);
    const cpu = process.cpuUsage();
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(USERS.map((who) => world.user(who, until)));
    const { user, system } = process.cpuUsage(cpu);
    say(`${world.records.length} calls; draining the relay and the worker`);
    await drain(stack.queues.drain);

    const outbox = await scanOutbox(db);
    const lost = outbox.filter((id) => !delivered.has(id));
    const deadLettered = stack.queues.requestEvents.stats().deadLettered;

    say(`the floor: a bare server, ${USERS.length} users, ${FLOOR_SECONDS} s each for GetItem and PutItem`);
    const published = world.open[0]?.id ?? 'none';
    const bare = await startBareServer(db, requestKeys.item(ludhiana, published));
    const floor = { read: await floorRun(`${bare.url}/get`, 'GET'), write: await floorRun(`${bare.url}/put`, 'POST') };
    bare.server.close();

    const md = render({
      startedAt,
      load: `Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after.`,
      records: world.records,
      cpuSeconds: (user + system) / 1e6,
      outbox: outbox.length,
      lost,
      deadLettered,
      floor,
      awarded: world.open.filter((o) => o.settled).length,
      posted: world.open.length,
    });
    await writeFile(RESULTS, md);
    console.log(md);
    if (world.records.some((r) => !r.ok) || lost.length > 0 || deadLettered > 0) process.exitCode = 1;
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Drains, retrying while a busy machine makes the relay's or the queue's own timeout run out (2 minutes at most). */
async function drain(once: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once();
    } catch (error) {
      if (attempt >= 12) throw error;
      say(`still draining (${String(error)})`);
    }
  }
}

/** Every event id in the transactional outbox (a bench may scan; the app never does). */
async function scanOutbox(db: ReturnType<typeof createDb>): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new ScanCommand({
        TableName: db.table,
        FilterExpression: 'entity = :e',
        ExpressionAttributeValues: { ':e': 'outbox' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) ids.push((item.event as { id: string }).id);
    start = out.LastEvaluatedKey;
  } while (start);
  return ids;
}

/** 50 users calling the bare server one call after another for FLOOR_SECONDS: latencies in ms. */
async function floorRun(url: string, method: 'GET' | 'POST'): Promise<number[]> {
  const ms: number[] = [];
  const body = JSON.stringify(requestBody(Date.now(), 86_400_000));
  const until = Date.now() + FLOOR_SECONDS * 1000;
  await Promise.all(
    USERS.map(async () => {
      while (Date.now() < until) {
        const t = performance.now();
        const res = await fetch(url, {
          method,
          ...(method === 'POST' ? { body, headers: { 'content-type': 'application/json' } } : {}),
        });
        await res.text();
        ms.push(performance.now() - t);
      }
    }),
  );
  return ms;
}

function render(r: {
  startedAt: string;
  load: string;
  records: CallRecord[];
  cpuSeconds: number;
  outbox: number;
  lost: string[];
  deadLettered: number;
  floor: { read: number[]; write: number[] };
  awarded: number;
  posted: number;
}): string {
  const byOp = new Map<string, CallRecord[]>();
  for (const c of r.records) byOp.set(c.operation, [...(byOp.get(c.operation) ?? []), c]);
  const method = (op: string) => (/^(get|list)/.test(op) ? 'GET' : 'POST');
  const f = (n: number) => n.toFixed(0);
  const rows = [...byOp].map(([op, cs]) => {
    const ms = cs.map((c) => c.ms);
    const fl = READS.has(method(op)) ? r.floor.read : r.floor.write;
    return (
      `| ${op} | ${cs.length} | ${cs.filter((c) => !c.ok).length} | ${f(pct(ms, 50))} / ${f(pct(ms, 99))} | ` +
      `${READS.has(method(op)) ? 'GetItem' : 'PutItem'}: ${f(pct(fl, 50))} / ${f(pct(fl, 99))} | ` +
      `${(pct(ms, 50) / Math.max(1, pct(fl, 50))).toFixed(1)}× |`
    );
  });
  const errors = r.records.filter((c) => !c.ok);
  const ok = errors.length === 0 && r.lost.length === 0 && r.deadLettered === 0;
  return [
    '# Load: 50 users of mixed roles against the local stack',
    '',
    `Generated by \`npm run bench:load\` on ${r.startedAt}, Node ${process.version}: the local stack (DynamoDB Local`,
    'in memory, the API, the outbox relay, the request-events worker and the scheduler in one process), 20',
    'association reps (posting, publishing, pledging firms, awarding once the deadline worker has evaluated), 20',
    'providers (bidding, reading their bids and the open requests), 10 cluster admins (reading). Each user makes one',
    `call after another for ${SECONDS} s; bidding stays open 25 s, so requests close and are awarded during the run.`,
    'The users run in the same process as the stack (the machine has 2 cores): latencies are an upper bound.',
    `The floor: a bare \`node:http\` server in the same process doing one \`GetItem\` (reads) or one conditional`,
    `\`PutItem\` (writes) for the same 50 users, one call after another for ${FLOOR_SECONDS} s each.`,
    `- ${r.load}`,
    `- CPU of the process during the run: ${r.cpuSeconds.toFixed(1)} s (${(r.cpuSeconds / SECONDS).toFixed(2)} cores).`,
    '',
    `**${ok ? 'Passed' : 'FAILED'}**: ${r.records.length} calls, ${errors.length} errors; ${r.outbox} outbox events, ` +
      `${r.outbox - r.lost.length} delivered, ${r.lost.length} lost, ${r.deadLettered} dead-lettered; ` +
      `${r.posted} requests published, ${r.awarded} closed and settled (awarded, or closed without bids).`,
    '',
    '| operation | calls | errors | p50 / p99 ms | floor p50 / p99 ms | p50 ÷ floor |',
    '|---|--:|--:|--:|--:|--:|',
    ...rows,
    '',
    ...(errors.length > 0
      ? ['First errors:', '', ...errors.slice(0, 5).map((e) => `- ${e.operation}: ${e.detail?.slice(0, 200)}`), '']
      : []),
  ].join('\n');
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
