import { data, type ApiClient } from '../client';
import type { In } from '../schema';
import type { Page, Pledge, PledgedFirm, SplitAwardInput } from '../types';

const firms = (clusterId: string, associationId: string) => ({ path: { clusterId, associationId } });
const request = (clusterId: string, requestId: string) => ({ path: { clusterId, requestId } });
const isPledge = (p: Pledge | PledgedFirm): p is Pledge => 'pledgedAt' in p;

/**
 * The marketplace after a request is posted: the member-firm register, pledges, sealed bids,
 * closing, the ranking and the award.
 *
 * @example
 * await marketEndpoints(client).submitBid('clu_1', 'req_1', { priceTiers, capacity: 20, deliveryPlan });
 */
export function marketEndpoints(client: ApiClient) {
  const pledges = (clusterId: string, requestId: string, cursor?: string, signal?: AbortSignal) =>
    data(
      client.GET('/api/clusters/{clusterId}/requests/{requestId}/pledges', {
        params: { ...request(clusterId, requestId), query: { cursor, limit: 100 } },
        signal,
      }),
    );
  return {
    listFirms: (clusterId: string, associationId: string, cursor?: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/associations/{associationId}/firms', {
          params: { ...firms(clusterId, associationId), query: { cursor, limit: 100 } },
          signal,
        }),
      ),
    registerFirm: (clusterId: string, associationId: string, body: In<'registerFirm'>) =>
      data(
        client.POST('/api/clusters/{clusterId}/associations/{associationId}/firms', {
          params: firms(clusterId, associationId),
          body,
        }),
      ),
    importFirms: (clusterId: string, associationId: string, csv: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/associations/{associationId}/firms/import', {
          params: firms(clusterId, associationId),
          body: { csv },
        }),
      ),
    /** The pledges as the association reads them: every pledge with its firm and date. */
    listPledges: async (
      clusterId: string,
      requestId: string,
      cursor?: string,
      signal?: AbortSignal,
    ): Promise<Page<Pledge>> => {
      const page = await pledges(clusterId, requestId, cursor, signal);
      return { ...page, items: page.items.filter(isPledge) };
    },
    /** The same list as the awarded provider reads it: the pledged firms' ids and names. */
    listPledgedFirms: pledges,
    pledgeFirm: (clusterId: string, requestId: string, firmId: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/pledges', {
          params: request(clusterId, requestId),
          body: { firmId },
        }),
      ),
    withdrawPledge: async (clusterId: string, requestId: string, firmId: string): Promise<void> => {
      await client.DELETE('/api/clusters/{clusterId}/requests/{requestId}/pledges/{firmId}', {
        params: { path: { clusterId, requestId, firmId } },
      });
    },
    joinRequest: (clusterId: string, requestId: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/co-sponsors', {
          params: request(clusterId, requestId),
        }),
      ),
    cancelRequest: (clusterId: string, requestId: string, reason: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/cancel', {
          params: request(clusterId, requestId),
          body: { reason },
        }),
      ),
    submitBid: (clusterId: string, requestId: string, body: In<'submitBid'>) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/bids', {
          params: request(clusterId, requestId),
          body,
        }),
      ),
    getMyBid: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}/bids/mine', {
          params: request(clusterId, requestId),
          signal,
        }),
      ),
    reviseBid: (clusterId: string, requestId: string, body: In<'reviseBid'>) =>
      data(
        client.PUT('/api/clusters/{clusterId}/requests/{requestId}/bids/mine', {
          params: request(clusterId, requestId),
          body,
        }),
      ),
    withdrawBid: (clusterId: string, requestId: string) =>
      data(
        client.DELETE('/api/clusters/{clusterId}/requests/{requestId}/bids/mine', {
          params: request(clusterId, requestId),
        }),
      ),
    listBids: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}/bids', {
          params: { ...request(clusterId, requestId), query: { limit: 100 } },
          signal,
        }),
      ),
    /** The open requests of every cluster the provider is admitted to: one call, soonest deadline first. */
    listMyOpenRequests: (query: { category?: string; cursor?: string; limit?: number }, signal?: AbortSignal) =>
      data(client.GET('/api/me/open-requests', { params: { query }, signal })),
    /** The open requests a funder's programmes could co-finance: one call, soonest deadline first. */
    listProgrammeOpenRequests: (query: { cursor?: string; limit?: number }, signal?: AbortSignal) =>
      data(client.GET('/api/me/programme-requests', { params: { query }, signal })),
    listOwnBids: (cursor?: string, signal?: AbortSignal) =>
      data(client.GET('/api/bids', { params: { query: { cursor } }, signal })),
    closeRequest: (clusterId: string, requestId: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/close', {
          params: request(clusterId, requestId),
        }),
      ),
    getEvaluation: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}/evaluation', {
          params: request(clusterId, requestId),
          signal,
        }),
      ),
    /** What awarding `bidId` would do to the money (the subsidy held, each firm's share), written nowhere. */
    previewAward: (clusterId: string, requestId: string, bidId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}/award-preview', {
          params: { ...request(clusterId, requestId), query: { bidId } },
          signal,
        }),
      ),
    award: (clusterId: string, requestId: string, bidId: string, reason?: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/award', {
          params: request(clusterId, requestId),
          body: { bidId, ...(reason ? { reason } : {}) },
        }),
      ),
    /** What a split award would do (issue 13): each provider's contract and its money, written nowhere. */
    previewSplitAward: (clusterId: string, requestId: string, body: SplitAwardInput) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/award-split-preview', {
          params: request(clusterId, requestId),
          body,
        }),
      ),
    /** Awards the split: one contract (a request of its own) per provider. */
    awardSplit: (clusterId: string, requestId: string, body: SplitAwardInput) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/award-split', {
          params: request(clusterId, requestId),
          body,
        }),
      ),
  };
}
