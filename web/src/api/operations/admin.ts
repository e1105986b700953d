import { data, type ApiClient } from '../client';
import type { In } from '../schema';
import type { ClusterStatus } from '../types';

const inCluster = (clusterId: string) => ({ path: { clusterId } });

/** Who, what and when, as the audit page keeps them in its address (dates are IST days, YYYY-MM-DD). */
export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * What admins do: onboard and suspend clusters, invite, register associations, decide on
 * providers' applications, read the audit trail.
 *
 * @example
 * await adminEndpoints(client).setClusterStatus('clu_1', 'suspended', 'Audit of the accounts pending');
 */
export function adminEndpoints(client: ApiClient) {
  return {
    onboardCluster: (body: In<'onboardCluster'>) => data(client.POST('/api/clusters', { body })),
    setClusterStatus: (clusterId: string, status: ClusterStatus, reason: string) =>
      data(client.POST('/api/clusters/{clusterId}/status', { params: inCluster(clusterId), body: { status, reason } })),
    invite: (body: In<'invite'>) => data(client.POST('/api/invitations', { body })),
    listAssociations: (clusterId: string, cursor?: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/associations', {
          params: { ...inCluster(clusterId), query: { cursor, limit: 50 } },
          signal,
        }),
      ),
    createAssociation: (clusterId: string, body: In<'createAssociation'>) =>
      data(client.POST('/api/clusters/{clusterId}/associations', { params: inCluster(clusterId), body })),
    listRegistrations: (clusterId: string, signal?: AbortSignal) =>
      data(client.GET('/api/clusters/{clusterId}/registrations', { params: inCluster(clusterId), signal })),
    decideRegistration: (clusterId: string, providerId: string, decision: 'approve' | 'refuse', reason?: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/registrations/{providerId}/decision', {
          params: { path: { clusterId, providerId } },
          body: { decision, ...(reason ? { reason } : {}) },
        }),
      ),
    applyToCluster: (clusterId: string) => data(client.POST('/api/registrations', { body: { clusterId } })),
    getClusterPolicy: (clusterId: string, signal?: AbortSignal) =>
      data(client.GET('/api/clusters/{clusterId}/policy', { params: inCluster(clusterId), signal })),
    setClusterPolicy: (clusterId: string, body: In<'setClusterPolicy'>) =>
      data(client.PUT('/api/clusters/{clusterId}/policy', { params: inCluster(clusterId), body })),
    /** A page of the trail; each entry comes with the names of what it mentions, so it reads in words. */
    listAudit: async (clusterId: string, filters: AuditFilters, cursor?: string, signal?: AbortSignal) => {
      const page = await data(
        client.GET('/api/clusters/{clusterId}/audit', {
          params: { ...inCluster(clusterId), query: { ...filters, cursor } },
          signal,
        }),
      );
      return { items: page.items.map((entry) => ({ entry, names: page.names })), nextCursor: page.nextCursor };
    },
    /** The trail with the same filters, as the CSV a person opens in a spreadsheet. */
    auditCsv: async (clusterId: string, filters: AuditFilters): Promise<string> => {
      const { data: csv } = await client.GET('/api/clusters/{clusterId}/audit/csv', {
        params: { ...inCluster(clusterId), query: filters },
        parseAs: 'text',
        headers: { accept: 'text/csv, application/problem+json' },
      });
      return csv ?? '';
    },
  };
}
