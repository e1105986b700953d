import type { Hono } from 'hono';
import type { Deps } from './deps';
import type { AnyRoute } from './route';
import { allRoutes } from './routes';
import { openApiDocument } from './openapi';
import { apiReferencePage } from './reference-page';
import { docsContentSecurityPolicy } from './security/headers';
import { routeApp, servedRoutes, type ApiEnv } from './mount-app';

/**
 * The whole HTTP API as one Hono app, with its reference (`/openapi.json`, `/docs`): the local
 * stack and the tests serve it on Node. On Lambda each route group is its own function
 * (`functions/api/lambda/`), and the reference is a file built at build time.
 *
 * @example
 * const app = createApp(deps); const res = await app.request('/health');
 */
export function createApp(deps: Deps, routes: readonly AnyRoute[] = allRoutes): Hono<ApiEnv> {
  const app = routeApp(deps, routes);
  // The reference describes the route table, so it is served beside it rather than in it. Built on
  // first request: converting every schema took about 90 ms of each cold start (issue 15).
  let document: ReturnType<typeof openApiDocument> | undefined;
  const mounted = servedRoutes(deps, routes);
  app.get('/openapi.json', (c) => c.json((document ??= openApiDocument(mounted, { version: deps.version }))));
  const docsCsp = docsContentSecurityPolicy();
  app.get('/docs', (c) => c.html(apiReferencePage(), 200, { 'content-security-policy': docsCsp }));
  return app;
}
