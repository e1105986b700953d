/**
 * `npm run bench:indicators` (also run by `npm run bench`): what the indicators cost DynamoDB.
 *
 * - **The update**: the real `milestone.decided` handler on every counted milestone of the seeded demo history
 *   (fresh, then redelivered), and `indicatorStore.apply` alone: calls, round trips, capacity units, p50.
 * - **The read**: `indicatorStore.read` and `GET /api/indicators` for a cluster with 10 and one with 10,000
 *   accepted milestones over 120 months. The histories are written through the real update path
 *   (`indicatorStore.apply`, the worker's transaction) with some concurrency, so the month items are the real ones.
 *
 * DynamoDB Local in a temporary folder; writes bench/results/indicators.md and prints it.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  EscrowRecord,
  idGenerator,
  milestoneDecided,
  milestoneDelivery,
  scopeKeys,
  type Cluster,
  type Delivery,
  type Month,
} from '@bds/core';
import { ensureTable } from '../../functions/adapters/dynamo/create-table';
import { createDb } from '../../functions/adapters/dynamo/db';
import { withoutKeys } from '../../functions/adapters/dynamo/keys';
import { mailboxStore } from '../../functions/adapters/dynamo/mailbox';
import { measure, meterDb, type DbUsage } from '../../functions/adapters/dynamo/metrics';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { localScheduler } from '../../functions/adapters/scheduler/local';
import { createApp } from '../../functions/api/app';
import { createTokenService } from '../../functions/api/auth/tokens';
import { createPasswordHasher } from '../../functions/api/auth/passwords';
import { startDynamoLocal } from '../../functions/local/dynamo-local';
import { localSigningKey } from '../../functions/local/keys';
import { seedDemoData } from '../../functions/local/seed/seed';
import { silentLogger } from '../../functions/observability/logger';
import { systemClock } from '../../functions/adapters/system';
import { TEST_TIMING } from '../support/timing';
import { onMilestoneDecided } from '../../functions/workers/request-events/handlers/indicators';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const SIZES = [10, Number(process.env.BENCH_MILESTONES ?? 10_000)];
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const READ_RUNS = Number(process.env.BENCH_READ_RUNS ?? 50);
const MONTHS = 120;
const TABLE = 'bds-exchange-bench';
const RESULTS = fileURLToPath(new URL('../../bench/results/indicators.md', import.meta.url));
const say = (line: string) => console.log(`[bench:indicators] ${line}`);

const p50 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)]!;
};
const fmt = (n: number, digits = 1) => (Number.isInteger(n) ? String(n) : n.toFixed(digits));
function commands(list: string[]): string {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ') || '—';
}
const sameShape = (us: DbUsage[]) => new Set(us.map((u) => [...u.commands].sort().join(','))).size === 1;

/** Runs `fn` `runs` times one after another: the usage of each run and the p50 in ms. */
async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<{ usage: DbUsage[]; ms: number[] }> {
  const usage: DbUsage[] = [];
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    usage.push((await measure(() => fn(i))).usage);
    ms.push(performance.now() - t);
  }
  return { usage, ms };
}

/** The last `n` months ending with this one, oldest first. */
function lastMonths(n: number): Month[] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7) as Month;
  });
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const dataDir = await mkdtemp(join(tmpdir(), 'bds-bench-ind-'));
  const dynamo = await startDynamoLocal({ dataDir: join(dataDir, 'dynamodb'), log: () => undefined });
  try {
    const db = meterDb(createDb({ tableName: TABLE, endpoint: dynamo.endpoint }));
    await ensureTable(db.client, TABLE);
    const stores = createStores(db);
    say('seeding the demo (clusters, marketplace, delivered history)');
    await seedDemoData(stores, () => undefined, { history: true });
    const ids = idGenerator(systemClock, (n) => webcrypto.getRandomValues(new Uint8Array(n)));
    const mailbox = mailboxStore(db, { nextId: () => ids.next('mail'), now: () => Date.now() });
    const workerDeps = {
      timing: TEST_TIMING,
      stores,
      log: silentLogger,
      clock: systemClock,
      ids,
      mail: mailbox.sender,
      scheduler: localScheduler(async () => undefined),
      portalUrl: 'http://localhost',
    };

    // The seeded history's counted milestones (the relay is not running: their events were never handled).
    const records: EscrowRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.doc.send(
        new ScanCommand({
          TableName: TABLE,
          ExclusiveStartKey: start,
          FilterExpression: 'entity = :e',
          ExpressionAttributeValues: { ':e': 'escrow' },
        }),
      );
      for (const item of page.Items ?? []) records.push(EscrowRecord.parse(withoutKeys(item)));
      start = page.LastEvaluatedKey;
    } while (start);
    const ctx = { state: 'x', associationName: 'x', bids: 0 };
    const counted = records.flatMap((r) =>
      r.milestones
        .map((m, index) => ({ r, index, status: m.status }))
        .filter(({ r: rec, index }) => milestoneDelivery(rec, index, ctx) !== undefined),
    );
    if (counted.length === 0) throw new Error('the seeded history has no counted milestone');
    const events = counted.map(({ r, index, status }) =>
      milestoneDecided({
        id: ids.next('event'),
        clusterId: r.clusterId,
        requestId: r.requestId,
        index,
        at: new Date().toISOString(),
        correlationId: 'bench',
        status,
      }),
    );
    say(`the milestone.decided handler on ${events.length} counted milestones, then each again (redelivery)`);
    const handlerFresh = await timed(events.length, (i) => onMilestoneDecided(events[i]!, workerDeps, silentLogger));
    const handlerAgain = await timed(events.length, (i) => onMilestoneDecided(events[i]!, workerDeps, silentLogger));

    // Two bench clusters in a state of their own: 10 and 10,000 accepted milestones over 120 months.
    const benchCtx = { state: 'Bench State', associationName: 'BENCH', bids: 4 };
    const template = milestoneDelivery(counted[0]!.r, counted[0]!.index, benchCtx)!;
    const seededCluster = (await stores.clusters.get(counted[0]!.r.clusterId))!;
    const months = lastMonths(MONTHS);
    const clusterOf = (n: number): Cluster => ({
      ...seededCluster,
      id: `clu_bench${n}`,
      name: `Bench cluster ${n}`,
      state: 'Bench State',
      district: 'Bench',
    });
    const deliveryOf = (clusterId: string, i: number): Delivery => {
      const month = months[i % MONTHS]!;
      const requestId = `benchreq-${clusterId}-${i}`;
      const firms = [`bfirm-${i % 4000}`, `bfirm-${(i * 7 + 1) % 4000}`];
      return {
        ...template,
        clusterId,
        state: 'Bench State',
        requestId,
        index: 0,
        key: `${requestId}#0`,
        month,
        at: `${month}-15T10:00:00.000Z`,
        firms,
        underServed: i % 3 === 0 ? [firms[0]!] : [],
        providerId: `bprov-${i % 7}`,
        associationId: `bassoc-${i % 5}`,
        associationName: `BENCH ${i % 5}`,
      };
    };
    const apply = await timed(30, (i) => stores.indicators.apply(deliveryOf('clu_benchapply', i)));
    const bulk: { n: number; seconds: number; usage: DbUsage }[] = [];
    for (const n of SIZES) {
      const clusterId = `clu_bench${n}`;
      await stores.clusters.create(clusterOf(n));
      say(`writing ${n} accepted milestones through indicatorStore.apply (${CONCURRENCY} at a time)`);
      const t = performance.now();
      const { usage } = await measure(async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(CONCURRENCY, n) }, async () => {
            while (next < n) {
              const i = next++;
              const applied = await stores.indicators.apply(deliveryOf(clusterId, i));
              if (!applied) throw new Error(`milestone ${i} not applied`);
            }
          }),
        );
      });
      bulk.push({ n, seconds: (performance.now() - t) / 1000, usage });
    }

    // The API on the same table (a public route: no token needed, but the app wants a signer).
    const app = createApp({
      stores,
      clock: systemClock,
      timing: TEST_TIMING,
      ids,
      mail: mailbox.sender,
      portalUrl: 'http://localhost',
      log: silentLogger,
      version: 'bench',
      tokens: await createTokenService({ privateJwk: await localSigningKey(dataDir), issuer: 'bds-exchange' }),
      passwords: createPasswordHasher(),
    });
    const from = months[0]!;
    const to = months.at(-1)!;
    const reads: {
      n: number;
      store: Awaited<ReturnType<typeof timed>>;
      api: Awaited<ReturnType<typeof timed>>;
      items: number;
      milestones: number;
      delivered: string;
      scale: number;
    }[] = [];
    for (const n of SIZES) {
      const clusterId = `clu_bench${n}`;
      say(`reading ${n}: ${READ_RUNS} store reads and ${READ_RUNS} GET /api/indicators, ${from}..${to}`);
      const { months: items } = await stores.indicators.read(scopeKeys.cluster(clusterId), from, to);
      const store = await timed(READ_RUNS, () => stores.indicators.read(scopeKeys.cluster(clusterId), from, to));
      let body: { scale: number; delivered: { amount: number | string; currency: string } } | undefined;
      const api = await timed(READ_RUNS, async () => {
        const res = await app.request(`/api/indicators?clusterId=${clusterId}&from=${from}&to=${to}`);
        if (res.status !== 200) throw new Error(`GET /api/indicators ${res.status}: ${await res.text()}`);
        body = (await res.json()) as typeof body;
      });
      const milestones = items.reduce((s, m) => s + Number(m.n ?? 0), 0);
      reads.push({
        n,
        store,
        api,
        items: items.length,
        milestones,
        scale: body!.scale,
        delivered: `${body!.delivered.currency} ${body!.delivered.amount}`,
      });
    }

    const usageRow = (label: string, r: { usage: DbUsage[]; ms: number[] }) => {
      const u = r.usage[0]!;
      const units = r.usage.map((x) => x.readUnits);
      const wunits = r.usage.map((x) => x.writeUnits);
      const range = (xs: number[]) => {
        const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
        return lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`;
      };
      return (
        `| ${label} | ${commands(u.commands)}${sameShape(r.usage) ? '' : ' (varies)'} ` +
        `| ${u.readCalls} / ${u.writeCalls} | ${u.readRoundTrips} / ${u.writeRoundTrips} ` +
        `| ${range(units)} / ${range(wunits)} | ${fmt(p50(r.ms))} | ${r.ms.length} |`
      );
    };
    const report = [
      '# Indicators benchmark: the aggregate update and the dashboard read',
      '',
      `Run ${startedAt} on Node ${process.version}, DynamoDB Local, one process, loopback. Generated by`,
      '`npm run bench:indicators` (`tests/bench/indicators.bench.ts`; `npm run bench` runs it after the API bench).',
      '',
      'Calls, round trips and capacity come from the metered document client (`meterDb`, `ReturnConsumedCapacity:',
      "'TOTAL'`), as in `api.md`: a round trip is a wave of calls in flight together. RCU / WCU are what DynamoDB",
      'Local reports (compare with them, do not price with them: Local does not follow AWS for transactions).',
      'p50 is over the runs listed, one at a time.',
      '',
      '## The update (`milestone.decided`)',
      '',
      `The worker's handler on the ${events.length} counted milestones of the seeded demo history (its relay is not`,
      'running, so each is new), then on each again as a redelivery; `indicatorStore.apply` alone on fresh deliveries.',
      '',
      '| operation | DynamoDB commands | calls R / W | round trips R / W | RCU / WCU | p50 ms | runs |',
      '|---|---|---|---|---|---|---|',
      usageRow('handler, new milestone', handlerFresh),
      usageRow('handler, redelivered (marker found, adds nothing)', handlerAgain),
      usageRow('indicatorStore.apply, new milestone', apply),
      '',
      'The handler reads the escrow record, the cluster and the evaluation together, then the association;',
      'the update is one `TransactWriteItems` (the marker Put + the cluster, state and national months) and then',
      'one conditional `UpdateItem` per scope lowering `FIRST` (sent together; a refusal means "already earlier").',
      '',
      '## Writing the histories (bulk, through `indicatorStore.apply`)',
      '',
      '| accepted milestones | concurrency | seconds | calls R / W | WCU | WCU per milestone |',
      '|---|---|---|---|---|---|',
      ...bulk.map(
        (b) =>
          `| ${b.n} | ${Math.min(CONCURRENCY, b.n)} | ${fmt(b.seconds)} ` +
          `| ${b.usage.readCalls} / ${b.usage.writeCalls} ` +
          `| ${fmt(b.usage.writeUnits)} | ${fmt(b.usage.writeUnits / b.n, 2)} |`,
      ),
      '',
      '## The read (`GET /api/indicators?clusterId=…`)',
      '',
      `A cluster's ${MONTHS} months (${from} to ${to}), each history spread evenly over them. The store read is`,
      '`indicatorStore.read` (one Query of the month items + one BatchGetItem of `FIRST`, sent together);',
      'the API adds the cluster GetItem and one BatchGetItem of the funders the months name.',
      '',
      '| accepted milestones | month items | read | DynamoDB commands | calls R / W | round trips R / W ' +
        '| RCU | p50 ms | runs |',
      '|---|---|---|---|---|---|---|---|---|',
      ...reads.flatMap((r) =>
        (['store', 'api'] as const).map((kind) => {
          const x = r[kind];
          const u = x.usage[0]!;
          const label = kind === 'store' ? 'indicatorStore.read' : 'GET /api/indicators';
          const varies = sameShape(x.usage) ? '' : ' (varies)';
          return (
            `| ${r.milestones} | ${r.items} | ${label} | ${commands(u.commands)}${varies} ` +
            `| ${u.readCalls} / ${u.writeCalls} | ${u.readRoundTrips} / ${u.writeRoundTrips} ` +
            `| ${fmt(p50(x.usage.map((v) => v.readUnits)))} ` +
            `| ${fmt(p50(x.ms))} | ${x.ms.length} |`
          );
        }),
      ),
      '',
      ...reads.map(
        (r) =>
          `- ${r.milestones} milestones: the API answered delivered ${r.delivered} (minor units), ` +
          `scale ${r.scale}.`,
      ),
      '',
      "The Query's calls and round trips stay the same whatever the number of milestones: the months are the items,",
      'not the awards. Its capacity and latency grow with the size of the month items (their firm sets and per-request',
      'attributes), which the history length does not bound by itself; see docs/indicators.md, "Limits".',
      '',
    ].join('\n');
    await mkdir(join(RESULTS, '..'), { recursive: true });
    await writeFile(RESULTS, report);
    console.log(`\n${report}`);
    say(`written to ${RESULTS}`);
  } finally {
    await dynamo.stop();
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
