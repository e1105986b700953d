import * as z from 'zod';
import type { AnyRoute } from './route';
import { Problem } from './problem';

type JsonSchema = Record<string, unknown>;

/** Request bodies by media type, each with its schema and an example. */
export type DocumentedBodies = Record<string, { schema: z.ZodType; example?: unknown }>;

/**
 * Describes the bodies of a route that reads its own (a CSV upload), which `body` cannot: the
 * route is mounted as it is, and the document lists each media type it accepts.
 *
 * @example
 * export const importFirms = withBodies(route({ … }), { 'text/csv': { schema: z.string(), example: 'name,employees\n…'
 * } });
 */
export function withBodies<R extends AnyRoute>(
  route: R,
  bodies: DocumentedBodies,
): R & { documentedBodies: DocumentedBodies } {
  return { ...route, documentedBodies: bodies };
}

function requestBodyOf(route: AnyRoute & { documentedBodies?: DocumentedBodies }): JsonSchema | undefined {
  const content: Record<string, JsonSchema> = {};
  if (route.body) content['application/json'] = { schema: toSchema(route.body, 'input') };
  for (const [type, b] of Object.entries(route.documentedBodies ?? {})) {
    content[type] = { schema: toSchema(b.schema, 'input'), ...(b.example !== undefined ? { example: b.example } : {}) };
  }
  return Object.keys(content).length > 0 ? { required: true, content } : undefined;
}

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

function parametersOf(route: AnyRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: prop,
        ...(prop.description ? { description: prop.description } : {}),
      });
    }
  }
  return out;
}

/**
 * The OpenAPI 3.1 document, generated from the same route table and zod schemas that
 * validate every request, so it cannot drift from what the API does.
 */
export function openApiDocument(
  routes: readonly AnyRoute[],
  info: { version: string; serverUrl?: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema ? { content: { 'application/json': { schema: toSchema(r.schema, 'output') } } } : {}),
      };
    }
    responses['4XX'] = {
      description: 'A problem with the request (RFC 9457)',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(Array.isArray(route.access) ? { description: `Roles: ${route.access.join(', ')}.` } : {}),
      parameters: parametersOf(route),
      ...(requestBodyOf(route) ? { requestBody: requestBodyOf(route) } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'BDS Exchange API',
      version: info.version,
      description:
        'Pooled demand for business development services: clusters, ' +
        'associations, requests, bids, awards and escrowed subsidies.',
    },
    servers: [{ url: info.serverUrl ?? '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: toSchema(Problem, 'output') },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
