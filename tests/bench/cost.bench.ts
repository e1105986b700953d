/**
 * `npm run bench:cost`: a price per transaction (issue 15), computed from what `npm run bench` measured
 * (bench/results/api.json: request units as AWS bills them, calls, mails, schedules and durations of each API
 * operation and worker step) at the published on-demand prices (cost/prices.ts). Writes bench/results/cost.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ApiJson } from './api/json';
import { MIX, ROLLOUT, lifecyclesPerMonth } from './cost/mix';
import { addUsage, gbSeconds, noUsage, priceOf, PRICES, type Usage } from './cost/prices';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const TARGET_PER_1000 = 0.005;
/** The relay is not metered: one invocation per outbox event, this long (it sends one SQS message). */
const RELAY_MS = 10;
/** A DynamoDB round trip from Lambda in the same region (single-digit ms; an assumption, not measured here). */
const ROUND_TRIP_MS = 5;
/** Lambda gives a function one vCPU at 1,769 MB and a share in proportion below it. */
const FULL_VCPU_MB = 1_769;
/**
 * The billed duration on Lambda, estimated from what the bench measured on a shared machine: the CPU this process
 * spent, stretched to the function's vCPU share, plus the DynamoDB round trips at in-region latency.
 */
const lambdaMs = (cpuMs: number, roundTrips: number, memoryMb: number) =>
  cpuMs * Math.max(1, FULL_VCPU_MB / memoryMb) + roundTrips * ROUND_TRIP_MS;

/** The memory infra gives a function, read from its construct (`memorySize: 512`). */
async function memoryOf(file: string): Promise<number> {
  const m = /memorySize:\s*(\d+)/.exec(await readFile(root(file), 'utf8'));
  if (!m) throw new Error(`no memorySize in ${file}`);
  return Number(m[1]);
}

const usd = (n: number) => (n === 0 ? '0' : n < 0.01 ? `$${n.toPrecision(3)}` : `$${n.toFixed(2)}`);
const perMillion = (n: number) => `$${(n * 1e6).toFixed(2)}`;

async function main(): Promise<void> {
  const api = JSON.parse(await readFile(root('bench/results/api.json'), 'utf8')) as ApiJson;
  const memory = {
    api: await memoryOf('infra/api.ts'),
    worker: await memoryOf('infra/workers.ts'),
    relay: await memoryOf('infra/relay.ts'),
  };
  // An API call: HTTP API + one Lambda invocation + its DynamoDB units and mails.
  const opUsage = new Map<string, Usage>(
    api.operations.map((o) => [
      o.operation,
      {
        ...noUsage(),
        rru: o.rru,
        wru: o.wru,
        mails: o.mails,
        lambdaRequests: 1,
        gbSeconds: gbSeconds(lambdaMs(o.cpuMs, o.roundTrips + 1, memory.api), memory.api),
        httpApiRequests: 1,
      },
    ]),
  );
  // A worker step: the relay's invocation, SQS send + receive + delete, the worker's invocation and its units.
  const stepUsage = new Map<string, Usage>(
    api.workers.map((w) => [
      w.type,
      {
        rru: w.rru,
        wru: w.wru,
        mails: w.mails,
        lambdaRequests: 2,
        gbSeconds:
          gbSeconds(lambdaMs(w.cpuMs, w.calls, memory.worker), memory.worker) + gbSeconds(RELAY_MS, memory.relay),
        httpApiRequests: 0,
        sqsRequests: 3,
        schedulerInvocations: w.schedules,
      },
    ]),
  );

  let lifecycle = noUsage();
  let apiCalls = 0;
  const missing: string[] = [];
  for (const [op, n] of Object.entries(MIX.perRequest)) {
    const u = opUsage.get(op);
    if (!u) missing.push(op);
    else lifecycle = addUsage(lifecycle, u, n);
    apiCalls += n;
  }
  for (const [type, n] of Object.entries(api.lifecycleEvents)) {
    const u = stepUsage.get(type);
    if (u) lifecycle = addUsage(lifecycle, u, n);
  }
  const perLifecycle = priceOf(lifecycle);
  const per1000 = (perLifecycle.total * 1000) / apiCalls;
  const month = perLifecycle.total * lifecyclesPerMonth();

  const opRows = api.operations.map((o) => {
    const p = priceOf(opUsage.get(o.operation)!);
    return (
      `| ${o.operation} | ${o.rru} / ${o.wru} | ${o.ms.toFixed(0)} | ${o.cpuMs.toFixed(0)} | ` +
      `${lambdaMs(o.cpuMs, o.roundTrips + 1, memory.api).toFixed(0)} | ${o.mails} | ${perMillion(p.dynamo)} | ` +
      `${perMillion(p.lambda)} | ${perMillion(p.other)} | **${perMillion(p.total)}** |`
    );
  });
  const stepRows = api.workers.map((w) => {
    const p = priceOf(stepUsage.get(w.type)!);
    return (
      `| ${w.type} | ${w.deliveries} | ${w.rru.toFixed(1)} / ${w.wru.toFixed(1)} | ${w.ms.toFixed(0)} | ` +
      `${w.cpuMs.toFixed(0)} | ${lambdaMs(w.cpuMs, w.calls, memory.worker).toFixed(0)} | ` +
      `${w.mails.toFixed(1)} | ${w.schedules.toFixed(1)} | ${perMillion(p.dynamo)} | ${perMillion(p.lambda)} | ` +
      `${perMillion(p.other)} | **${perMillion(p.total)}** |`
    );
  });
  const priceRows = Object.values(PRICES)
    .filter((p): p is Extract<(typeof PRICES)[keyof typeof PRICES], { url: string }> => typeof p === 'object')
    .map((p) => `| ${p.per} | ${perMillion(p.usd)} | ${p.url} |`);
  const share = (x: number) => `${((100 * x) / perLifecycle.total).toFixed(0)} %`;
  const md = [
    '# A price per transaction (AWS, on demand)',
    '',
    `Generated by \`npm run bench:cost\` from bench/results/api.json (\`npm run bench\` of ${api.startedAt}, Node`,
    `${api.node}, load average (1 min) ${api.loadAverage.before.toFixed(1)} before and ` +
      `${api.loadAverage.after.toFixed(1)} after that run). Nothing below is typed in but the prices and the mix.`,
    '',
    `## Prices (${PRICES.region}, on-demand, published prices read ${PRICES.checked}; free tiers left out)`,
    '',
    '| unit | USD per million | source |',
    '|---|--:|---|',
    ...priceRows,
    '',
    `Memory from infra/: API ${memory.api} MB, workers ${memory.worker} MB, relay ${memory.relay} MB, all arm64.`,
    '',
    '## Each API operation (USD per million calls)',
    '',
    'RRU / WRU as AWS bills them (bench/api/billing.ts: DynamoDB Local reports single-item calls as AWS does, GSI',
    'writes included; transactional writes are rebilled at 2 WRU per KB and item, ConditionChecks included). The',
    "per-cluster rate limiter's conditional `UpdateItem` is in every call in a cluster. wall ms and CPU ms = the one",
    'measured call in process against DynamoDB Local on this busy machine (the CPU of the stack meanwhile included).',
    `Lambda ms, billed = CPU ms × ${FULL_VCPU_MB} / memory (Lambda's vCPU share) + ${ROUND_TRIP_MS} ms per DynamoDB`,
    'round trip (the rate limiter one more): the wall time here is mostly waiting on a starved DynamoDB Local.',
    'Other = HTTP API request + SES.',
    '',
    '| operation | RRU / WRU | wall ms | CPU ms | Lambda ms | mails | DynamoDB | Lambda | other | total |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...opRows,
    '',
    '## Each worker step (USD per million events)',
    '',
    'One delivery of each event type to the request-events worker on the local stack (each record handled alone,',
    "an upper bound of SQS's batches of 10; means of the units, median ms), before the load phases. Lambda ms as",
    "above, a round trip per DynamoDB call. Each event also pays the outbox relay's",
    `invocation (${RELAY_MS} ms assumed, at the relay's memory), three SQS requests (send, receive, delete) and the`,
    'schedules it creates (one Scheduler invocation each). Mails are SES messages. DynamoDB Streams read by Lambda',
    'are free.',
    '',
    '| event | deliveries | RRU / WRU | wall ms | CPU ms | Lambda ms | mails | schedules | DynamoDB | Lambda | ' +
      'other | total |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...stepRows,
    '',
    '## A realistic mix',
    '',
    ...MIX.describe,
    '',
    `- API calls per request's life: ${apiCalls.toFixed(1)}; worker events: ` +
      `${Object.values(api.lifecycleEvents).reduce((a, b) => a + b, 0)} (those one life of the bench's scenario ` +
      `delivered: ${Object.entries(api.lifecycleEvents)
        .map(([t, n]) => `${t} ×${n}`)
        .join(', ')}).`,
    ...(missing.length > 0 ? [`- Not measured by the API bench, so not priced: ${missing.join(', ')}.`] : []),
    '',
    '| | DynamoDB | Lambda | other | total |',
    '|---|--:|--:|--:|--:|',
    `| one request's life | ${usd(perLifecycle.dynamo)} | ${usd(perLifecycle.lambda)} | ` +
      `${usd(perLifecycle.other)} | ${usd(perLifecycle.total)} |`,
    `| share | ${share(perLifecycle.dynamo)} | ${share(perLifecycle.lambda)} | ${share(perLifecycle.other)} | 100 % |`,
    '',
    `**Per 1,000 API transactions: ${usd(per1000)}** (target ≤ $${TARGET_PER_1000}: ` +
      `${per1000 <= TARGET_PER_1000 ? 'met' : '**not met**'}).`,
    '',
    '## A national rollout, per month',
    '',
    ...ROLLOUT.describe,
    '',
    `**${lifecyclesPerMonth().toLocaleString('en-IN')} requests a month × ${usd(perLifecycle.total)} = ` +
      `${usd(month)} a month** for requests, bids, awards and their events (storage, logs and alarms not included).`,
    '',
  ].join('\n');
  await writeFile(root('bench/results/cost.md'), md);
  console.log(md);
}

await main();
