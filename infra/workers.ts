import { Duration } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { handlerFunction, WORKER_TIMEOUT, type FunctionEnvironment } from './functions';
import { workerEntry } from './paths';
import { QueueWithDlq } from './queues';
import type { DataTable } from './table';

/** One SQS worker: a function and the queue only it consumes. */
export interface WorkerSpec {
  /** PascalCase; names the function, its log group and role. */
  readonly name: string;
  /** Absolute entry path (see `workerEntry`); the file exports `handler`. */
  readonly entry: string;
  /** PascalCase name of the queue it consumes; each queue has exactly one consumer. */
  readonly queue: string;
  /** @default WORKER_TIMEOUT (30 s) */
  readonly timeout?: Duration;
  /** It creates one-time schedules (EventBridge Scheduler; see `Schedules`). @default false */
  readonly schedules?: boolean;
}

/** The queue the API publishes domain events to (`EVENTS_QUEUE_URL`). */
export const EVENTS_QUEUE = 'RequestEvents';

/** Every worker of the system: a new worker is one line here. */
export const WORKERS: readonly WorkerSpec[] = [
  { name: 'RequestEventsWorker', entry: workerEntry('request-events.ts'), queue: EVENTS_QUEUE, schedules: true },
];

const timeoutOf = (spec: WorkerSpec): Duration => spec.timeout ?? WORKER_TIMEOUT;

/** Wait up to this long to fill a batch: fewer invocations, still well under a second per event. */
const BATCHING_WINDOW = Duration.seconds(2);

export interface WorkersProps {
  readonly specs: readonly WorkerSpec[];
  readonly data: DataTable;
  /** Environment shared by all functions, without the events queue (created here). */
  readonly environment: Omit<FunctionEnvironment, 'EVENTS_QUEUE_URL'>;
}

/**
 * The queues and their worker functions. Queues come first so every worker can be told the
 * events queue's URL; each queue's visibility timeout derives from its worker's timeout.
 *
 * @example
 * const workers = new Workers(this, 'Workers', { specs: WORKERS, data, environment });
 * workers.queue(EVENTS_QUEUE).queue.grantSendMessages(api);
 */
export class Workers extends Construct {
  readonly functions: readonly NodejsFunction[];
  private readonly queues = new Map<string, QueueWithDlq>();

  constructor(scope: Construct, id: string, props: WorkersProps) {
    super(scope, id);
    for (const spec of props.specs) {
      if (this.queues.has(spec.queue))
        throw new Error(`queue "${spec.queue}" has two consumers: give each worker its own queue`);
      this.queues.set(
        spec.queue,
        new QueueWithDlq(this, spec.queue, { consumerTimeout: timeoutOf(spec), batchingWindow: BATCHING_WINDOW }),
      );
    }
    const environment = { ...props.environment, EVENTS_QUEUE_URL: this.queue(EVENTS_QUEUE).queue.queueUrl };

    this.functions = props.specs.map((spec) => {
      const fn = handlerFunction(this, spec.name, {
        entry: spec.entry,
        timeout: timeoutOf(spec),
        memorySize: 512,
        environment,
        description: `Consumes the ${spec.queue} queue`,
      });
      props.data.grantItemAccess(fn);
      // The event source grants receive/delete/change-visibility on this queue only.
      fn.addEventSource(
        new SqsEventSource(this.queue(spec.queue).queue, {
          batchSize: 10,
          maxBatchingWindow: BATCHING_WINDOW,
          reportBatchItemFailures: true,
        }),
      );
      return fn;
    });
  }

  /** The function of the worker named in a spec. */
  worker(name: string): NodejsFunction {
    const fn = this.functions.find((f) => f.node.id === name);
    if (!fn) throw new Error(`no worker named "${name}"`);
    return fn;
  }

  /** The queue named in a worker spec. */
  queue(name: string): QueueWithDlq {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`no worker consumes a queue named "${name}"`);
    return queue;
  }
}
