import { median } from '../cold/imports';
import type { Billed } from './billing';
import type { PairResult } from './overhead';
import type { WorkerSample } from './worker-meter';

/** One API operation as `npm run bench` measured it: what AWS bills for it and how long it took. */
export interface OperationCost extends Billed {
  operation: string;
  commands: string[];
  /** Wall ms of the one measured call, in process (the Lambda's billed duration, an upper bound). */
  ms: number;
  /** CPU ms of this process during that call (the stack's background work included, so an upper bound). */
  cpuMs: number;
  /** Sequential DynamoDB round trips of the operation (the rate-limit counter not counted). */
  roundTrips: number;
  p50?: number;
  p99?: number;
}

/** One event type as the request-events worker handled it (means of the bill, median of the time). */
export interface WorkerCost extends Billed {
  type: string;
  deliveries: number;
  ms: number;
  cpuMs: number;
  schedules: number;
}

/** bench/results/api.json: what `npm run bench:cost` prices. */
export interface ApiJson {
  startedAt: string;
  node: string;
  loadAverage: { before: number; after: number };
  operations: OperationCost[];
  workers: WorkerCost[];
  /** Events one life of the scenario (api/scenario.ts) delivered to the worker, by type. */
  lifecycleEvents: Record<string, number>;
  overhead: PairResult[];
}

/** Per event type: the median duration and the mean units, mails and schedules of its deliveries. */
export function summariseWorkers(samples: readonly WorkerSample[]): WorkerCost[] {
  const byType = new Map<string, WorkerSample[]>();
  for (const s of samples) byType.set(s.type, [...(byType.get(s.type) ?? []), s]);
  const mean = (xs: WorkerSample[], f: (s: WorkerSample) => number) => xs.reduce((n, s) => n + f(s), 0) / xs.length;
  return [...byType]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, xs]) => ({
      type,
      deliveries: xs.length,
      ms: median(xs.map((s) => s.ms)),
      cpuMs: median(xs.map((s) => s.cpuMs)),
      rru: mean(xs, (s) => s.bill.rru),
      wru: mean(xs, (s) => s.bill.wru),
      calls: mean(xs, (s) => s.bill.calls),
      mails: mean(xs, (s) => s.bill.mails),
      schedules: mean(xs, (s) => s.schedules),
    }));
}
