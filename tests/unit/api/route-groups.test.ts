import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../../functions/api/routes';
import { ROUTE_GROUPS, apiGatewayRoutes, routeKey } from '../../../functions/api/lambda/groups';
import { ROUTE_TABLE, routeTableJson } from '../../../scripts/gen-api';

describe('the API route groups (one Lambda each)', () => {
  it('hold every route of the route table exactly once', () => {
    // Act
    const grouped = Object.values(ROUTE_GROUPS).flatMap((routes) => routes.map((r) => r.operationId));

    // Assess
    expect([...grouped].sort()).toEqual(allRoutes.map((r) => r.operationId).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('give API Gateway one route key per deployed route, none twice', () => {
    // Act
    const keys = Object.values(apiGatewayRoutes()).flat();

    // Assess
    expect([...keys].sort()).toEqual(
      allRoutes
        .filter((r) => !r.localOnly)
        .map(routeKey)
        .sort(),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('GET /api/clusters/{clusterId}/requests/{requestId}');
  });

  it('are what infra/api-routes.json says (run npm run gen:api when this fails)', async () => {
    // Act
    const committed = await readFile(ROUTE_TABLE, 'utf8');

    // Assess
    expect(committed === routeTableJson(), `${ROUTE_TABLE} is stale: run npm run gen:api and commit it`).toBe(true);
  });
});
