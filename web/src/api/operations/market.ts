import type { ApiClient } from '../client';
import type { BidView, Evaluation, FirmProfile, NewBid, NewFirm, Page, Pledge, PledgedFirm, ServiceRequest } from '../types';

const seg = encodeURIComponent;
const firms = (clusterId: string, associationId: string) => `/api/clusters/${seg(clusterId)}/associations/${seg(associationId)}/firms`;
const request = (clusterId: string, requestId: string) => `/api/clusters/${seg(clusterId)}/requests/${seg(requestId)}`;

/**
 * The marketplace after a request is posted: the member-firm register, pledges, sealed bids,
 * closing, the ranking and the award.
 *
 * @example
 * await marketEndpoints(client).submitBid('clu_1', 'req_1', { priceTiers, capacity: 20, deliveryPlan });
 */
export function marketEndpoints(client: ApiClient) {
  return {
    listFirms: (clusterId: string, associationId: string, cursor?: string, signal?: AbortSignal) =>
      client.get<Page<FirmProfile>>(firms(clusterId, associationId), { query: { cursor, limit: 100 }, signal }),
    registerFirm: (clusterId: string, associationId: string, body: NewFirm) => client.post<FirmProfile>(firms(clusterId, associationId), body),
    importFirms: (clusterId: string, associationId: string, csv: string) =>
      client.post<{ imported: number; items: FirmProfile[] }>(`${firms(clusterId, associationId)}/import`, { csv }),
    listPledges: (clusterId: string, requestId: string, cursor?: string, signal?: AbortSignal) =>
      client.get<Page<Pledge>>(`${request(clusterId, requestId)}/pledges`, { query: { cursor, limit: 100 }, signal }),
    /** The same list as the awarded provider reads it: the pledged firms' ids and names. */
    listPledgedFirms: (clusterId: string, requestId: string, cursor?: string, signal?: AbortSignal) =>
      client.get<Page<PledgedFirm>>(`${request(clusterId, requestId)}/pledges`, { query: { cursor, limit: 100 }, signal }),
    pledgeFirm: (clusterId: string, requestId: string, firmId: string) => client.post<Pledge>(`${request(clusterId, requestId)}/pledges`, { firmId }),
    withdrawPledge: (clusterId: string, requestId: string, firmId: string) => client.delete<undefined>(`${request(clusterId, requestId)}/pledges/${seg(firmId)}`),
    joinRequest: (clusterId: string, requestId: string) => client.post<ServiceRequest>(`${request(clusterId, requestId)}/co-sponsors`, undefined),
    cancelRequest: (clusterId: string, requestId: string, reason: string) => client.post<ServiceRequest>(`${request(clusterId, requestId)}/cancel`, { reason }),
    submitBid: (clusterId: string, requestId: string, body: NewBid) => client.post<BidView>(`${request(clusterId, requestId)}/bids`, body),
    getMyBid: (clusterId: string, requestId: string, signal?: AbortSignal) => client.get<BidView>(`${request(clusterId, requestId)}/bids/mine`, { signal }),
    reviseBid: (clusterId: string, requestId: string, body: NewBid) => client.put<BidView>(`${request(clusterId, requestId)}/bids/mine`, body),
    withdrawBid: (clusterId: string, requestId: string) => client.delete<BidView>(`${request(clusterId, requestId)}/bids/mine`),
    listBids: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      client.get<Page<BidView>>(`${request(clusterId, requestId)}/bids`, { query: { limit: 100 }, signal }),
    listOwnBids: (cursor?: string, signal?: AbortSignal) => client.get<Page<BidView>>('/api/bids', { query: { cursor }, signal }),
    closeRequest: (clusterId: string, requestId: string) =>
      client.post<{ request: ServiceRequest; evaluation: Evaluation }>(`${request(clusterId, requestId)}/close`, undefined),
    getEvaluation: (clusterId: string, requestId: string, signal?: AbortSignal) => client.get<Evaluation>(`${request(clusterId, requestId)}/evaluation`, { signal }),
    award: (clusterId: string, requestId: string, bidId: string, reason?: string) =>
      client.post<ServiceRequest>(`${request(clusterId, requestId)}/award`, { bidId, ...(reason ? { reason } : {}) }),
  };
}
