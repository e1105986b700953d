import type { ApiClient } from './client';
import { adminEndpoints } from './operations/admin';
import { identityEndpoints } from './operations/identity';
import { marketEndpoints } from './operations/market';
import { moneyEndpoints } from './operations/money';
import type { Activity, Category, Cluster, NewServiceRequest, Page, RequestFilter, ServiceRequest, Session } from './types';

const seg = encodeURIComponent;

/**
 * One typed function per API operation the portal uses.
 *
 * @example
 * const api = endpoints(client);
 * const { items } = await api.listClusters();
 */
export function endpoints(client: ApiClient, session: { renew(): Promise<Session | undefined> } = { renew: async () => undefined }) {
  return {
    /** Renews the session now (after the user's reach changed, say), not only when the token expires. */
    renewSession: () => session.renew(),
    ...identityEndpoints(client),
    ...adminEndpoints(client),
    ...marketEndpoints(client),
    ...moneyEndpoints(client),
    listClusters: (cursor?: string, signal?: AbortSignal, limit?: number) => client.get<Page<Cluster>>('/api/clusters', { query: { cursor, limit }, signal }),
    getCluster: (clusterId: string, signal?: AbortSignal) => client.get<Cluster>(`/api/clusters/${seg(clusterId)}`, { signal }),
    listCategories: (signal?: AbortSignal) => client.get<{ items: Category[] }>('/api/categories', { signal }),
    listRequests: (clusterId: string, filter: RequestFilter = {}, signal?: AbortSignal) =>
      client.get<Page<ServiceRequest>>(`/api/clusters/${seg(clusterId)}/requests`, { query: { ...filter }, signal }),
    getRequest: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      client.get<ServiceRequest>(`/api/clusters/${seg(clusterId)}/requests/${seg(requestId)}`, { signal }),
    createRequest: (clusterId: string, input: NewServiceRequest) =>
      client.post<ServiceRequest>(`/api/clusters/${seg(clusterId)}/requests`, input),
    publishRequest: (clusterId: string, requestId: string) =>
      client.post<ServiceRequest>(`/api/clusters/${seg(clusterId)}/requests/${seg(requestId)}/publish`, undefined),
    listActivity: (clusterId: string, cursor?: string, signal?: AbortSignal) =>
      client.get<Page<Activity>>(`/api/clusters/${seg(clusterId)}/activity`, { query: { cursor }, signal }),
  };
}

export type Api = ReturnType<typeof endpoints>;
