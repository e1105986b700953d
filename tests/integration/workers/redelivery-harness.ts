import { randomUUID } from 'node:crypto';
import { TEST_TIMING } from '../../support/timing';
import { attendanceCode, hashSecret } from '../../../functions/adapters/secrets/tokens';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { idGenerator, isEventType, type Clock, type EventEnvelope } from '@bds/core';
import type { Db } from '../../../functions/adapters/dynamo/db';
import { mailboxStore } from '../../../functions/adapters/dynamo/mailbox';
import { createStores } from '../../../functions/adapters/dynamo/stores';
import type { Scheduler } from '../../../functions/adapters/scheduler/port';
import { silentLogger } from '../../../functions/observability/logger';
import { batchHandlers } from '../../../functions/workers/request-events/handlers';
import { createRequestEventsHandler } from '../../../functions/workers/request-events/worker';
import { dumpTable, outboxEvents, type Item } from './redelivery-table';

/** A deterministic PRNG (mulberry32): the same seed, the same crashes, ids and order. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Thrown by an injected crash: the process "dies"; nothing else in the invocation runs. */
export class Crash extends Error {
  override readonly name = 'Crash';
}

const WRITES = /^(Put|Update|Delete|TransactWrite|BatchWrite)(Item|Items)?Command$/;

/** When to crash around one write (or schedule call): before it is sent, after it committed, or not. */
export type CrashPoint = 'before' | 'after' | undefined;

/**
 * Makes every write through `db` (document and low-level client) and every scheduler call ask
 * `decide` whether to crash before or after it. Once crashed, every later call of the same
 * invocation throws too, as a dead process does nothing more.
 */
function crashing(db: Db, decide: () => CrashPoint, committed: (command: unknown) => void) {
  let dead = false;
  const guard = <T>(name: string, run: () => Promise<T>, command?: unknown): Promise<T> =>
    (async () => {
      if (dead) throw new Crash('process is gone');
      const point = WRITES.test(name) || name === 'scheduler' ? decide() : undefined;
      if (point === 'before') {
        dead = true;
        throw new Crash(`crash before ${name}`);
      }
      const out = await run();
      if (WRITES.test(name)) committed(command);
      if (point === 'after') {
        dead = true;
        throw new Crash(`crash after ${name} committed`);
      }
      return out;
    })();
  const restores: (() => void)[] = [];
  for (const client of [db.doc, db.client] as { send: (...args: unknown[]) => Promise<unknown> }[]) {
    const own = Object.prototype.hasOwnProperty.call(client, 'send');
    const original = client.send;
    const send = original.bind(client);
    client.send = (command: unknown, ...rest: unknown[]) =>
      guard((command as object).constructor.name, () => send(command, ...rest), command);
    restores.push(() => {
      if (own) client.send = original;
      else delete (client as { send?: unknown }).send;
    });
  }
  // The scenario's own table is processed in place too: its clients must work untouched afterwards.
  const restore = () =>
    restores
      .splice(0)
      .reverse()
      .forEach((r) => r());
  return { guard, revive: () => void (dead = false), crashed: () => dead, restore };
}

/** A message as the harness queues it: an event and how many more deliveries it gets. */
interface Pending {
  key: string;
  event: EventEnvelope;
  copies: number;
  attempts: number;
}

export interface WorldOptions {
  db: Db;
  /** The workers' fixed clock: after every deadline of the scenario. */
  now: number;
  /** Seeds ids (and, with `chaos`, the order, the copies and the crashes). */
  seed: number;
  /**
   * Deliver each message 1–3 times, in random order and batches of 1–3, with crashes of this
   * probability per write; a schedule set for later may also fire once early (`earlyRate`).
   */
  chaos?: { crashRate: number; earlyRate?: number };
  /** Events already handled on this table (an earlier phase): its outbox holds them, they are not delivered again. */
  delivered?: ReadonlySet<string>;
}

export interface WorldResult {
  /** The 26-character ULID parts of every id the workers generated: volatile across runs. */
  generated: Set<string>;
  /** Deliveries per event type (a copy retried after a crash counts each time). */
  deliveries: Map<string, number>;
  crashes: number;
  /** The instants the world's clock moved to, to fire schedules set for later (ISO). */
  advances: string[];
}

/**
 * Runs the real request-events worker over `initial` and every event the handlers emit (through
 * the outbox) or schedule, until nothing is left. Without `chaos`: each message once, in order, as
 * an exactly-once queue would. With it: each 1–3 times, shuffled, with crashes, failed records
 * retried as SQS would after the visibility timeout.
 *
 * Time: the workers' clock stands at `now` while anything is queued. A schedule due by then is
 * delivered at once; one set for later is kept, and when the queue is empty the clock moves to
 * the earliest such instant and its schedules are delivered (same copies, order and crashes as
 * any message). The instants depend only on the schedules, so every run moves the clock alike.
 */
export async function runWorld(initial: readonly EventEnvelope[], opts: WorldOptions): Promise<WorldResult> {
  const random = prng(opts.seed);
  let current = opts.now;
  const advances: string[] = [];
  const clock: Clock = { now: () => current };
  const generated = new Set<string>();
  const baseIds = idGenerator(clock, (n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256)));
  const ids = {
    next: (kind: Parameters<typeof baseIds.next>[0]) => {
      const id = baseIds.next(kind);
      generated.add(id.slice(id.indexOf('_') + 1));
      return id;
    },
  };
  // Link secrets from the seeded PRNG; each, its hash and the code derived from it are volatile like ids.
  const secret = () => {
    const s = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
    for (const v of [s, hashSecret(s), attendanceCode(s)]) generated.add(v);
    return s;
  };
  const chaos = opts.chaos;
  // Events the handlers commit to the outbox, seen on the way to the table (no Scan per delivery).
  const emitted: EventEnvelope[] = [];
  const crash = crashing(
    opts.db,
    () => {
      if (!chaos || random() >= chaos.crashRate) return undefined;
      return random() < 0.5 ? 'before' : 'after';
    },
    (command) => emitted.push(...outboxPutsOf(command)),
  );

  const pending: Pending[] = [];
  const seen = new Set<string>(opts.delivered ?? []);
  // A schedule's message once it fired (queued), and the schedules still waiting for their time.
  const schedules = new Map<string, Pending>();
  const later = new Map<string, { at: number; event: EventEnvelope }>();
  const copies = () => (chaos ? 1 + Math.floor(random() * 3) : 1);
  const enqueue = (event: EventEnvelope, key = event.id): Pending => {
    const p = { key, event, copies: copies(), attempts: 0 };
    pending.push(p);
    return p;
  };
  const unschedule = (name: string) => {
    const before = schedules.get(name);
    if (before && pending.includes(before)) pending.splice(pending.indexOf(before), 1);
    schedules.delete(name);
    later.delete(name);
  };
  const fire = (name: string, event: EventEnvelope) =>
    schedules.set(name, enqueue(event, `schedule:${name}:${event.id}`));
  const scheduler: Scheduler = {
    // A schedule fires once, at its time (moved by arming it again): due now, at once; later, when the clock gets
    // there.
    at: (name, at, event) =>
      crash.guard('scheduler', async () => {
        unschedule(name);
        const when = Date.parse(at);
        if (when <= current) return void fire(name, event);
        later.set(name, { at: when, event });
        // Chaos: a trigger may come early; the handler must leave it alone.
        if (chaos?.earlyRate && random() < chaos.earlyRate)
          pending.push({ key: `early:${name}:${event.id}`, event, copies: 1, attempts: 0 });
      }),
    cancel: (name) => crash.guard('scheduler', async () => unschedule(name)),
  };
  const stores = createStores(opts.db, { clock });
  const mailbox = mailboxStore(opts.db, { nextId: () => ids.next('mail'), now: clock.now });
  const handler = createRequestEventsHandler({
    stores,
    log: silentLogger,
    clock,
    ids,
    timing: TEST_TIMING,
    mail: mailbox.sender,
    scheduler,
    portalUrl: 'http://portal.test',
    secret,
  });

  const discover = () => {
    for (const event of emitted.splice(0)) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      enqueue(event);
    }
  };
  for (const event of initial) {
    seen.add(event.id);
    enqueue(event);
  }

  const deliveries = new Map<string, number>();
  let crashes = 0;
  let step = 0;
  try {
    for (;;) {
      await deliverAll();
      // Anything committed to the outbox some other way than seen above: deliver it too.
      const missed = outboxEvents(await dumpTable(opts.db.doc, opts.db.table)).filter((e) => !seen.has(e.id));
      for (const event of missed) {
        seen.add(event.id);
        enqueue(event);
      }
      if (missed.length > 0) continue;
      // Idle: time passes to the next schedule set for later, which fires (with any due at the same instant).
      if (later.size === 0) break;
      current = Math.min(...[...later.values()].map((s) => s.at));
      advances.push(new Date(current).toISOString());
      for (const [name, s] of [...later].sort(([a], [b]) => a.localeCompare(b))) {
        if (s.at > current) continue;
        later.delete(name);
        fire(name, s.event);
      }
    }
  } finally {
    crash.restore();
  }
  return { generated, deliveries, crashes, advances };

  async function deliverAll(): Promise<void> {
    while (pending.length > 0) {
      if (++step > 5_000) throw new Error('the workers never settled');
      const batch = chaos ? pickBatch(pending, random) : [pending[0]!];
      const records = batch.map((p) => record(p, ++p.attempts));
      for (const p of batch) deliveries.set(p.event.type, (deliveries.get(p.event.type) ?? 0) + 1);
      crash.revive();
      let failed: Set<string>;
      try {
        const response = await handler({ Records: records } satisfies SQSEvent);
        failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      } catch (error) {
        if (!(error instanceof Crash)) throw error;
        failed = new Set(records.map((r) => r.messageId));
      }
      // A crash anywhere loses the whole invocation: every record of the batch comes back.
      if (crash.crashed()) {
        crashes++;
        failed = new Set(records.map((r) => r.messageId));
      }
      crash.revive();
      for (const [n, p] of batch.entries()) {
        if (failed.has(records[n]!.messageId)) {
          if (!chaos) throw new Error(`${p.event.type} ${p.event.id} failed without any crash injected`);
          if (p.attempts > 60)
            throw new Error(`${p.event.type} ${p.event.id} still failing after ${p.attempts} attempts`);
          continue;
        }
        p.copies -= 1;
        if (p.copies === 0 && pending.includes(p)) pending.splice(pending.indexOf(p), 1);
      }
      discover();
    }
  }
}

/** The outbox events a write command puts (Put, or the Puts of a transaction). */
function outboxPutsOf(command: unknown): EventEnvelope[] {
  const input = (command as { input?: { Item?: Item; TransactItems?: { Put?: { Item?: Item } }[] } }).input;
  const items = [input?.Item, ...(input?.TransactItems ?? []).map((t) => t.Put?.Item)];
  return items.filter((i): i is Item => i?.entity === 'outbox').map((i) => i.event as EventEnvelope);
}

/**
 * Up to three distinct pending messages, at random; an event handled a batch at a time goes alone (grouping changes
 * what a run decides).
 */
const inBatches = (type: string) => isEventType(type) && batchHandlers[type] !== undefined;

function pickBatch(pending: Pending[], random: () => number): Pending[] {
  const first = pending[Math.floor(random() * pending.length)]!;
  if (inBatches(first.event.type)) return [first];
  const size = 1 + Math.floor(random() * 3);
  const others = pending.filter((p) => p !== first && !inBatches(p.event.type));
  const batch = [first];
  while (batch.length < size && others.length > 0)
    batch.push(others.splice(Math.floor(random() * others.length), 1)[0]!);
  return batch;
}

function record(p: Pending, attempt: number): SQSRecord {
  return {
    messageId: `${p.key}#copy${p.copies}`,
    receiptHandle: randomUUID(),
    body: JSON.stringify(p.event),
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:request-events',
    awsRegion: 'local',
    messageAttributes: {},
    attributes: {
      ApproximateReceiveCount: String(attempt),
      SentTimestamp: '0',
      SenderId: 'replay',
      ApproximateFirstReceiveTimestamp: '0',
    },
  };
}
