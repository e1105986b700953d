import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { bodyLimit } from 'hono/body-limit';
import type { Actor } from '@bds/core';
import { routePath } from 'hono/route';
import type { Deps } from './deps';
import { InputError, problem, sendProblem, toProblem, zodIssues } from './problem';
import type { AnyRoute } from './route';
import { clusterGuard, type ClusterGuard } from './security/cluster-guard';
import { applySecurityHeaders } from './security/headers';
import { IdParam } from './routes/common';
import { assertTokenStanding } from './security/session-check';
import { clusterLimiter } from './security/cluster-limiter';
import { clusterRequestMetrics } from '../observability/metrics';

type ClusterLimiter = ReturnType<typeof clusterLimiter>;

export type ApiEnv = {
  Variables: {
    correlationId: string;
    sessionId?: string;
    /** Set once the caller has reached a cluster: the request is then measured per cluster. */
    meteredCluster?: { clusterId: string; rateLimited: boolean };
  };
};

async function readBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json'))
    throw new InputError('header', [{ field: 'content-type', message: 'Send the body as application/json' }]);
  try {
    return await c.req.json();
  } catch {
    throw new InputError('body', [{ field: '(root)', message: 'The body is not valid JSON' }]);
  }
}

function parse<T>(location: 'path' | 'query' | 'body', schema: AnyRoute['body'], value: unknown): T {
  if (!schema) return undefined as T;
  // Unknown body fields are refused, not silently dropped: a body cannot smuggle in its own
  // role, cluster or organisation, and a typo is reported instead of ignored.
  if (
    location === 'body' &&
    schema instanceof z.ZodObject &&
    value &&
    typeof value === 'object' &&
    !Array.isArray(value)
  ) {
    // Own keys only: `in` would accept `__proto__` and `constructor` through the prototype.
    const unknown = Object.keys(value).filter((k) => !Object.hasOwn(schema.shape, k));
    if (unknown.length > 0)
      throw new InputError(
        'body',
        unknown.map((field) => ({ field, message: 'Unknown field: it cannot be set here' })),
      );
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new InputError(location, zodIssues(result.error));
  return result.data as T;
}

async function authenticate(c: Context<ApiEnv>, deps: Deps): Promise<Actor | undefined> {
  const header = c.req.header('authorization');
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) return undefined;
  const { session, ...actor } = await deps.tokens.verify(token);
  await assertTokenStanding(deps, { ...actor, session });
  // Handlers get the plain actor; the session id is for the routes that list or end sessions.
  if (session.id) c.set('sessionId', session.id);
  return actor;
}

/** Mounts one route: authenticate, authorize, validate, call, validate the answer. */
function mount(
  app: Hono<ApiEnv>,
  route: AnyRoute,
  deps: Deps,
  guardCluster: ClusterGuard,
  limitCluster: ClusterLimiter,
): void {
  app.on(route.method.toUpperCase(), route.path, async (c) => {
    const correlationId = c.get('correlationId');
    const log = deps.log.child({ correlationId, operation: route.operationId });
    const actor = route.access === 'public' && !c.req.header('authorization') ? undefined : await authenticate(c, deps);
    if (route.access !== 'public') {
      if (!actor)
        return sendProblem(
          c,
          problem(401, { code: 'AUTH.REQUIRED', detail: 'Sign in to use this operation.', instance: c.req.path }),
        );
      if (Array.isArray(route.access) && !route.access.includes(actor.role)) {
        return sendProblem(
          c,
          problem(403, {
            code: 'AUTH.ROLE_NOT_ALLOWED',
            detail: `This operation is for: ${route.access.join(', ')}.`,
            instance: c.req.path,
          }),
        );
      }
    }
    // Path ids are checked before anything reads with them: an id over DynamoDB's key limit is a 400, not a 500.
    const params = parse('path', route.params, c.req.param());
    const clusterId = c.req.param('clusterId');
    if (actor && route.access !== 'public' && clusterId !== undefined) {
      if (!IdParam.safeParse(clusterId).success)
        throw new InputError('path', [{ field: 'clusterId', message: 'Not a valid id' }]);
      const refused = await guardCluster(actor, clusterId, route);
      if (refused) return sendProblem(c, { ...refused, instance: c.req.path });
      // After the guard: only callers who reach the cluster count against its limit.
      const rate = await limitCluster(clusterId);
      c.set('meteredCluster', { clusterId, rateLimited: !rate.allowed });
      if (!rate.allowed) {
        c.header('retry-after', String(rate.retryAfterSeconds));
        return sendProblem(
          c,
          problem(429, {
            code: 'CLUSTER.RATE_LIMITED',
            detail: `This cluster is over its request limit; retry in ${rate.retryAfterSeconds} s.`,
            instance: c.req.path,
          }),
        );
      }
    }
    const query = parse('query', route.query, c.req.query());
    const body = route.body ? parse('body', route.body, await readBody(c)) : undefined;
    // A public handler sees no caller (ActorFor<'public'>), even when a token came along.
    const caller = route.access === 'public' ? undefined : actor;
    const result = await route.handler({ params, query, body, actor: caller, deps, log, correlationId, hono: c });
    const schema = route.responses[result.status]?.schema;
    // Outputs are validated too: a shape the OpenAPI document doesn't promise is our bug.
    // A route that names its own content type (a CSV export) sends its text as it is.
    const text = typeof result.body === 'string' && result.headers?.['content-type'] !== undefined;
    const payload = schema && !text ? schema.parse(result.body) : result.body;
    for (const [k, v] of Object.entries(result.headers ?? {})) c.header(k, v);
    if (payload === undefined) return c.body(null, result.status as 204);
    if (text) return c.body(payload as string, result.status as 200);
    return c.json(payload, result.status as 200);
  });
}

/** The routes a stage serves: local-only ones (the mail outbox, demo sign-ins) only on a local stack. */
export const servedRoutes = (deps: Deps, routes: readonly AnyRoute[]): AnyRoute[] =>
  routes.filter((r) => !r.localOnly || deps.stage === 'local');

/**
 * A Hono app serving the given routes with the API's middleware (security headers, correlation id,
 * per-cluster metering, body limit, problem+json errors). It imports no route itself, so a Lambda
 * serving one route group bundles that group's routes and nothing else (issue 15, docs/bundles.md).
 *
 * @example
 * const app = routeApp(deps, [health]); const res = await app.request('/health');
 */
export function routeApp(deps: Deps, routes: readonly AnyRoute[]): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use(async (c, next) => {
    await next();
    applySecurityHeaders(c.res.headers);
  });
  app.use(async (c, next) => {
    const correlationId = c.req.header('x-correlation-id')?.slice(0, 100) || crypto.randomUUID();
    c.set('correlationId', correlationId);
    c.header('x-correlation-id', correlationId);
    const started = performance.now();
    await next();
    // The route's pattern, not the path: a path can carry a secret (an invitation token).
    const ms = performance.now() - started;
    const route = routePath(c, -1);
    deps.log.debug('http', { method: c.req.method, route, status: c.res.status, ms: Math.round(ms), correlationId });
    // Per-cluster metrics (EMF): after the guard only, so ClusterId never takes a caller's arbitrary string.
    const metered = c.get('meteredCluster');
    if (metered) {
      const request = { ...metered, status: c.res.status, latencyMs: ms };
      deps.log.info('cluster request', { correlationId, ...clusterRequestMetrics(request, deps.clock.now()) });
    }
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) =>
        sendProblem(c, problem(413, { detail: 'The body is larger than 256 KiB.', instance: c.req.path })),
    }),
  );
  const guard = clusterGuard(deps);
  const limiter = clusterLimiter(deps);
  for (const route of servedRoutes(deps, routes)) mount(app, route, deps, guard, limiter);
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
  app.onError((error, c) => {
    const log = deps.log.child({ correlationId: c.get('correlationId'), route: routePath(c, -1) });
    return sendProblem(c, toProblem(error, log, c.req.path));
  });
  return app;
}
