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
  /** The API's catch-all: the OpenAPI document, the reference page, the 404 of unknown paths. */
  apiReference: fromRoot('functions/api/lambda/reference.ts'),
  /** The outbox relay: table stream → events queue. */
  relay: workerEntry('relay.ts'),
} as const;

/** Entry of one API route group's function (functions/api/lambda/groups.ts; infra/api-routes.json lists its routes). */
export const apiGroupEntry = (group: string): string => fromRoot('functions/api/lambda', `${group}.ts`);

/** Which API route group serves which `METHOD /path`, as `npm run gen:api` writes it. */
export const API_ROUTE_TABLE = fromRoot('infra/api-routes.json');

/** The workspace lock file: NodejsFunction hashes it and bundles from its folder. */
export const LOCK_FILE = fromRoot('package-lock.json');

/** The built portal (`npm run build:web`). */
export const WEB_DIST = fromRoot('web/dist');
