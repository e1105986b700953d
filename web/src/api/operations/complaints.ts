import { data, type ApiClient } from '../client';
import type { In } from '../schema';

const request = (clusterId: string, requestId: string) => ({ path: { clusterId, requestId } });

/**
 * Procurement integrity (issue 13): a bidder's own ranking, its complaint, and the cluster admin's decisions.
 *
 * @example
 * await complaintEndpoints(client).fileComplaint('clu_1', 'req_1', { reason: 'The tier table was misread …' });
 */
export function complaintEndpoints(client: ApiClient) {
  return {
    getMyRanking: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}/my-ranking', {
          params: request(clusterId, requestId),
          signal,
        }),
      ),
    listRequestComplaints: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}/complaints', {
          params: request(clusterId, requestId),
          signal,
        }),
      ),
    fileComplaint: (clusterId: string, requestId: string, body: In<'fileComplaint'>) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/complaints', {
          params: request(clusterId, requestId),
          body,
        }),
      ),
    listOpenComplaints: (clusterId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/complaints', {
          params: { path: { clusterId }, query: { limit: 50 } },
          signal,
        }),
      ),
    decideComplaint: (clusterId: string, requestId: string, complaintId: string, body: In<'decideComplaint'>) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/complaints/{complaintId}/decision', {
          params: { path: { clusterId, requestId, complaintId } },
          body,
        }),
      ),
  };
}
