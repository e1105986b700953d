import type { DbUsage } from '../../../functions/adapters/dynamo/metrics';
import type { LoadResult } from './load';

const fmt = (n: number, digits = 1) => (Number.isInteger(n) ? String(n) : n.toFixed(digits));

/** Collapses a command list: `GetItem ×2, Query`. */
function commands(list: string[]): string {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c} ×${n}` : c)).join(', ') || '—';
}

/**
 * The results file: one row per API operation with what it cost DynamoDB (calls, round trips,
 * consumed capacity) and how fast it answered under load.
 *
 * @example
 * const md = renderReport(usage, load, { connections: 10, writes: 100, reads: 400, startedAt });
 */
export function renderReport(
  usage: Map<string, DbUsage>,
  load: LoadResult[],
  meta: { connections: number; writes: number; reads: number; startedAt: string; node: string },
): string {
  const byOp = new Map(load.map((l) => [l.operation, l]));
  const rows = [...usage].map(([op, u]) => {
    const l = byOp.get(op);
    return (
      `| ${op} | ${commands(u.commands)} | ${u.readCalls} / ${u.writeCalls} | ${u.readRoundTrips} ` +
      `/ ${u.writeRoundTrips} | ${fmt(u.readUnits)} / ${fmt(u.writeUnits)} | ${l ? fmt(l.p50, 0) : '—'} ` +
      `| ${l ? fmt(l.p99, 0) : '—'} | ${l ? fmt(l.rps, 0) : '—'} | ` +
      `${l ? `${l.calls}${l.non2xx ? ` (${l.non2xx} non-2xx)` : ''}` : '—'} |`
    );
  });
  return [
    '# API benchmark: DynamoDB cost and latency per operation',
    '',
    `Run ${meta.startedAt} on Node ${meta.node}, DynamoDB Local, the API on the local stack (one process), loopback.`,
    '',
    '- **DynamoDB calls, round trips, capacity**: one call of each operation through the API with a metered',
    "  document client (`ReturnConsumedCapacity: 'TOTAL'`). A round trip is a wave of calls in flight together.",
    '  RCU / WCU are what DynamoDB Local reports. Compare operations with them, do not price with them: Local does not',
    '  follow AWS for transactions (AWS charges 2 WCU per KB for each item written, ConditionChecks included).',
    "  app.ts's tenant guard adds one cluster `GetItem` to a write " +
      'at most every 30 s per process (cached); it is warm here.',
    `- **Latency**: autocannon, ${meta.connections} connections, ` +
      `${meta.writes} calls per write operation (each on a fresh`,
    `  target), ${meta.reads} per read; client and server share one Node process, so the numbers are an upper bound.`,
    '',
    '| operation | DynamoDB commands | calls R / W | round trips R ' +
      '/ W | RCU / WCU | p50 ms | p99 ms | req/s | calls under load |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Import of a register: up to 100 rows is one `TransactWriteItems` ' +
      '(atomic); above that, `BatchWriteItem` chunks of 25',
    '(⌈n/25⌉ calls, all-or-nothing by compensation). Closing and ' +
      'the association’s bid list read the request and its bids',
    'with two calls sent together: one round trip.',
    '',
  ].join('\n');
}
