import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../../../functions/local/stack';

/** The running local stack as the end-to-end tests see it. */
export interface E2eStack {
  url: string;
  /** Runs every queued message through its worker, and what those publish, until the queues are empty. */
  drain(): Promise<void>;
  /** The stack's log, for a failure message. */
  log: string[];
  stop(): Promise<void>;
}

/**
 * Starts the whole marketplace in this process (DynamoDB Local, API, workers, the built
 * portal) on a free port, with a fresh data folder, reset and seeded with the demo data.
 * `npm run test:e2e` builds the portal first.
 *
 * @example
 * const stack = await startStack(); … await stack.stop();
 */
export async function startStack(): Promise<E2eStack> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = await mkdtemp(join(tmpdir(), 'bds-e2e-data-'));
  const log: string[] = [];
  const stack = await startLocalStack({ port: 0, dataDir, reset: true, seed: true, log: (line) => log.push(line) });
  return {
    url: stack.url,
    log,
    drain: () => stack.queues.drain(),
    async stop() {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
