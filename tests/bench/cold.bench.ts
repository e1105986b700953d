/**
 * `npm run bench:cold`: what each Lambda weighs and how long its cold import takes (issue 15).
 *
 * Bundles every function infra deploys, with infra's own esbuild options (`infra/bundling.ts`),
 * into .cache/bench-cold/<function>/ with its metafile (`index.meta.json`), then imports each
 * bundle and a bare handler importing the same SDK clients in fresh `node` processes, interleaved.
 * Writes bench/results/cold.md and prints it.
 *
 * `BENCH_COLD_RUNS` (default 15) sets the runs; `BENCH_COLD_PROFILE=1` also writes one
 * `--cpu-prof` profile of each import beside its bundle.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSigningJwk } from '../../functions/adapters/secrets/signing-jwk';
import { LAMBDA_NODE_OPTIONS } from '../../infra/bundling';
import { readFileSync } from 'node:fs';
import { API_ROUTE_TABLE, ENTRIES, apiGroupEntry, fromRoot } from '../../infra/paths';
import { WORKERS } from '../../infra/workers';
import { bundleLambda, type BundleStats } from './cold/bundle';
import { importTime, median, writeBareHandler, type ImportTime } from './cold/imports';
import { renderColdReport, type ImportResult } from './cold/report';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const PROFILE = process.env.BENCH_COLD_PROFILE === '1';
const OUT = fromRoot('.cache/bench-cold');
const RESULTS = fileURLToPath(new URL('../../bench/results/cold.md', import.meta.url));
const say = (line: string) => console.log(`[bench:cold] ${line}`);

/** Every function of the stack, by its construct name. */
const FUNCTIONS = [
  // One function per API route group (infra/api.ts), named as infra names them.
  ...Object.keys(JSON.parse(readFileSync(API_ROUTE_TABLE, 'utf8')) as object).map((group) => ({
    name: `Api${group.charAt(0).toUpperCase()}${group.slice(1)}`,
    entry: apiGroupEntry(group),
  })),
  { name: 'ApiReference', entry: ENTRIES.apiReference },
  ...WORKERS.map((w) => ({ name: w.name, entry: w.entry })),
  { name: 'OutboxRelay', entry: ENTRIES.relay },
];

/**
 * Dependencies weighed before adopting them (issue 16): each probe uses one as a handler would,
 * bundled and imported like a function; its bare handler imports nothing, so the difference is
 * what the dependency adds.
 */
const PROBES = ['logger', 'metrics', 'batch', 'all'].map((p) => ({
  name: `Powertools ${p}`,
  entry: fileURLToPath(new URL(`./cold/probes/powertools-${p}.ts`, import.meta.url)),
}));

/** What the handlers read at cold start; nothing here is called (no AWS request is made at import). */
async function lambdaEnv(): Promise<NodeJS.ProcessEnv> {
  return {
    PATH: process.env.PATH,
    NODE_OPTIONS: LAMBDA_NODE_OPTIONS,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: 'bds-exchange-bench',
    STAGE: 'bench',
    LOG_LEVEL: 'info',
    EVENTS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/events',
    EVENTS_QUEUE_ARN: 'arn:aws:sqs:eu-west-1:123456789012:events',
    SCHEDULE_GROUP: 'bench',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
    // In AWS the key comes from Secrets Manager (a network call, not measured here).
    JWT_PRIVATE_JWK: JSON.stringify(await generateSigningJwk('bench')),
  };
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0]!;
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const bundles: BundleStats[] = [];
  const bare = new Map<string, string>();
  for (const fn of [...FUNCTIONS, ...PROBES]) {
    const dir = join(OUT, fn.name.replace(' ', '-'));
    const stats = await bundleLambda(fn.name, fn.entry, dir);
    bare.set(fn.name, await writeBareHandler(dir, stats.sdkModules));
    bundles.push(stats);
    say(`${fn.name}: ${stats.bytes} bytes (${stats.gzipBytes} gzip)`);
  }

  const env = await lambdaEnv();
  const samples = new Map(bundles.map((b) => [b.name, { bundle: [] as ImportTime[], bare: [] as ImportTime[] }]));
  // One untimed import of each first: the OS file cache is warm for every timed run alike.
  for (const b of bundles) for (const file of [b.file, bare.get(b.name)!]) importTime(file, env);
  for (let run = 0; run < RUNS; run++) {
    for (const b of bundles) {
      const s = samples.get(b.name)!;
      const timeBundle = () => s.bundle.push(importTime(b.file, env));
      const timeBare = () => s.bare.push(importTime(bare.get(b.name)!, env));
      // Alternate which goes first, so neither always follows the other.
      for (const time of run % 2 === 0 ? [timeBundle, timeBare] : [timeBare, timeBundle]) time();
    }
    say(`run ${run + 1}/${RUNS}`);
  }
  const imports: ImportResult[] = bundles.map((b) => {
    const s = samples.get(b.name)!;
    const med = (xs: ImportTime[], key: keyof ImportTime) => median(xs.map((x) => x[key]));
    return {
      name: b.name,
      bundle: { wallMs: med(s.bundle, 'wallMs'), cpuMs: med(s.bundle, 'cpuMs') },
      bare: { wallMs: med(s.bare, 'wallMs'), cpuMs: med(s.bare, 'cpuMs') },
    };
  });
  if (PROFILE) {
    for (const b of bundles.filter((x) => FUNCTIONS.some((f) => f.name === x.name))) {
      const dir = join(OUT, b.name);
      importTime(b.file, env, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=import.cpuprofile']);
      say(`profile: ${join(dir, 'import.cpuprofile')}`);
    }
  }

  // Other work on the machine slows both sides of each ratio, but not evenly: say how busy it was.
  const load = `Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after.`;
  const isProbe = (name: string) => PROBES.some((p) => p.name === name);
  const md = renderColdReport(bundles, imports, {
    runs: RUNS,
    startedAt,
    node: process.version,
    top: 10,
    notes: [load],
    isProbe,
  });
  await writeFile(RESULTS, md);
  console.log(md);
}

await main();
