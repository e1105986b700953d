import type { ApiClient } from '../client';
import type { Association, AuditEntry, Cluster, ClusterPolicy, ClusterStatus, InvitationSummary, NewAssociation, NewCluster, NewInvitation, Onboarded, Page, Registration } from '../types';

const seg = encodeURIComponent;
const cluster = (clusterId: string) => `/api/clusters/${seg(clusterId)}`;

/**
 * What admins do: onboard and suspend clusters, invite, register associations, decide on
 * providers' applications, read the audit trail.
 *
 * @example
 * await adminEndpoints(client).setClusterStatus('clu_1', 'suspended', 'Audit of the accounts pending');
 */
export function adminEndpoints(client: ApiClient) {
  return {
    onboardCluster: (body: NewCluster) => client.post<Onboarded>('/api/clusters', body),
    setClusterStatus: (clusterId: string, status: ClusterStatus, reason: string) => client.post<Cluster>(`${cluster(clusterId)}/status`, { status, reason }),
    invite: (body: NewInvitation) => client.post<InvitationSummary>('/api/invitations', body),
    listAssociations: (clusterId: string, cursor?: string, signal?: AbortSignal) =>
      client.get<Page<Association>>(`${cluster(clusterId)}/associations`, { query: { cursor, limit: 50 }, signal }),
    createAssociation: (clusterId: string, body: NewAssociation) => client.post<Association>(`${cluster(clusterId)}/associations`, body),
    listRegistrations: (clusterId: string, signal?: AbortSignal) => client.get<{ items: Registration[] }>(`${cluster(clusterId)}/registrations`, { signal }),
    decideRegistration: (clusterId: string, providerId: string, decision: 'approve' | 'refuse', reason?: string) =>
      client.post<Registration>(`${cluster(clusterId)}/registrations/${seg(providerId)}/decision`, { decision, ...(reason ? { reason } : {}) }),
    applyToCluster: (clusterId: string) => client.post<Registration>('/api/registrations', { clusterId }),
    getClusterPolicy: (clusterId: string, signal?: AbortSignal) => client.get<ClusterPolicy>(`${cluster(clusterId)}/policy`, { signal }),
    setClusterPolicy: (clusterId: string, body: ClusterPolicy) => client.put<ClusterPolicy>(`${cluster(clusterId)}/policy`, body),
    listAudit: (clusterId: string, cursor?: string, signal?: AbortSignal) => client.get<Page<AuditEntry>>(`${cluster(clusterId)}/audit`, { query: { cursor }, signal }),
  };
}
