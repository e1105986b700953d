import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { RATE_WINDOW_MS } from '@bds/core';
import type { Db } from '../../../functions/adapters/dynamo/db';
import { median } from '../cold/imports';

const run = promisify(execFile);
const AUTOCANNON = fileURLToPath(new URL('../../../node_modules/autocannon/autocannon.js', import.meta.url));
/** The floor each ratio must reach (issue 15): the API answers at least 80 % of a bare server's rate. */
export const FLOOR = 0.8;
export const CONNECTIONS = 32;

/** One HTTP call shape autocannon repeats. */
export interface Target {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** One autocannon run: calls per second, latency, and the CPU this process (the servers') spent per call. */
export interface Sample {
  rps: number;
  p50: number;
  p99: number;
  cpuUsPerCall: number;
  non2xx: number;
}

/** One pair of the table: the API's operation and the bare server doing the floor's work, interleaved. */
export interface Pair {
  name: string;
  api: Target;
  bare: Target;
  calls: number;
  /** The cluster whose per-minute API limit the API side counts against, when it has one. */
  limitedCluster?: string;
}

export interface PairResult {
  name: string;
  calls: number;
  runs: number;
  api: Sample;
  bare: Sample;
  /** Median of the API's rates ÷ median of the bare server's rates. */
  ratio: number;
  /** Bare CPU µs per call ÷ the API's: the same comparison in CPU, which moves less when the machine is busy. */
  cpuRatio: number;
  met: boolean;
}

/** Runs autocannon in its own process, so the load generator does not share the servers' event loop. */
async function cannon(target: Target, calls: number): Promise<Sample> {
  const args = [
    AUTOCANNON,
    '-j',
    '-n',
    '-c',
    String(CONNECTIONS),
    '-a',
    String(calls),
    '-t',
    '30',
    '-m',
    target.method,
  ];
  for (const [k, v] of Object.entries(target.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (target.body !== undefined) args.push('-b', target.body);
  const cpu = process.cpuUsage();
  const { stdout } = await run(process.execPath, [...args, target.url], { maxBuffer: 16 * 1024 * 1024 });
  const used = process.cpuUsage(cpu);
  const r = JSON.parse(stdout) as {
    requests: { total: number };
    duration: number;
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuUsPerCall: (used.user + used.system) / Math.max(1, r.requests.total),
    non2xx: r.non2xx + r.errors,
  };
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

/**
 * The floor: a bare `node:http` server in this process. `/health` answers a small JSON; `/get` does one `GetItem`
 * of the item named by `key` and returns it; `/put` parses the JSON body and stores it with one conditional
 * `PutItem` under a fresh key (`attribute_not_exists(PK)`), answering 201 — the least any server doing that work does.
 */
export async function startBareServer(
  db: Db,
  key: { PK: string; SK: string },
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    void (async () => {
      if (req.url === '/get') {
        const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key }));
        return send(200, out.Item);
      }
      if (req.url === '/put') {
        const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
        const id = randomUUID();
        const item = { ...body, PK: `BENCH#${id}`, SK: 'BARE', id };
        await db.doc.send(
          new PutCommand({ TableName: db.table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
        );
        return send(201, { id });
      }
      send(200, { status: 'ok', time: new Date().toISOString() });
    })().catch((error: unknown) => send(500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * Interleaved runs of each pair (the side that goes first alternates), `runs` each; medians. The API side of a pair
 * that counts against a cluster's per-minute limit waits for the next window rather than meet a 429.
 */
export async function measureOverhead(
  pairs: Pair[],
  runs: number,
  opts: { limitPerMinute: number; say: (line: string) => void },
): Promise<PairResult[]> {
  const used = new Map<string, { window: number; calls: number }>();
  const withinLimit = async (pair: Pair) => {
    if (!pair.limitedCluster) return;
    let u = used.get(pair.limitedCluster);
    const window = Math.floor(Date.now() / RATE_WINDOW_MS);
    if (!u || u.window !== window) u = { window, calls: 0 };
    // A margin for the bench's other calls in the same window.
    if (u.calls + pair.calls > opts.limitPerMinute * 0.9) {
      const wait = (window + 1) * RATE_WINDOW_MS - Date.now() + 50;
      opts.say(`waiting ${Math.round(wait / 1000)} s for ${pair.limitedCluster}'s next rate window`);
      await new Promise((resolve) => setTimeout(resolve, wait));
      u = { window: Math.floor(Date.now() / RATE_WINDOW_MS), calls: 0 };
    }
    u.calls += pair.calls;
    used.set(pair.limitedCluster, u);
  };
  const samples = new Map(pairs.map((p) => [p.name, { api: [] as Sample[], bare: [] as Sample[] }]));
  for (let r = 0; r < runs; r++) {
    for (const pair of pairs) {
      const s = samples.get(pair.name)!;
      const api = async () => {
        await withinLimit(pair);
        s.api.push(await cannon(pair.api, pair.calls));
      };
      const bare = async () => void s.bare.push(await cannon(pair.bare, pair.calls));
      for (const side of r % 2 === 0 ? [api, bare] : [bare, api]) await side();
      opts.say(
        `${pair.name} run ${r + 1}/${runs}: ${s.api.at(-1)!.rps.toFixed(0)} vs ${s.bare.at(-1)!.rps.toFixed(0)}/s`,
      );
    }
  }
  return pairs.map((pair) => {
    const s = samples.get(pair.name)!;
    const med = (xs: Sample[]): Sample => ({
      rps: median(xs.map((x) => x.rps)),
      p50: median(xs.map((x) => x.p50)),
      p99: median(xs.map((x) => x.p99)),
      cpuUsPerCall: median(xs.map((x) => x.cpuUsPerCall)),
      non2xx: xs.reduce((n, x) => n + x.non2xx, 0),
    });
    const api = med(s.api);
    const bare = med(s.bare);
    const ratio = api.rps / bare.rps;
    return {
      name: pair.name,
      calls: pair.calls,
      runs,
      api,
      bare,
      ratio,
      cpuRatio: bare.cpuUsPerCall / api.cpuUsPerCall,
      met: ratio >= FLOOR && api.non2xx === 0,
    };
  });
}

/** The ratios table of api.md. */
export function renderOverhead(results: PairResult[]): string[] {
  const f = (n: number) => n.toFixed(2);
  return [
    '## API overhead against a bare server (issue 15)',
    '',
    `autocannon in its own process, ${CONNECTIONS} connections, a fixed number of calls a run; API and bare runs`,
    `interleaved (the side that goes first alternates), ${results[0]?.runs ?? 0} runs each, medians. Both servers`,
    'run in the bench process beside the local stack (DynamoDB Local in its JVM, the same table). Ratio = the',
    "API's calls/s ÷ the bare server's; CPU ratio = the bare server's CPU µs per call ÷ the API's (this process's CPU",
    `during the run: it moves less than calls/s on a busy machine). Floor: ≥ ${FLOOR} (met only with no non-2xx).`,
    '',
    '| what | calls a run | API calls/s | bare calls/s | ratio | ≥ 0.8 | API / bare p50 ms | ' +
      'API / bare CPU µs a call | CPU ratio |',
    '|---|--:|--:|--:|--:|:-:|--:|--:|--:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.calls} | ${r.api.rps.toFixed(0)} | ${r.bare.rps.toFixed(0)} | ${f(r.ratio)} | ` +
        `${r.met ? 'met' : '**not met**'} | ${r.api.p50} / ${r.bare.p50} | ` +
        `${r.api.cpuUsPerCall.toFixed(0)} / ${r.bare.cpuUsPerCall.toFixed(0)} | ${f(r.cpuRatio)} |` +
        (r.api.non2xx + r.bare.non2xx ? ` (${r.api.non2xx} / ${r.bare.non2xx} non-2xx)` : ''),
    ),
    '',
  ];
}
