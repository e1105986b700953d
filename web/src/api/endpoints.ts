import { data, type ApiClient } from './client';
import { adminEndpoints } from './operations/admin';
import { complaintEndpoints } from './operations/complaints';
import { identityEndpoints } from './operations/identity';
import { marketEndpoints } from './operations/market';
import { moneyEndpoints } from './operations/money';
import { resultsEndpoints } from './operations/results';
import type { In } from './schema';
import type { RequestFilter, Session } from './types';

const inCluster = (clusterId: string) => ({ path: { clusterId } });
const request = (clusterId: string, requestId: string) => ({ path: { clusterId, requestId } });

export interface EndpointOptions {
  /** Sends no access token (sign-in, refresh, invitation links, the public results). */
  anon?: ApiClient;
  /** The API's origin ('' for the portal's own), for links such as a CSV download. */
  baseUrl?: string;
  /** A session's renewal, for `renewSession`; a bare client has none. */
  session?: { renew(): Promise<Session | undefined> };
}

/**
 * One function per API operation the portal uses, typed by the generated OpenAPI types.
 *
 * @example
 * const api = endpoints(client, { anon });
 * const { items } = await api.listClusters();
 */
export function endpoints(client: ApiClient, options: EndpointOptions = {}) {
  const { anon = client, baseUrl = '', session } = options;
  return {
    /** Renews the session now (after the user's reach changed, say), not only when the token expires. */
    renewSession: async () => session?.renew(),
    ...identityEndpoints(client, anon),
    ...adminEndpoints(client),
    ...marketEndpoints(client),
    ...moneyEndpoints(client),
    ...complaintEndpoints(client),
    ...resultsEndpoints(anon, baseUrl),
    listClusters: (cursor?: string, signal?: AbortSignal, limit?: number) =>
      data(client.GET('/api/clusters', { params: { query: { cursor, limit } }, signal })),
    getCluster: (clusterId: string, signal?: AbortSignal) =>
      data(client.GET('/api/clusters/{clusterId}', { params: inCluster(clusterId), signal })),
    listCategories: (signal?: AbortSignal) => data(client.GET('/api/categories', { signal })),
    listRequests: (clusterId: string, filter: RequestFilter = {}, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests', {
          params: { ...inCluster(clusterId), query: filter },
          signal,
        }),
      ),
    getRequest: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}', {
          params: request(clusterId, requestId),
          signal,
        }),
      ),
    createRequest: (clusterId: string, input: In<'postRequest'>) =>
      data(client.POST('/api/clusters/{clusterId}/requests', { params: inCluster(clusterId), body: input })),
    publishRequest: (clusterId: string, requestId: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/publish', {
          params: request(clusterId, requestId),
        }),
      ),
    listActivity: (clusterId: string, cursor?: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/activity', {
          params: { ...inCluster(clusterId), query: { cursor } },
          signal,
        }),
      ),
  };
}

export type Api = ReturnType<typeof endpoints>;
