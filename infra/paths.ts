import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root. Every path the stack needs is resolved from here rather than from
 * `process.cwd()`, so `cdk synth`, vitest and an IDE all find the same files.
 */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of a file or folder given relative to the repository root. */
export const fromRoot = (...segments: string[]): string => join(REPO_ROOT, ...segments);

/** Entry of an SQS worker, by its file name under functions/workers/. */
export const workerEntry = (file: string): string => fromRoot('functions/workers', file);

/**
 * Lambda entry files besides the SQS workers (`WORKERS` in workers.ts). infra names handlers by
 * path only (ESLint forbids importing their code), and each exports `handler`.
 */
export const ENTRIES = {
  api: fromRoot('functions/api/handler.ts'),
  /** The outbox relay: table stream → events queue. */
  relay: workerEntry('relay.ts'),
} as const;

/** The workspace lock file: NodejsFunction hashes it and bundles from its folder. */
export const LOCK_FILE = fromRoot('package-lock.json');

/** The built portal (`npm run build:web`). */
export const WEB_DIST = fromRoot('web/dist');
