/**
 * The API's route groups, one Lambda each behind the same HTTP API (issue 15: one function for every
 * route took its bundle to 436 KB and its cold import to 1.4× a bare handler). Each group's list
 * imports its route modules directly, never `routes/index.ts`, so a group's bundle holds its routes
 * only. `npm run gen:api` writes which group serves which `METHOD /path` (infra/api-routes.json) for
 * the HTTP API's routes; tests/unit/api/route-groups.test.ts checks that every route is in exactly one
 * group. Anything else (`/openapi.json`, `/docs`, an unknown path) goes to the reference function.
 */
import type { AnyRoute } from '../route';
import { accountsRoutes } from './accounts-routes';
import { awardsRoutes } from './awards-routes';
import { complaintsRoutes } from './complaints-routes';
import { splitsRoutes } from './splits-routes';
import { clustersRoutes } from './clusters-routes';
import { deliveryRoutes } from './delivery-routes';
import { moneyRoutes } from './money-routes';
import { reportsRoutes } from './reports-routes';
import { biddingRoutes } from './bidding-routes';
import { requestsRoutes } from './requests-routes';

/** Every group by name; the entry of group `g` is `functions/api/lambda/<g>.ts`. */
export const ROUTE_GROUPS = {
  accounts: accountsRoutes,
  clusters: clustersRoutes,
  requests: requestsRoutes,
  bidding: biddingRoutes,
  awards: awardsRoutes,
  complaints: complaintsRoutes,
  splits: splitsRoutes,
  delivery: deliveryRoutes,
  money: moneyRoutes,
  reports: reportsRoutes,
} as const satisfies Record<string, readonly AnyRoute[]>;

export type GroupName = keyof typeof ROUTE_GROUPS;

/** API Gateway's route key of a route: `GET /api/clusters/{clusterId}`. */
export const routeKey = (route: AnyRoute): string =>
  `${route.method.toUpperCase()} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

/**
 * The HTTP API's routes of each group, as infra/api-routes.json holds them. Local-only routes are
 * left out: a deployed stage does not mount them, so API Gateway sends them to the reference's 404.
 */
export function apiGatewayRoutes(): Record<GroupName, string[]> {
  const out = {} as Record<GroupName, string[]>;
  for (const [name, routes] of Object.entries(ROUTE_GROUPS) as [GroupName, readonly AnyRoute[]][])
    out[name] = routes.filter((r) => !r.localOnly).map(routeKey);
  return out;
}
