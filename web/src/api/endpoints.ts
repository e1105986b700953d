import { data, type ApiClient } from './client';
import { adminEndpoints } from './operations/admin';
import { identityEndpoints } from './operations/identity';
import { marketEndpoints } from './operations/market';
import { moneyEndpoints } from './operations/money';
import type { In } from './schema';
import type { RequestFilter, Session } from './types';

const inCluster = (clusterId: string) => ({ path: { clusterId } });
const request = (clusterId: string, requestId: string) => ({ path: { clusterId, requestId } });

/** A session's renewal, for `renewSession`; a bare client has none. */
export interface SessionRenewal {
  renew(): Promise<Session | undefined>;
}

/**
 * One function per API operation the portal uses, typed by the generated OpenAPI types.
 * `anon` sends no access token (sign-in, refresh, invitation links, the public pages).
 *
 * @example
 * const api = endpoints(client, anon);
 * const { items } = await api.listClusters();
 */
export function endpoints(client: ApiClient, anon: ApiClient = client, session: SessionRenewal = { renew: async () => undefined }) {
  return {
    /** Renews the session now (after the user's reach changed, say), not only when the token expires. */
    renewSession: () => session.renew(),
    ...identityEndpoints(client, anon),
    ...adminEndpoints(client),
    ...marketEndpoints(client),
    ...moneyEndpoints(client),
    listClusters: (cursor?: string, signal?: AbortSignal, limit?: number) =>
      data(client.GET('/api/clusters', { params: { query: { cursor, limit } }, signal })),
    getCluster: (clusterId: string, signal?: AbortSignal) =>
      data(client.GET('/api/clusters/{clusterId}', { params: inCluster(clusterId), signal })),
    listCategories: (signal?: AbortSignal) => data(client.GET('/api/categories', { signal })),
    listRequests: (clusterId: string, filter: RequestFilter = {}, signal?: AbortSignal) =>
      data(client.GET('/api/clusters/{clusterId}/requests', { params: { ...inCluster(clusterId), query: filter }, signal })),
    getRequest: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(client.GET('/api/clusters/{clusterId}/requests/{requestId}', { params: request(clusterId, requestId), signal })),
    createRequest: (clusterId: string, input: In<'postRequest'>) =>
      data(client.POST('/api/clusters/{clusterId}/requests', { params: inCluster(clusterId), body: input })),
    publishRequest: (clusterId: string, requestId: string) =>
      data(client.POST('/api/clusters/{clusterId}/requests/{requestId}/publish', { params: request(clusterId, requestId) })),
    listActivity: (clusterId: string, cursor?: string, signal?: AbortSignal) =>
      data(client.GET('/api/clusters/{clusterId}/activity', { params: { ...inCluster(clusterId), query: { cursor } }, signal })),
  };
}

export type Api = ReturnType<typeof endpoints>;
