import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './db';

/** What one operation cost in DynamoDB: calls, sequential round trips and capacity units. */
export interface DbUsage {
  readCalls: number;
  writeCalls: number;
  /** Waves of reads: calls issued while another read is in flight share one round trip. */
  readRoundTrips: number;
  writeRoundTrips: number;
  /** Capacity units DynamoDB reported (`ReturnConsumedCapacity: 'TOTAL'`); failed calls report none. */
  readUnits: number;
  writeUnits: number;
  /** The commands in the order they were sent (`GetItem`, `TransactWriteItems`…). */
  commands: string[];
}

interface Meter extends DbUsage {
  readsInFlight: number;
  writesInFlight: number;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const MIDDLEWARE = 'bdsUsageMeter';
const scope = new AsyncLocalStorage<Meter>();

const emptyUsage = (): Meter => ({
  readCalls: 0,
  writeCalls: 0,
  readRoundTrips: 0,
  writeRoundTrips: 0,
  readUnits: 0,
  writeUnits: 0,
  commands: [],
  readsInFlight: 0,
  writesInFlight: 0,
});

type Capacity = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
const unitsOf = (c: Capacity): number =>
  (Array.isArray(c) ? c : c ? [c] : []).reduce((s, x) => s + (x.CapacityUnits ?? 0), 0);

/**
 * Makes every call through this client report to the current {@link measure} scope. The
 * middleware sits on the shared client stack, so the stores need no change; outside a scope
 * it only asks DynamoDB for the consumed capacity, which costs nothing.
 *
 * @example
 * meterDb(db); const { usage } = await measure(() => stores.requests.get(clusterId, requestId));
 */
export function meterDb(db: Db): Db {
  if (db.doc.middlewareStack.identify().some((m) => m.startsWith(MIDDLEWARE))) return db;
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string; Key?: { PK?: unknown } };
      input.ReturnConsumedCapacity = 'TOTAL';
      const meter = scope.getStore();
      if (!meter) return next(args);
      const command = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      const read = READS.has(command);
      // The per-cluster limiter's counter is named apart, so a reader can tell it from the operation's own writes.
      const limiter = typeof input.Key?.PK === 'string' && input.Key.PK.startsWith('RATE#');
      meter.commands.push(limiter ? `${command}(rate-limit)` : command);
      // Its cost is the request's, not the operation's: kept out of the operation's round-trip budget.
      if (limiter) return next(args);
      // A call that starts while none of its kind is in flight opens a new round trip.
      if (read) {
        if (meter.readsInFlight++ === 0) meter.readRoundTrips++;
        meter.readCalls++;
      } else {
        if (meter.writesInFlight++ === 0) meter.writeRoundTrips++;
        meter.writeCalls++;
      }
      try {
        const out = await next(args);
        const units = unitsOf((out.output as { ConsumedCapacity?: Capacity }).ConsumedCapacity);
        if (read) meter.readUnits += units;
        else meter.writeUnits += units;
        return out;
      } finally {
        if (read) meter.readsInFlight--;
        else meter.writesInFlight--;
      }
    },
    { step: 'initialize', name: MIDDLEWARE },
  );
  return db;
}

/**
 * Runs `fn` and returns what it cost in DynamoDB calls made through a metered client.
 *
 * @example
 * const { result, usage } = await measure(() => app.request('/api/clusters'));
 */
export async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; usage: DbUsage }> {
  const meter = emptyUsage();
  const result = await scope.run(meter, fn);
  const { readsInFlight: _r, writesInFlight: _w, ...usage } = meter;
  return { result, usage };
}
