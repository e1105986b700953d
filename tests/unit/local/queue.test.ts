import { createHash } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalQueue, type LocalQueueOptions } from '../../../functions/local/queue';

/** What the test handler answers to its `call`-th call. */
type Reply = (event: SQSEvent, call: number) => SQSBatchResponse | void | Promise<SQSBatchResponse | void>;

const queues: LocalQueue[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});

/** A queue with small timeouts, a handler that records every call, and a log that keeps its lines. */
function setup(reply: Reply = () => undefined, overrides: Partial<LocalQueueOptions> = {}) {
  const deliveries: { at: number; records: SQSRecord[] }[] = [];
  const lines: string[] = [];
  const queue = new LocalQueue({
    name: 'test-events',
    handler: async (event) => reply(event, deliveries.push({ at: Date.now(), records: event.Records })),
    visibilityTimeoutMs: 40,
    pollIntervalMs: 5,
    log: { warn: (line: string) => void lines.push(line), error: (line: string) => void lines.push(line) },
    ...overrides,
  });
  queues.push(queue);
  const receivesOf = (id: string) =>
    deliveries.flatMap((d) =>
      d.records
        .filter((r) => r.messageId === id)
        .map((r) => ({ at: d.at, count: r.attributes.ApproximateReceiveCount })),
    );
  return { queue, deliveries, lines, receivesOf };
}

const failOn =
  (...bodies: string[]): Reply =>
  (event) => ({
    batchItemFailures: event.Records.filter((r) => bodies.includes(r.body)).map((r) => ({
      itemIdentifier: r.messageId,
    })),
  });

describe('LocalQueue', () => {
  it('hands the handler records shaped like those of SQS', async () => {
    // Prepare
    const { queue, deliveries } = setup();
    const body = '{"type":"request.opened"}';
    const id = queue.send(body, { correlationId: 'cor_1' });

    // Act
    queue.start();
    await queue.drain(2_000);

    // Assess
    const record = deliveries[0]?.records[0];
    expect(record).toMatchObject({
      messageId: id,
      body,
      md5OfBody: createHash('md5').update(body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:local:000000000000:test-events',
      awsRegion: 'local',
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: { correlationId: { stringValue: 'cor_1', dataType: 'String' } },
    });
    expect(Number(record?.attributes.SentTimestamp)).toBeLessThanOrEqual(
      Number(record?.attributes.ApproximateFirstReceiveTimestamp),
    );
    expect(record?.receiptHandle).not.toBe('');
  });

  it('never delivers more than batchSize records at once', async () => {
    // Prepare
    const { queue, deliveries } = setup(undefined, { batchSize: 10 });
    for (let i = 0; i < 25; i++) queue.send(`m${i}`);

    // Act
    queue.start();
    await queue.drain(2_000);

    // Assess
    expect(deliveries.map((d) => d.records.length)).toEqual([10, 10, 5]);
  });

  it('redelivers only the reported failures, after the visibility timeout, with the receive count up', async () => {
    // Prepare
    const { queue, deliveries, receivesOf } = setup((event, call) =>
      call === 1 ? failOn('b')(event, call) : undefined,
    );
    const [a, b, c] = ['a', 'b', 'c'].map((body) => queue.send(body)) as [string, string, string];

    // Act
    queue.start();
    await queue.drain(2_000);

    // Assess
    expect(deliveries.map((d) => d.records.map((r) => r.body))).toEqual([['a', 'b', 'c'], ['b']]);
    expect(receivesOf(a)).toHaveLength(1);
    expect(receivesOf(c)).toHaveLength(1);
    const [first, second] = receivesOf(b);
    expect([first?.count, second?.count]).toEqual(['1', '2']);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(40 - 2);
  });

  it('retries the whole batch when the handler throws', async () => {
    // Prepare
    const { queue, deliveries, lines } = setup((_event, call) => {
      if (call === 1) throw new Error('table not reachable');
    });
    for (const body of ['a', 'b']) queue.send(body);

    // Act
    queue.start();
    await queue.drain(2_000);

    // Assess
    expect(deliveries.map((d) => d.records.map((r) => `${r.body}:${r.attributes.ApproximateReceiveCount}`))).toEqual([
      ['a:1', 'b:1'],
      ['a:2', 'b:2'],
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\[queue test-events\] message .+ failed on receive 1\/3: table not reachable/);
  });

  it('treats an unknown itemIdentifier as a failure of the whole batch', async () => {
    // Prepare
    const { queue, deliveries } = setup((_event, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] } : undefined,
    );
    for (const body of ['a', 'b']) queue.send(body);

    // Act
    queue.start();
    await queue.drain(2_000);

    // Assess
    expect(deliveries.map((d) => d.records.map((r) => r.body))).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('dead-letters a message after exactly maxReceiveCount failed receives', async () => {
    // Prepare
    const { queue, lines, receivesOf } = setup(failOn('poison'), { maxReceiveCount: 3, visibilityTimeoutMs: 20 });
    const poison = queue.send('poison');
    const fine = queue.send('fine');

    // Act
    queue.start();
    await queue.drain(2_000);

    // Assess
    expect(receivesOf(poison).map((r) => r.count)).toEqual(['1', '2', '3']);
    expect(receivesOf(fine)).toHaveLength(1);
    expect(queue.deadLetters()).toEqual([
      expect.objectContaining({ messageId: poison, body: 'poison', receiveCount: 3, sourceQueue: 'test-events' }),
    ]);
    expect(queue.stats()).toEqual({ visible: 0, inFlight: 0, deadLettered: 1 });
    expect(lines.at(-1)).toBe(
      `[queue test-events] message ${poison} dead-lettered after 3 receives: reported in batchItemFailures`,
    );
  });

  it('redrives the dead letters named, with a fresh receive count, and keeps the others', async () => {
    // Prepare
    let healthy = false;
    const { queue, receivesOf } = setup((event, call) => (healthy ? undefined : failOn('flaky', 'bad')(event, call)), {
      maxReceiveCount: 1,
    });
    const [flaky, bad] = [queue.send('flaky'), queue.send('bad')];
    queue.start();
    await queue.drain(2_000);
    healthy = true;

    // Act
    const moved = queue.redrive([flaky]);
    await queue.drain(2_000);

    // Assess
    expect(moved).toBe(1);
    expect(receivesOf(flaky).map((r) => r.count)).toEqual(['1', '1']);
    expect(receivesOf(bad)).toHaveLength(1);
    expect(queue.deadLetters().map((l) => l.messageId)).toEqual([bad]);
  });

  it('sends dead letters to a LocalQueue target, marked with their source, and redrives from it', async () => {
    // Prepare
    let healthy = false;
    const { queue: dlq, deliveries: dlqDeliveries } = setup(undefined, { name: 'test-events-dlq' });
    const { queue, receivesOf } = setup((event, call) => (healthy ? undefined : failOn('p1', 'p2')(event, call)), {
      maxReceiveCount: 1,
      deadLetter: dlq,
    });
    const [p1, p2] = [queue.send('p1'), queue.send('p2')];
    queue.start();
    await queue.drain(2_000);
    healthy = true;
    const listed = queue.deadLetters().map((l) => l.messageId);
    const held = dlq.stats().visible;

    // Act
    queue.redrive([p1]);
    await queue.drain(2_000);
    dlq.start();
    await dlq.drain(2_000);

    // Assess
    expect(listed).toEqual([p1, p2]);
    expect(held).toBe(2);
    expect(receivesOf(p1).map((r) => r.count)).toEqual(['1', '1']);
    const seenByDlq = dlqDeliveries
      .flatMap((d) => d.records)
      .map((r) => [r.messageId, r.attributes.DeadLetterQueueSourceArn]);
    expect(seenByDlq).toEqual([[p2, 'arn:aws:sqs:local:000000000000:test-events']]);
    expect(queue.deadLetters()).toEqual([]);
  });

  it('drain() resolves once everything is handled, and rejects when nothing consumes the queue', async () => {
    // Prepare
    const { queue, deliveries } = setup();
    queue.send('a');

    // Act
    const stalled = queue.drain(30);

    // Assess
    await expect(stalled).rejects.toThrow(
      /Queue test-events not drained after 30 ms: \{"visible":1,"inFlight":0,"deadLettered":0\}/,
    );
    queue.start();
    await expect(queue.drain(2_000)).resolves.toBeUndefined();
    expect(deliveries).toHaveLength(1);
  });

  it('stop() waits for the batch in flight and leaves no timer behind', async () => {
    // Prepare: fake timers make every timer the queue holds countable.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let finished = false;
    const { queue } = setup(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      finished = true;
    });
    queue.start();
    queue.send('slow');
    await vi.advanceTimersByTimeAsync(1);
    const whileRunning = vi.getTimerCount();

    // Act
    let stopped = false;
    const stopping = queue.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(10);
    const stoppedEarly = stopped;
    await vi.advanceTimersByTimeAsync(30);
    await stopping;

    // Assess
    expect(whileRunning).toBeGreaterThan(0);
    expect(stoppedEarly).toBe(false);
    expect(finished).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps one poll timer while idle, even when a send wakes it, and stop() clears it', async () => {
    // Prepare
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { queue } = setup();
    queue.start();
    await vi.advanceTimersByTimeAsync(20);
    queue.send('wakes the poller');
    const polling = vi.getTimerCount();

    // Act
    await queue.stop();

    // Assess
    expect(polling).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
