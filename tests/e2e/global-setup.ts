import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { TEST_SCRYPT } from '../support/passwords';
import { TEST_TIMING } from '../support/timing';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The e2e run's one local stack and one Chromium, shared by every e2e file (support/README.md). */
    e2e: { url: string; control: string; browser: string };
  }
}

/** Lines of the stack's log kept for failure messages. */
const LOG_LINES = 2_000;

/**
 * Starts, once for the whole e2e run, the local stack (DynamoDB Local, API, workers, the built
 * portal; fresh data, seeded with the demo) and one headless Chromium as a browser server. The
 * test files reach them through `inject('e2e')` (support/stack.ts, support/browser.ts): the
 * stack's URL, the browser's websocket endpoint, and a small control server on 127.0.0.1 that
 * runs the stack's queues until they are empty (`POST /drain`) and returns its log (`GET /log`),
 * because those live in this process. Returns the teardown that stops all three.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const started = Date.now();
  const clock = movableClock();
  const dataDir = await mkdtemp(join(tmpdir(), 'bds-e2e-data-'));
  const log: string[] = [];
  const keep = (line: string) => log.push(line) > LOG_LINES && log.splice(0, log.length - LOG_LINES);
  // Both at once; when one fails, the other is stopped before the error is reported.
  const [stack, browser] = await Promise.allSettled([
    startLocalStack({
      port: 0,
      dataDir,
      inMemory: true,
      reset: true,
      seed: true,
      log: keep,
      scrypt: TEST_SCRYPT,
      timing: TEST_TIMING,
      clock,
    }),
    chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }),
  ]);
  let control: Server | undefined;
  const teardown = async () => {
    await new Promise<void>((resolve) => (control ? control.close(() => resolve()) : resolve()));
    await Promise.allSettled([
      browser.status === 'fulfilled' ? browser.value.close() : undefined,
      stack.status === 'fulfilled' ? stack.value.stop() : undefined,
    ]);
    await rm(dataDir, { recursive: true, force: true });
  };
  if (stack.status === 'rejected' || browser.status === 'rejected') {
    await teardown();
    throw stack.status === 'rejected' ? stack.reason : (browser as PromiseRejectedResult).reason;
  }
  try {
    control = await startControl(stack.value, log, clock);
  } catch (error) {
    await teardown();
    throw error;
  }
  const { port } = control.address() as AddressInfo;
  project.provide('e2e', {
    url: stack.value.url,
    control: `http://127.0.0.1:${port}`,
    browser: browser.value.wsEndpoint(),
  });
  console.log(`[e2e] stack on ${stack.value.url} and Chromium up in ${Date.now() - started} ms`);
  return teardown;
}

/** The stack's clock: the system's, plus however far the tests have moved it forward (never back). */
function movableClock() {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(ms: number) {
      offsetMs += Math.max(0, ms);
    },
  };
}

/**
 * The test files' handle on what only this process can do: drain the queues, read the log, read the stack's clock
 * (`GET /clock`) and move it forward (`POST /clock?advance=<ms>`), which fires every schedule that falls due (a
 * deadline, the end of a stand-still) as EventBridge Scheduler would at that instant.
 */
async function startControl(stack: LocalStack, log: string[], clock: ReturnType<typeof movableClock>): Promise<Server> {
  const server = createServer((req, res) => {
    const reply = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (req.method === 'POST' && req.url === '/drain') {
      stack.queues.drain().then(
        () => reply(204),
        (error: unknown) => reply(500, { error: String(error) }),
      );
    } else if (req.method === 'GET' && req.url === '/log') {
      reply(200, log);
    } else if (req.url?.startsWith('/clock')) {
      const advance = Number(new URL(req.url, 'http://control').searchParams.get('advance') ?? 0);
      if (req.method === 'POST' && Number.isFinite(advance)) clock.advance(advance);
      const fired = req.method === 'POST' ? stack.scheduler.fireDue() : 0;
      reply(200, { now: clock.now(), fired });
    } else {
      reply(404);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return server;
}
