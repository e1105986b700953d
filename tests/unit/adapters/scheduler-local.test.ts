import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newEvent, type EventEnvelope } from '@bds/core';
import { localScheduler } from '../../../functions/adapters/scheduler/local';

const NOW = Date.parse('2030-01-02T10:00:00.000Z');
const AT = '2030-01-02T10:00:08.000Z';
const event = newEvent(
  'request.deadline',
  { requestId: 'req_1', deadline: AT },
  {
    id: 'evt_01J0000000000000000000000',
    clusterId: 'clu_1',
    occurredAt: AT,
    correlationId: 'corr-1',
  },
);

/** The local scheduler on fake timers: its timers and its clock move together, with no real wait. */
describe('the local scheduler', () => {
  let delivered: EventEnvelope[];
  let offset: number;
  let scheduler: ReturnType<typeof localScheduler>;
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
    delivered = [];
    offset = 0;
    scheduler = localScheduler(
      async (e) => void delivered.push(e),
      () => Date.now() + offset,
    );
  });
  afterEach(() => {
    scheduler.stop();
    vi.useRealTimers();
  });

  it('delivers the event when its instant comes, once, and forgets the schedule', async () => {
    // Prepare
    await scheduler.at('deadline:req_1', AT, event);

    // Act
    await vi.advanceTimersByTimeAsync(7_999);
    const early = [...delivered];
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(60_000);

    // Assess
    expect(early).toEqual([]);
    expect(delivered).toEqual([event]);
    expect(scheduler.pending()).toEqual([]);
  });

  it('waits again when its clock is behind when the timer ends, and replaces a schedule of the same name', async () => {
    // Prepare: armed for 10:00:08, then moved to 10:00:10; the clock lags the timers by 5 s.
    await scheduler.at('deadline:req_1', AT, event);
    const later = { ...event, id: 'evt_later' };
    await scheduler.at('deadline:req_1', '2030-01-02T10:00:10.000Z', later);
    offset = -5_000;

    // Act
    await vi.advanceTimersByTimeAsync(10_000);
    const whenTimerEnded = [...delivered];
    await vi.advanceTimersByTimeAsync(5_000);

    // Assess
    expect(whenTimerEnded).toEqual([]);
    expect(delivered).toEqual([later]);
  });

  it('fires only what is due when the clock jumps, and nothing that was cancelled', async () => {
    // Prepare
    await scheduler.at('deadline:req_1', AT, event);
    await scheduler.at('deadline:req_2', '2030-01-02T11:00:00.000Z', { ...event, id: 'evt_2' });
    await scheduler.at('deadline:req_3', AT, { ...event, id: 'evt_3' });
    await scheduler.cancel('deadline:req_3');

    // Act
    const before = scheduler.fireDue();
    offset = 8_000;
    const fired = scheduler.fireDue();
    await vi.advanceTimersByTimeAsync(8_000);

    // Assess: delivered once, though its own timer also ended afterwards
    expect(before).toBe(0);
    expect(fired).toBe(1);
    expect(delivered).toEqual([event]);
    expect(scheduler.pending()).toEqual(['deadline:req_2']);
  });
});
