import type { Context } from 'hono';
import type * as z from 'zod';
import type { Actor } from '@bds/core';
import type { Deps } from './deps';
import type { Logger } from '../observability/logger';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Role = Actor['role'];

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/**
 * The caller a handler sees, from its route's access rule: none for a public route, any
 * signed-in actor, or one whose role is among those listed. `mount` (app.ts) refuses everyone
 * else before the handler runs, so the handler needs no `actor`.
 */
export type ActorFor<A extends Access> = A extends 'public'
  ? undefined
  : A extends readonly (infer R extends Role)[]
    ? Actor & { role: R }
    : Actor;

/** What a handler gets: validated input, the caller, the dependencies. */
export interface RouteContext<P, Q, B, A extends Access = Access> {
  params: P;
  query: Q;
  body: B;
  actor: ActorFor<A>;
  deps: Deps;
  log: Logger;
  correlationId: string;
  hono: Context;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route described once: Hono mounts it, the OpenAPI document and the authorization matrix read it. */
export interface RouteDef<P = unknown, Q = unknown, B = unknown, A extends Access = Access> {
  method: Method;
  /** Hono-style path: `/api/clusters/:clusterId`. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  access: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Success responses; every route can also answer problem+json 4xx. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handler(ctx: RouteContext<P, Q, B, A>): Promise<RouteResult>;
  /** Writes are refused in a suspended or archived cluster, except by routes that say so. */
  allowInInactiveCluster?: boolean;
  /** Mounted only when the stage is `local` (the mail outbox, demo sign-ins): a deployed API has no such path. */
  localOnly?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous route table
export type AnyRoute = RouteDef<any, any, any, any>;

/**
 * Declares a route with its schemas; the handler's input types follow from them.
 *
 * @example
 * export const health = route({ method: 'get', path: '/health', operationId: 'health', summary: 'Liveness',
 *   tags: ['ops'], access: 'public', responses: { 200: { description: 'ok', schema: Health } },
 *   handler: async () => ({ status: 200, body: { status: 'ok' } }) });
 */
export function route<
  P = Record<string, never>,
  Q = Record<string, never>,
  B = undefined,
  const A extends Access = Access,
>(def: RouteDef<P, Q, B, A>): RouteDef<P, Q, B, A> {
  return def;
}
