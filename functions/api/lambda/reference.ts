import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { problem, sendProblem } from '../problem-document';
import { apiReferencePage } from '../reference-page';
import { applySecurityHeaders, docsContentSecurityPolicy } from '../security/headers';

/**
 * Lambda entry of the API's catch-all route: the OpenAPI document, the reference page and the
 * 404 of any path no route group serves. The document is built at build time (infra copies
 * `openapi.json` beside this bundle, scripts/write-openapi.ts): converting every schema at run time
 * would put every route's zod schemas and the JSON-schema converter in this function.
 */
const app = new Hono();
app.use(async (c, next) => {
  await next();
  applySecurityHeaders(c.res.headers);
});
let document: Promise<string> | undefined;
app.get('/openapi.json', async (c) => {
  document ??= readFile(new URL('./openapi.json', import.meta.url), 'utf8');
  return c.body(await document, 200, { 'content-type': 'application/json' });
});
const docsCsp = docsContentSecurityPolicy();
app.get('/docs', (c) => c.html(apiReferencePage(), 200, { 'content-security-policy': docsCsp }));
app.notFound((c) =>
  sendProblem(
    c,
    problem(404, {
      code: 'ROUTE.NOT_FOUND',
      detail: `No operation at ${c.req.method} ${c.req.path}.`,
      instance: c.req.path,
    }),
  ),
);

export const handler = handle(app);
