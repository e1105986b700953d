import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../functions/api/openapi';
import { allRoutes } from '../../../functions/api/routes';

describe('the OpenAPI document', () => {
  const doc = openApiDocument(allRoutes, { version: 't' }) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[] }>>;
  };

  it('is OpenAPI 3.1 and lists every route of the table once', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops.sort()).toEqual(allRoutes.map((r) => r.operationId).sort());
    expect(new Set(ops).size).toBe(ops.length);
  });

  it('declares every path parameter of every route', () => {
    for (const route of allRoutes) {
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const op = doc.paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]![route.method]!;
      const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared.sort(), route.operationId).toEqual(names.sort());
    }
  });
});

describe('the CSV import in the OpenAPI document', () => {
  type Body = {
    required: boolean;
    content: Record<string, { schema: { type?: string; properties?: Record<string, unknown> }; example?: unknown }>;
  };
  const doc = openApiDocument(allRoutes, { version: 't' }) as {
    paths: Record<string, Record<string, { requestBody?: Body }>>;
  };
  const body = doc.paths['/api/clusters/{clusterId}/associations/{associationId}/firms/import']?.post?.requestBody;

  it('describes the text/csv body with a schema and an example that names the columns', () => {
    expect(body?.required).toBe(true);
    const csv = body?.content['text/csv'];
    expect(csv?.schema.type).toBe('string');
    expect(String(csv?.example).split('\n')[0]).toBe('name,employees,mechanised,women_led,sector_detail');
  });

  it('keeps the JSON { csv } form beside it', () => {
    expect(Object.keys(body?.content ?? {}).sort()).toEqual(['application/json', 'text/csv']);
    expect(body?.content['application/json']?.schema.properties).toHaveProperty('csv');
  });
});
