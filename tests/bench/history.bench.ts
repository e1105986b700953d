/**
 * `npm run bench:history`: the costs that used to grow with history, at 10 and at 10,000 earlier requests.
 *
 * - **Repeat count**: the old recount (a Query over every request of the cluster) beside the counter read
 *   (one GetItem), and the whole award (`makeAward`: counter read + one transaction).
 * - **A provider's open requests across its 3 clusters**: `GET /api/me/open-requests` (one HTTP call) beside what
 *   the portal did before (per cluster: `GET /api/clusters/:c` + `GET …/requests?status=open`).
 *
 * DynamoDB calls, round trips (waves of calls in flight together) and the capacity units DynamoDB Local reports
 * (`ReturnConsumedCapacity: 'TOTAL'`, via the metering middleware). DynamoDB Local in memory; writes
 * bench/results/history.md and prints it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '@bds/core';
import { ensureTable } from '../../functions/adapters/dynamo/create-table';
import { createDb } from '../../functions/adapters/dynamo/db';
import { measure, meterDb, type DbUsage } from '../../functions/adapters/dynamo/metrics';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { createApp } from '../../functions/api/app';
import { createTokenService } from '../../functions/api/auth/tokens';
import { createPasswordHasher } from '../../functions/api/auth/passwords';
import type { Deps } from '../../functions/api/deps';
import { startDynamoLocal } from '../../functions/local/dynamo-local';
import { localSigningKey } from '../../functions/local/keys';
import { CLUSTERS, PROVIDERS } from '../../functions/local/seed/data';
import { silentLogger } from '../../functions/observability/logger';
import { makeAward } from '../../functions/use-cases/award-request';
import { TEST_TIMING } from '../support/timing';
import { KNIDGRO, LUDHIANA, PROVIDER_CLUSTERS, T0, evaluatedRequest, ids, rep, writeHistory } from './history/world';

const HISTORIES = [10, 10_000];
const RESULTS = fileURLToPath(new URL('../../bench/results/history.md', import.meta.url));
const say = (line: string) => console.log(`[bench:history] ${line}`);

interface Row {
  operation: string;
  history: number;
  http: number;
  usage: DbUsage;
}

async function measureHistory(endpoint: string, dataDir: string, history: number): Promise<Row[]> {
  const db = meterDb(createDb({ tableName: `history-${history}`, endpoint }));
  await ensureTable(db.client, db.table);
  const stores = createStores(db);
  const clock = fixedClock(T0 + 3 * 86_400_000);
  for (const c of Object.values(CLUSTERS)) await stores.clusters.create(c);
  const deps: Deps = {
    stores,
    clock,
    ids,
    mail: { send: async () => undefined } as unknown as Deps['mail'],
    portalUrl: 'http://localhost',
    log: silentLogger,
    version: 'bench',
    tokens: await createTokenService({ privateJwk: await localSigningKey(dataDir), issuer: 'bds-exchange' }),
    passwords: createPasswordHasher(),
    timing: TEST_TIMING,
  };
  const first = await evaluatedRequest(stores);
  const template = (await makeAward({ stores, clock, ids }, first, rep, {}, 'bench')).next;
  const started = performance.now();
  await writeHistory(stores, template, history);
  say(`history ${history}: written in ${Math.round(performance.now() - started)} ms`);

  const rows: Row[] = [];
  const row = async (operation: string, http: number, run: () => Promise<unknown>) => {
    await run(); // warm: the first call of a client pays for connections, not for the data
    const { usage } = await measure(run);
    rows.push({ operation, history, http, usage });
  };
  const key = { clusterId: LUDHIANA, associationId: KNIDGRO, category: 'training' };
  const at = new Date(clock.now()).toISOString();
  const recount = { ...key, awardedAt: at, requestId: `req_${'Z'.repeat(26)}` };
  await row('repeat count: recount (before)', 0, () => stores.escrow.earlierAwards(recount));
  await row('repeat count: counter read (now)', 0, () => stores.repeatCounts.read(key));
  const award = async () => {
    const found = await evaluatedRequest(stores);
    const { usage, result } = await measure(() => makeAward({ stores, clock, ids }, found, rep, {}, 'bench'));
    if (result.next.award?.repeatCount === undefined) throw new Error('award not stamped');
    return usage;
  };
  await award();
  rows.push({ operation: 'award (counter read + transaction)', history, http: 0, usage: await award() });

  const app = createApp(deps);
  const provider = { userId: 'usr_bench', role: 'provider' as const, organisationId: PROVIDERS.itTraining.id };
  const token = (await deps.tokens.issue({ ...provider, clusterIds: PROVIDER_CLUSTERS })).token;
  const get = async (path: string) => {
    const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  await row(`open requests, ${PROVIDER_CLUSTERS.length} clusters: GET /api/me/open-requests (now)`, 1, () =>
    get('/api/me/open-requests?limit=20'),
  );
  await row(
    `open requests, ${PROVIDER_CLUSTERS.length} clusters: the portal's fan-out (before)`,
    2 * PROVIDER_CLUSTERS.length,
    () =>
      Promise.all(
        PROVIDER_CLUSTERS.flatMap((c) => [get(`/api/clusters/${c}`), get(`/api/clusters/${c}/requests?status=open`)]),
      ),
  );
  return rows;
}

function render(rows: Row[], meta: { startedAt: string; load: string }): string {
  const lines = [
    '# History benchmark: costs that must not grow with history',
    '',
    `Run ${meta.startedAt} on Node ${process.version}, DynamoDB Local (in memory); load average at the start ` +
      `${meta.load}. Generated by \`npm run bench:history\` (tests/bench/history.bench.ts); do not edit.`,
    '',
    '- One cluster (Ludhiana) with 10 and with 10,000 earlier awarded requests of one association and category',
    "  (copies of a real award's item), its repeat counter, and 5 open requests in each of a provider's 3 clusters.",
    '- Calls and round trips are counted by the metering middleware; a round trip is a wave of calls in flight',
    "  together. RCU / WCU are what DynamoDB Local reports with `ReturnConsumedCapacity: 'TOTAL'`: compare",
    '  operations with them; AWS bills transactions at 2× (see bench/results/cost.md when it exists).',
    "- HTTP: calls from the browser. The per-cluster fan-out counts each cluster's two calls; the browser sends them",
    '  together, so they are one wave of HTTP but six requests through API Gateway and Lambda.',
    '',
    '| operation | earlier requests | HTTP calls | DynamoDB calls R / W | round trips R / W | RCU / WCU | commands |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const u = r.usage;
    const commands = [...new Set(u.commands)].map((c) => `${c} ×${u.commands.filter((x) => x === c).length}`);
    lines.push(
      `| ${r.operation} | ${r.history.toLocaleString('en-US')} | ${r.http || '–'} | ` +
        `${u.readCalls} / ${u.writeCalls} | ${u.readRoundTrips} / ${u.writeRoundTrips} | ` +
        `${u.readUnits} / ${u.writeUnits} | ${commands.join(', ')} |`,
    );
  }
  const flat = (op: string) => {
    const [small, large] = HISTORIES.map((h) => rows.find((r) => r.operation === op && r.history === h)!.usage);
    return small!.readUnits === large!.readUnits && small!.readCalls === large!.readCalls;
  };
  const ops = [...new Set(rows.map((r) => r.operation))];
  lines.push(
    '',
    'Constant whatever the history (same calls and read units at 10 and 10,000): ' +
      ops.map((op) => `${op}: **${flat(op) ? 'yes' : 'no'}**`).join('; ') +
      '.',
    '',
    'Not measured yet: the roles\' "to do" lists (`GET /api/me/todo` is not built; the home pages still fan out).',
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  const dataDir = await mkdtemp(join(tmpdir(), 'bds-history-'));
  const dynamo = await startDynamoLocal({ log: () => undefined });
  try {
    const rows: Row[] = [];
    for (const history of HISTORIES) rows.push(...(await measureHistory(dynamo.endpoint, dataDir, history)));
    const report = render(rows, { startedAt, load });
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
