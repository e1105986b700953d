import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/** Where a queue reports failures; `console` fits. */
export type Logger = Pick<Console, 'warn' | 'error'>;

/** A message that failed `maxReceiveCount` times; `error` is why it failed the last time. */
export interface DeadLetter {
  messageId: string;
  body: string;
  attributes: Record<string, string>;
  sourceQueue: string;
  receiveCount: number;
  /** Epoch ms, like SQS's SentTimestamp. */
  sentAt: number;
  deadLetteredAt: number;
  error: string;
}

/** Keeps the dead letters of one queue. A {@link LocalQueue} can play this part, as an SQS DLQ does. */
export interface DeadLetterStore {
  put(letter: DeadLetter): void;
  list(): DeadLetter[];
  /** Removes and returns the letters named by `messageIds` (all of them when absent). */
  take(messageIds?: readonly string[]): DeadLetter[];
}

/** A dead-letter store in memory; what a queue uses when given no dead-letter target. */
export function memoryDeadLetters(): DeadLetterStore {
  let letters: DeadLetter[] = [];
  return {
    put: (letter) => void letters.push(letter),
    list: () => [...letters],
    take: (ids) => {
      const taken = letters.filter((l) => !ids || ids.includes(l.messageId));
      letters = letters.filter((l) => !taken.includes(l));
      return taken;
    },
  };
}

/** Options of {@link LocalQueue}; the defaults are those of an SQS event source mapping. */
export interface LocalQueueOptions {
  name: string;
  handler: (event: SQSEvent) => Promise<SQSBatchResponse | void>;
  /** At most this many records per handler call; 10. */
  batchSize?: number;
  /** A received message stays invisible this long; 30 000. */
  visibilityTimeoutMs?: number;
  /** Receives before a failing message is dead-lettered; 3. */
  maxReceiveCount?: number;
  pollIntervalMs?: number;
  /** Where messages go after `maxReceiveCount` failed receives; kept in memory by default. */
  deadLetter?: LocalQueue | DeadLetterStore;
  log?: Logger;
}

interface Message extends Pick<DeadLetter, 'body' | 'attributes' | 'sentAt' | 'receiveCount'> {
  id: string;
  visibleAt: number;
  firstReceivedAt?: number;
  /** The handler has it right now, so it is not redelivered even if its visibility lapses. */
  busy: boolean;
  /** Set when this queue is a DLQ and the message came from another queue. */
  deadLetter?: DeadLetter;
}

const arnOf = (name: string) => `arn:aws:sqs:local:000000000000:${name}`;
const isVisible = (m: Message, now: number) => !m.busy && m.visibleAt <= now;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The record Lambda hands a handler for one SQS message. */
function toRecord(m: Message, eventSourceARN: string): SQSRecord {
  const attributes = {
    ApproximateReceiveCount: String(m.receiveCount),
    SentTimestamp: String(m.sentAt),
    SenderId: 'local',
    ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt ?? m.sentAt),
    ...(m.deadLetter && { DeadLetterQueueSourceArn: arnOf(m.deadLetter.sourceQueue) }),
  };
  const messageAttributes = Object.fromEntries(
    Object.entries(m.attributes).map(([k, v]) => [
      k,
      { stringValue: v, stringListValues: [], binaryListValues: [], dataType: 'String' },
    ]),
  );
  const md5OfBody = createHash('md5').update(m.body).digest('hex');
  return {
    messageId: m.id,
    receiptHandle: randomUUID(),
    body: m.body,
    attributes,
    messageAttributes,
    md5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN,
    awsRegion: 'local',
  };
}

/**
 * An in-process queue that calls an SQS handler as an SQS → Lambda event source mapping does (one
 * batch at a time): batches, visibility timeout, partial batch responses, receive counts, dead letters.
 *
 * @example
 * const queue = new LocalQueue({ name: 'request-events', handler });
 * queue.start();
 * queue.send(JSON.stringify(event));
 * await queue.drain();
 * await queue.stop();
 */
export class LocalQueue {
  readonly name: string;
  private readonly cfg: Required<Omit<LocalQueueOptions, 'name' | 'deadLetter'>>;
  private readonly dlq: DeadLetterStore;
  private readonly messages = new Map<string, Message>();
  private readonly idleWaiters = new Set<() => void>();
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private batch: Promise<void> | undefined;

  constructor({ name, handler, deadLetter, log = console, ...o }: LocalQueueOptions) {
    const counts = {
      batchSize: o.batchSize ?? 10,
      visibilityTimeoutMs: o.visibilityTimeoutMs ?? 30_000,
      maxReceiveCount: o.maxReceiveCount ?? 3,
      pollIntervalMs: o.pollIntervalMs ?? 50,
    };
    const bad = Object.entries(counts).find(([, value]) => !Number.isInteger(value) || value < 1);
    if (bad) throw new RangeError(`LocalQueue ${bad[0]} must be a positive integer, got ${bad[1]}`);
    this.name = name;
    this.cfg = { handler, log, ...counts };
    this.dlq =
      deadLetter instanceof LocalQueue ? deadLetter.asDeadLetterStore(name) : (deadLetter ?? memoryDeadLetters());
  }

  /** Enqueues a message, visible at once; returns its id. `attributes` become String message attributes. */
  send(body: string, attributes: Record<string, string> = {}): string {
    const id = randomUUID();
    this.enqueue({ id, body, attributes: { ...attributes }, sentAt: Date.now() });
    return id;
  }

  /** Starts polling; calling it again does nothing. */
  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in flight; no timer is left behind. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.batch;
  }

  /** Resolves once no message is visible or in flight (dead letters do not count); rejects after `timeoutMs`. */
  drain(timeoutMs = 10_000): Promise<void> {
    if (this.messages.size === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => (clearTimeout(timer), this.idleWaiters.delete(done), resolve());
      const timeout = () => (
        this.idleWaiters.delete(done),
        reject(new Error(`Queue ${this.name} not drained after ${timeoutMs} ms: ${JSON.stringify(this.stats())}`))
      );
      const timer = setTimeout(timeout, timeoutMs);
      this.idleWaiters.add(done);
    });
  }

  /** Counts like SQS's approximate ones: in flight = received and neither deleted nor visible again yet. */
  stats(): { visible: number; inFlight: number; deadLettered: number } {
    const visible = [...this.messages.values()].filter((m) => isVisible(m, Date.now())).length;
    return { visible, inFlight: this.messages.size - visible, deadLettered: this.deadLetters().length };
  }

  /** This queue's dead letters, wherever its dead-letter target keeps them. */
  deadLetters(): DeadLetter[] {
    return this.dlq.list();
  }

  /** Moves dead letters (all, or those named) back into this queue with a fresh receive count; returns how many. */
  redrive(messageIds?: readonly string[]): number {
    const letters = this.dlq.take(messageIds);
    for (const l of letters)
      this.enqueue({ id: l.messageId, body: l.body, attributes: l.attributes, sentAt: l.sentAt });
    return letters.length;
  }

  private enqueue(m: Pick<Message, 'id' | 'body' | 'attributes' | 'sentAt' | 'deadLetter'>): void {
    this.messages.set(m.id, { ...m, receiveCount: 0, visibleAt: Date.now(), busy: false });
    this.schedule(0);
  }

  /** This queue as another queue's dead-letter target, as an SQS redrive policy sets it up. */
  private asDeadLetterStore(source: string): DeadLetterStore {
    const held = (ids?: readonly string[]) =>
      [...this.messages.values()].filter(
        (m): m is Message & { deadLetter: DeadLetter } =>
          !m.busy && m.deadLetter?.sourceQueue === source && (!ids || ids.includes(m.id)),
      );
    return {
      put: (letter) =>
        this.enqueue({
          id: letter.messageId,
          body: letter.body,
          attributes: letter.attributes,
          sentAt: letter.sentAt,
          deadLetter: letter,
        }),
      list: () => held().map((m) => m.deadLetter),
      take: (ids) => {
        const taken = held(ids);
        for (const m of taken) this.messages.delete(m.id);
        this.settle();
        return taken.map((m) => m.deadLetter);
      },
    };
  }

  private schedule(delayMs: number): void {
    if (!this.running || this.batch) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => ((this.timer = undefined), this.poll()), delayMs);
  }

  private poll(): void {
    const now = Date.now();
    const batch: Message[] = [];
    for (const m of this.messages.values()) {
      if (batch.length === this.cfg.batchSize) break;
      if (isVisible(m, now)) batch.push(m);
    }
    if (batch.length === 0) return this.schedule(this.cfg.pollIntervalMs);
    this.batch = this.deliver(batch, now)
      // Only a throwing logger or dead-letter store gets here; keep polling regardless.
      .catch((error: unknown) => this.cfg.log.error(`[queue ${this.name}] delivery failed: ${reason(error)}`))
      .finally(() => ((this.batch = undefined), this.schedule(0)));
  }

  private async deliver(batch: Message[], now: number): Promise<void> {
    for (const m of batch) {
      m.busy = true;
      m.receiveCount += 1;
      m.firstReceivedAt ??= now;
      // Like SQS, the visibility timeout runs from the receive, not from the failure.
      m.visibleAt = now + this.cfg.visibilityTimeoutMs;
    }
    let failed: Map<string, string>;
    try {
      failed = this.failures(
        await this.cfg.handler({ Records: batch.map((m) => toRecord(m, arnOf(this.name))) }),
        batch,
      );
    } catch (error) {
      failed = new Map(batch.map((m) => [m.id, reason(error)]));
    }
    for (const m of batch) {
      m.busy = false;
      if (failed.has(m.id)) this.fail(m, failed.get(m.id) ?? '');
      else this.messages.delete(m.id);
    }
    this.settle();
  }

  /** Which messages failed, by id; an unknown itemIdentifier fails the whole batch, as Lambda does. */
  private failures(response: SQSBatchResponse | void, batch: Message[]): Map<string, string> {
    const items: unknown[] = response && Array.isArray(response.batchItemFailures) ? response.batchItemFailures : [];
    const ids = items.map((i) => (i as { itemIdentifier?: unknown } | null)?.itemIdentifier);
    const inBatch = new Set(batch.map((m) => m.id));
    const bad = ids.findIndex((id) => typeof id !== 'string' || !inBatch.has(id));
    if (bad < 0) return new Map(ids.map((id) => [String(id), 'reported in batchItemFailures']));
    const why =
      `batchItemFailures names unknown itemIdentifier ` +
      `${JSON.stringify(ids[bad] ?? null)}, so the whole batch failed`;
    return new Map(batch.map((m) => [m.id, why]));
  }

  private fail(m: Message, why: string): void {
    if (m.receiveCount < this.cfg.maxReceiveCount) {
      const inMs = Math.max(0, m.visibleAt - Date.now());
      return this.cfg.log.warn(
        `[queue ${this.name}] message ${m.id} failed on receive ` +
          `${m.receiveCount}/${this.cfg.maxReceiveCount}: ${why} (visible again in ${inMs} ms)`,
      );
    }
    this.messages.delete(m.id);
    const { id: messageId, body, attributes, sentAt, receiveCount } = m;
    this.dlq.put({
      messageId,
      body,
      attributes,
      sentAt,
      receiveCount,
      sourceQueue: this.name,
      error: why,
      deadLetteredAt: Date.now(),
    });
    this.cfg.log.error(`[queue ${this.name}] message ${m.id} dead-lettered after ${receiveCount} receives: ${why}`);
  }

  private settle(): void {
    if (this.messages.size === 0) for (const done of [...this.idleWaiters]) done();
  }
}
