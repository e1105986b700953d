import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { billed, type Billed } from './billing';

/** What one delivery of one event cost the request-events worker. */
export interface WorkerSample {
  type: string;
  ms: number;
  /** CPU ms of the process meanwhile (other work of the stack included: an upper bound). */
  cpuMs: number;
  bill: Billed;
  /** EventBridge Scheduler schedules it created (each is one invocation later). */
  schedules: number;
}

type Handler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

/**
 * Wraps the stack's request-events handler so that each record is handled alone and billed: one sample per event
 * (`pending` lists the scheduler's schedules, to count those an event creates). One record a call is what a batch
 * of one costs: an upper bound of the per-event cost of the batches of up to 10 that SQS hands Lambda.
 */
export function workerMeter(pending: () => readonly string[]): {
  wrap(handler: Handler): Handler;
  samples: WorkerSample[];
} {
  const samples: WorkerSample[] = [];
  return {
    samples,
    wrap: (handler) => async (event) => {
      const failures: SQSBatchResponse['batchItemFailures'] = [];
      for (const record of event.Records) {
        const before = new Set(pending());
        const t = performance.now();
        const cpu = process.cpuUsage();
        const { result, bill } = await billed(() => handler({ Records: [record] }));
        const ms = performance.now() - t;
        const { user, system } = process.cpuUsage(cpu);
        failures.push(...(result?.batchItemFailures ?? []));
        const type = (JSON.parse(record.body) as { type?: string }).type ?? 'unknown';
        samples.push({
          type,
          ms,
          cpuMs: (user + system) / 1000,
          bill,
          schedules: pending().filter((n) => !before.has(n)).length,
        });
      }
      return { batchItemFailures: failures };
    },
  };
}
