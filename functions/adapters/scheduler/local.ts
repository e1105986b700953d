import type { EventEnvelope } from '@bds/core';
import type { Scheduler } from './port';

/** Longest delay `setTimeout` accepts; longer schedules re-arm in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The local stack's scheduler: one timer per schedule name, firing `deliver(event)` at the
 * instant. Schedules live in memory; the stack re-arms open deadlines when it starts.
 */
export function localScheduler(deliver: (event: EventEnvelope) => Promise<void>, now: () => number = Date.now) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const arm = (name: string, atMs: number, event: EventEnvelope) => {
    const delay = Math.max(0, Math.min(MAX_DELAY_MS, atMs - now()));
    const timer = setTimeout(() => {
      if (atMs > now()) return arm(name, atMs, event);
      timers.delete(name);
      void deliver(event).catch(() => undefined);
    }, delay);
    timer.unref?.();
    timers.set(name, timer);
  };
  const scheduler: Scheduler & { pending(): string[]; stop(): void } = {
    async at(name, at, event) {
      clearTimeout(timers.get(name));
      arm(name, Date.parse(at), event);
    },
    async cancel(name) {
      clearTimeout(timers.get(name));
      timers.delete(name);
    },
    pending: () => [...timers.keys()],
    stop: () => {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
  return scheduler;
}
