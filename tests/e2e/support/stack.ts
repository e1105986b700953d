import { inject } from 'vitest';

/** The run's one local stack, as an e2e test file sees it (started by ../global-setup.ts). */
export interface E2eStack {
  url: string;
  /** Runs every queued message through its worker, and what those publish, until the queues are empty. */
  drain(): Promise<void>;
  /** The last `lines` lines of the stack's log, for a failure message. */
  logTail(lines?: number): Promise<string[]>;
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
  return {
    url,
    async drain() {
      const res = await fetch(`${control}/drain`, { method: 'POST' });
      if (!res.ok) throw new Error(`draining the stack's queues failed: ${res.status} ${await res.text()}`);
    },
    async logTail(lines = 20) {
      const log = (await (await fetch(`${control}/log`)).json()) as string[];
      return log.slice(-lines);
    },
  };
}
