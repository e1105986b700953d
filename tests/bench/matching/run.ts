/**
 * `npm run bench:matching`: every size and bid variant in its own child process (clean peak
 * memory; a HiGHS run that blows its budget cannot take the bench down), then the markdown
 * table in bench/results/matching.md, also printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { CaseSpec, HighsResult, OursResult } from './case';
import { highsAgrees, markdown, type Row } from './report';
import { evaluateTargets } from './targets';

const SIZES = [
  { requests: 100, providers: 20, runs: 51 },
  { requests: 1_000, providers: 200, runs: 31 },
  { requests: 10_000, providers: 2_000, runs: 21 },
  { requests: 100_000, providers: 20_000, runs: 5 },
  { requests: 1_000_000, providers: 200_000, runs: 3 },
];
const VARIANTS = [
  { bidsPerRequest: '1–25', minBids: 1 },
  { bidsPerRequest: '25', minBids: 25 },
];
/** HiGHS gets this long per solve (wall clock); raise it with BENCH_HIGHS_SECONDS to try larger sizes. */
const HIGHS_SECONDS = Number(process.env.BENCH_HIGHS_SECONDS ?? 150);
/**
 * How much longer HiGHS takes for 10× the size, to skip a solve that cannot fit the budget: IPM
 * went from 30 s to 686 s wall (8 s to 93 s CPU) between 10,000 and 100,000 requests here.
 */
const GROWTH = 15;

const root = new URL('../../../', import.meta.url);
const caseFile = new URL('./case.ts', import.meta.url).pathname;

function child<T>(spec: CaseSpec, timeoutMs: number): T | { error: string } {
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', '--expose-gc', '--import', 'tsx', caseFile, JSON.stringify(spec)],
    {
      cwd: root.pathname,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 1 << 24,
    },
  );
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{'))
    return { error: run.error?.message ?? (run.stderr.trim().split('\n').pop() || `exit ${run.status}`) };
  return JSON.parse(line) as T;
}

const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
const loadBefore = loadavg();
const rows: Row[] = [];
for (const variant of VARIANTS) {
  let highsStop: string | undefined; // once HiGHS is out of budget, larger sizes are not tried
  for (const size of SIZES) {
    const spec: CaseSpec = {
      ...size,
      minBids: variant.minBids,
      maxBids: 25,
      maxCapacity: 10,
      maxScore: 10_000,
      seed: 20_260_101,
      solver: 'ours',
      highsTimeLimitSeconds: HIGHS_SECONDS,
    };
    const label = `${size.requests.toLocaleString('en-US')} × ${size.providers.toLocaleString('en-US')}`;
    process.stderr.write(`${label}, ${variant.bidsPerRequest} bids: ours… `);
    const ours = child<OursResult>(spec, 15 * 60_000);
    if ('error' in ours) throw new Error(`${label}: ${ours.error}`);
    let highs: Row['highs'];
    if (highsStop) highs = { skipped: `not tried: ${highsStop}` };
    else {
      process.stderr.write('HiGHS… ');
      const run = child<HighsResult>({ ...spec, solver: 'highs' }, (HIGHS_SECONDS + 120) * 1000);
      highs = 'error' in run ? { skipped: `failed: ${run.error}` } : run;
      const seconds = 'error' in run ? NaN : Math.round(run.wallMs / 1000);
      if ('error' in run) highsStop = `HiGHS failed at ${label}`;
      else if (run.status !== 'optimal') highsStop = `HiGHS ended ${run.status} at ${label}`;
      else if (run.wallMs * GROWTH > HIGHS_SECONDS * 1000) {
        highsStop = `${label} took ${seconds} s; ${GROWTH}× that passes the ${HIGHS_SECONDS} s budget`;
      }
    }
    const row: Row = {
      label,
      requests: size.requests,
      providers: size.providers,
      bidsPerRequest: variant.bidsPerRequest,
      ours,
      highs,
    };
    rows.push(row);
    process.stderr.write(`done (agrees: ${highsAgrees(row) ?? 'n/a'})\n`);
  }
}

const machine = {
  nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  loadBefore,
  loadAfter: loadavg(),
};
const text = markdown(rows, machine, evaluateTargets(rows));
mkdirSync(new URL('bench/results/', root), { recursive: true });
writeFileSync(new URL('bench/results/matching.md', root), text);
console.log(text);
