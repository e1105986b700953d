import { createHash } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';
import type { EventEnvelope } from '@bds/core';
import { createDb } from '../../functions/adapters/dynamo/db';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { auditIndicatorStore } from '../../functions/adapters/dynamo/indicators-audit';
import { createPasswordHasher } from '../../functions/api/auth/passwords';
import { startLocalStack } from '../../functions/local/stack';
import { DEMO_PASSWORD } from '../../functions/local/seed/data';
import type { LocalQueueOptions } from '../../functions/local/queue';
import { TEST_SCRYPT } from '../support/passwords';
import { dumpTable, type Item } from '../integration/workers/redelivery-table';
import { itemProblems } from './checks';
import { Actors, type Activity } from './actors';
import { emptyTally, Person, type Tally } from './http';
import { prng, seedSimulatedClusters, SIM_PASSWORD } from './world';

const DAY = 86_400_000;

export interface SimulationOptions {
  clusters: number;
  days: number;
  seed: number;
  /** Chance that the worker crashes on a batch (before or after its work) and that it gets a batch twice. */
  crash?: number;
  duplicate?: number;
  log?: (line: string) => void;
}

export interface SimulationResult {
  options: Required<Omit<SimulationOptions, 'log'>>;
  /** Invariant violations, each with the simulated day it was found on: empty when the run is clean. */
  problems: string[];
  activity: Activity;
  tally: Tally;
  worker: { batches: number; crashes: number; duplicates: number; deadLettered: number };
  items: number;
  wallMs: number;
  /** Of the wall time: starting and seeding the stack, and the daily checks. */
  startMs: number;
  checkMs: number;
}

/**
 * The worker as the simulation runs it: each batch may crash before its work (nothing done; redelivered), crash after
 * it (done, but redelivered: the handlers must not do it twice) or arrive twice. The draw is a hash of the seed, the
 * batch's event ids and receive counts, so it does not depend on the order the queue happens to run batches in.
 */
function chaos(seed: number, crash: number, duplicate: number, counts: SimulationResult['worker']) {
  return (handler: LocalQueueOptions['handler']): LocalQueueOptions['handler'] =>
    async (event: SQSEvent) => {
      counts.batches++;
      const key = event.Records.map((r) => {
        const envelope = JSON.parse(r.body) as EventEnvelope;
        return `${envelope.type}:${JSON.stringify(envelope.payload)}:${r.attributes.ApproximateReceiveCount}`;
      }).join('|');
      const draw = createHash('sha256').update(`${seed}|${key}`).digest().readUInt32BE(0) / 4_294_967_296;
      if (draw < crash / 2) {
        counts.crashes++;
        throw new Error('simulated crash before the work');
      }
      const out = await handler(event);
      if (draw < crash) {
        counts.crashes++;
        throw new Error('simulated crash after the work');
      }
      if (draw < crash + duplicate) {
        counts.duplicates++;
        await handler(event);
      }
      return out;
    };
}

/** The item checks, and every indicator against its recomputation (`npm run audit:indicators`). */
async function check(items: Item[], acceptedByHand: ReadonlySet<string>, db: ReturnType<typeof createDb>) {
  const problems = itemProblems(items, acceptedByHand);
  const audit = await auditIndicatorStore(db);
  for (const d of audit.differences) problems.push(`indicator differs from its recomputation: ${JSON.stringify(d)}`);
  return problems;
}

/**
 * `npm run simulate`: the real API and workers on a local stack whose clock the simulation moves a day at a time;
 * simulated people act through HTTP; after every day the invariants are checked on the whole table.
 */
export async function simulate(opts: SimulationOptions): Promise<SimulationResult> {
  const options = { crash: 0.08, duplicate: 0.08, ...opts };
  const say = opts.log ?? (() => undefined);
  const started = Date.now();
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  const worker = { batches: 0, crashes: 0, duplicates: 0, deadLettered: 0 };
  const stack = await startLocalStack({
    port: 0,
    inMemory: true,
    reset: true,
    dataDir: `${process.env.TMPDIR ?? '/tmp'}/bds-sim-${process.pid}-${options.seed}`,
    seed: true,
    log: () => undefined,
    logLevel: 'error',
    scrypt: TEST_SCRYPT,
    clock,
    worker: {
      wrap: chaos(options.seed, options.crash, options.duplicate, worker),
      visibilityTimeoutMs: 20,
    },
  });
  const startMs = Date.now() - started;
  let checkMs = 0;
  const db = createDb({ tableName: stack.tableName, endpoint: stack.dynamoEndpoint });
  const random = prng(options.seed);
  const tally = emptyTally();
  const problems: string[] = [];
  let items: Item[] = [];
  try {
    const world = await seedSimulatedClusters(
      createStores(db),
      createPasswordHasher(TEST_SCRYPT),
      options.clusters,
      random,
    );
    const today = () => Math.floor(clock.now() / DAY);
    const person = (email: string, password = SIM_PASSWORD) => new Person(stack.url, email, password, tally, today);
    const people = world.map((cluster) => ({
      cluster,
      reps: cluster.associations.map((a) => person(a.rep)),
      providers: cluster.providers.map((p) => person(p.email)),
    }));
    const actors = new Actors(
      people,
      person('admin@nac.bds.example', DEMO_PASSWORD),
      person('cluster.finance@sidbi.bds.example', DEMO_PASSWORD),
      random,
      async () => clock.now(),
    );
    await actors.register();
    say(`[simulate] ${options.clusters} clusters seeded; ${options.days} days from seed ${options.seed}`);
    for (let day = 0; day < options.days; day++) {
      await actors.day(day);
      await stack.queues.drain();
      offset += DAY;
      stack.scheduler.fireDue();
      await stack.queues.drain();
      const checking = Date.now();
      items = await dumpTable(db.doc, db.table);
      const found = await check(items, actors.acceptedByHand, db);
      checkMs += Date.now() - checking;
      problems.push(...found.map((p) => `day ${day + 1}: ${p}`));
      if (day % 10 === 9 || day === options.days - 1)
        say(
          `[simulate] day ${day + 1}: ${actors.activity.awards} awards, ${actors.activity.accepted} accepted, ` +
            `${tally.calls} API calls, ${items.length} items, ${problems.length} problems`,
        );
      if (found.length > 0) break;
    }
    worker.deadLettered = stack.queues.requestEvents.stats().deadLettered;
    return {
      options: {
        clusters: options.clusters,
        days: options.days,
        seed: options.seed,
        crash: options.crash,
        duplicate: options.duplicate,
      },
      problems,
      activity: actors.activity,
      tally,
      worker,
      items: items.length,
      wallMs: Date.now() - started,
      startMs,
      checkMs,
    };
  } finally {
    db.client.destroy();
    await stack.stop();
  }
}
