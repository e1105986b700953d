import type { EventEnvelope } from '@bds/core';
import { systemClock } from '../system';
import type { Scheduler } from './port';

/** Longest delay `setTimeout` accepts; longer schedules re-arm in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The local stack's scheduler: one timer per schedule name, firing `deliver(event)` at the
 * instant. Schedules live in memory; the stack re-arms open deadlines when it starts.
 */
export function localScheduler(deliver: (event: EventEnvelope) => Promise<void>, now: () => number = systemClock.now) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const armed = new Map<string, { atMs: number; event: EventEnvelope }>();
  const fire = (name: string, event: EventEnvelope) => {
    clearTimeout(timers.get(name));
    timers.delete(name);
    armed.delete(name);
    void deliver(event).catch(() => undefined);
  };
  const arm = (name: string, atMs: number, event: EventEnvelope) => {
    const delay = Math.max(0, Math.min(MAX_DELAY_MS, atMs - now()));
    const timer = setTimeout(() => (atMs > now() ? arm(name, atMs, event) : fire(name, event)), delay);
    timer.unref?.();
    timers.set(name, timer);
    armed.set(name, { atMs, event });
  };
  const scheduler: Scheduler & { pending(): string[]; fireDue(): number; stop(): void } = {
    async at(name, at, event) {
      clearTimeout(timers.get(name));
      arm(name, Date.parse(at), event);
    },
    async cancel(name) {
      clearTimeout(timers.get(name));
      timers.delete(name);
      armed.delete(name);
    },
    pending: () => [...timers.keys()],
    /**
     * Delivers now every schedule whose instant `now()` has passed, and returns how many: a timer
     * only looks at the clock when its real delay ends, so a clock moved forward (a test's) needs this.
     */
    fireDue: () => {
      const due = [...armed].filter(([, s]) => s.atMs <= now());
      for (const [name, s] of due) fire(name, s.event);
      return due.length;
    },
    stop: () => {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      armed.clear();
    },
  };
  return scheduler;
}
