import { data, type ApiClient } from '../client';
import type { In } from '../schema';
import type { ClusterStatus } from '../types';

const inCluster = (clusterId: string) => ({ path: { clusterId } });

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
    listAudit: (clusterId: string, cursor?: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/audit', {
          params: { ...inCluster(clusterId), query: { cursor } },
          signal,
        }),
      ),
  };
}
