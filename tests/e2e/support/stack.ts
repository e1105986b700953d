import { inject } from 'vitest';

/** The run's one local stack, as an e2e test file sees it (started by ../global-setup.ts). */
export interface E2eStack {
  url: string;
  /** Runs every queued message through its worker, and what those publish, until the queues are empty. */
  drain(): Promise<void>;
  /** The last `lines` lines of the stack's log, for a failure message. */
  logTail(lines?: number): Promise<string[]>;
  /**
   * The stack's clock (ms): ahead of `Date.now()` once any file has moved it. Deadlines a test sets are counted
   * from this, never from `Date.now()`.
   */
  now(): Promise<number>;
  /**
   * Moves the stack's clock forward to `atMs` (never back) and fires what falls due, then drains the queues:
   * a test jumps a deadline or a stand-still instead of sleeping through it. The browser's clock does not move.
   */
  advanceTo(atMs: number): Promise<void>;
}

/**
 * The local stack every e2e file shares: seeded once with the demo data, so a file finds what
 * other files made before it (see README.md: name what you create uniquely, and read your own).
 *
 * @example
 * const stack = sharedStack(); await page.goto(stack.url);
 */
export function sharedStack(): E2eStack {
  const { url, control } = inject('e2e');
  const clock = async (advance = 0) => {
    const res = await fetch(`${control}/clock?advance=${advance}`, { method: advance > 0 ? 'POST' : 'GET' });
    if (!res.ok) throw new Error(`the stack's clock answered ${res.status} ${await res.text()}`);
    return ((await res.json()) as { now: number }).now;
  };
  const drain = async () => {
    const res = await fetch(`${control}/drain`, { method: 'POST' });
    if (!res.ok) throw new Error(`draining the stack's queues failed: ${res.status} ${await res.text()}`);
  };
  return {
    url,
    drain,
    now: () => clock(),
    async advanceTo(atMs) {
      await clock(Math.max(0, atMs - (await clock())));
      await drain();
    },
    async logTail(lines = 20) {
      const log = (await (await fetch(`${control}/log`)).json()) as string[];
      return log.slice(-lines);
    },
  };
}
