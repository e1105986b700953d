/**
 * Writes the API's OpenAPI document to a file: `node node_modules/tsx/dist/cli.mjs scripts/write-openapi.ts OUT`.
 * infra runs it when it bundles the reference function (infra/api.ts), so the deployed
 * `/openapi.json` is built at build time from the same route table and zod schemas, without the
 * local-only routes a deployed stage does not mount.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../functions/api/openapi';
import { allRoutes } from '../functions/api/routes';
import { VERSION } from '../functions/runtime';

/** The document a deployed stage serves. */
export const deployedDocument = (): Record<string, unknown> =>
  openApiDocument(
    allRoutes.filter((r) => !r.localOnly),
    { version: VERSION },
  );

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  if (!out) throw new Error('Usage: write-openapi.ts OUT_FILE');
  await writeFile(out, JSON.stringify(deployedDocument()));
}
