import { data, type ApiClient } from '../client';
import type { In } from '../schema';
import type { Money, Resolution } from '../types';

const programme = (programmeId: string) => ({ path: { programmeId } });
const award = (clusterId: string, requestId: string) => ({ path: { clusterId, requestId } });
const milestone = (clusterId: string, requestId: string, index: number) => ({ path: { clusterId, requestId, index } });
const payout = (payoutId: string) => ({ path: { payoutId } });
const provider = (providerId: string) => ({ path: { providerId } });

/**
 * Public money after the award (docs/money-api.md): funders' programmes, an award's escrow and
 * its milestones, payouts to providers, and each organisation's inbox.
 *
 * @example
 * await moneyEndpoints(client).acceptMilestone('clu_1', 'req_1', 0);
 */
export function moneyEndpoints(client: ApiClient) {
  const m = '/api/clusters/{clusterId}/requests/{requestId}/milestones/{index}' as const;
  return {
    listProgrammes: (cursor?: string, signal?: AbortSignal) =>
      data(client.GET('/api/programmes', { params: { query: { cursor } }, signal })),
    getProgramme: (id: string, signal?: AbortSignal) =>
      data(client.GET('/api/programmes/{programmeId}', { params: programme(id), signal })),
    createProgramme: (body: In<'createProgramme'>) => data(client.POST('/api/programmes', { body })),
    /** A deposit named by the bank's reference: the same transfer entered twice is recorded once. */
    deposit: (id: string, bankReference: string, amount: Money) =>
      data(
        client.POST('/api/programmes/{programmeId}/deposits', {
          params: programme(id),
          body: { depositId: `bank-${bankReference}`, amount, bankReference },
        }),
      ),
    closeProgramme: (id: string) =>
      data(client.POST('/api/programmes/{programmeId}/close', { params: programme(id), body: { confirm: true } })),
    programmeStatement: (id: string, cursor?: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/programmes/{programmeId}/statement', {
          params: { ...programme(id), query: { cursor } },
          signal,
        }),
      ),
    programmeAwards: (id: string, cursor?: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/programmes/{programmeId}/awards', {
          params: { ...programme(id), query: { cursor } },
          signal,
        }),
      ),

    getMoney: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}/money', {
          params: award(clusterId, requestId),
          signal,
        }),
      ),
    reportMilestone: (
      clusterId: string,
      requestId: string,
      index: number,
      evidence: string,
      attendedFirmIds: string[],
    ) =>
      data(
        client.POST(`${m}/report`, {
          params: milestone(clusterId, requestId, index),
          body: { evidence, attendedFirmIds },
        }),
      ),
    acceptMilestone: (clusterId: string, requestId: string, index: number) =>
      data(client.POST(`${m}/accept`, { params: milestone(clusterId, requestId, index) })),
    acceptMilestoneInFull: (clusterId: string, requestId: string, index: number, reason: string) =>
      data(client.POST(`${m}/accept-in-full`, { params: milestone(clusterId, requestId, index), body: { reason } })),
    listAttendance: (clusterId: string, requestId: string, index: number, signal?: AbortSignal) =>
      data(client.GET(`${m}/attendance`, { params: milestone(clusterId, requestId, index), signal })),
    answerAttendanceOnBehalf: (clusterId: string, requestId: string, index: number, code: string, attended: boolean) =>
      data(
        client.POST(`${m}/attendance/on-behalf`, {
          params: milestone(clusterId, requestId, index),
          body: { code, attended },
        }),
      ),
    readAttendanceLink: (token: string) => data(client.POST('/api/attendance/view', { body: { token } })),
    answerAttendance: (token: string, attended: boolean) =>
      data(client.POST('/api/attendance/answer', { body: { token, attended } })),
    rateMilestone: (clusterId: string, requestId: string, index: number, stars: number, comment: string) =>
      data(client.POST(`${m}/rating`, { params: milestone(clusterId, requestId, index), body: { stars, comment } })),
    answerRating: (clusterId: string, requestId: string, index: number, raterId: string, text: string) =>
      data(
        client.POST(`${m}/ratings/{raterId}/answer`, {
          params: { path: { clusterId, requestId, index, raterId } },
          body: { text },
        }),
      ),
    listRequestRatings: (clusterId: string, requestId: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/clusters/{clusterId}/requests/{requestId}/ratings', {
          params: award(clusterId, requestId),
          signal,
        }),
      ),
    disputeMilestone: (clusterId: string, requestId: string, index: number, reason: string) =>
      data(client.POST(`${m}/dispute`, { params: milestone(clusterId, requestId, index), body: { reason } })),
    resolveMilestone: (clusterId: string, requestId: string, index: number, resolution: Resolution) =>
      data(client.POST(`${m}/resolve`, { params: milestone(clusterId, requestId, index), body: resolution })),
    confirmPrivateShare: (clusterId: string, requestId: string, receiptId: string, amount: Money, note?: string) =>
      data(
        client.POST('/api/clusters/{clusterId}/requests/{requestId}/private-share/receipts', {
          params: award(clusterId, requestId),
          body: { receiptId, amount, ...(note ? { note } : {}) },
        }),
      ),

    getPayable: (providerId: string, signal?: AbortSignal) =>
      data(client.GET('/api/providers/{providerId}/payable', { params: provider(providerId), signal })),
    providerPayouts: (providerId: string, cursor?: string, signal?: AbortSignal) =>
      data(
        client.GET('/api/providers/{providerId}/payouts', {
          params: { ...provider(providerId), query: { cursor } },
          signal,
        }),
      ),
    getBankDetails: (providerId: string, signal?: AbortSignal) =>
      data(client.GET('/api/providers/{providerId}/bank-details', { params: provider(providerId), signal })),
    putBankDetails: (providerId: string, body: In<'putBankDetails'>) =>
      data(client.PUT('/api/providers/{providerId}/bank-details', { params: provider(providerId), body })),
    /** What a batch created now would pay: every provider with money payable, and the total. */
    listPayables: (signal?: AbortSignal) => data(client.GET('/api/payables', { signal })),
    createPayout: (payoutId: string) => data(client.POST('/api/payouts', { body: { payoutId } })),
    listPayouts: (cursor?: string, signal?: AbortSignal) =>
      data(client.GET('/api/payouts', { params: { query: { cursor } }, signal })),
    getPayout: (payoutId: string, signal?: AbortSignal) =>
      data(client.GET('/api/payouts/{payoutId}', { params: payout(payoutId), signal })),
    payoutCsv: async (payoutId: string): Promise<string> => {
      const { data: csv } = await client.GET('/api/payouts/{payoutId}/csv', {
        params: payout(payoutId),
        parseAs: 'text',
        headers: { accept: 'text/csv, application/problem+json' },
      });
      return csv ?? '';
    },
    markPaid: (payoutId: string, reference: string) =>
      data(client.POST('/api/payouts/{payoutId}/paid', { params: payout(payoutId), body: { reference } })),

    inbox: (cursor?: string, signal?: AbortSignal) =>
      data(client.GET('/api/inbox', { params: { query: { cursor } }, signal })),
    markRead: (notificationId: string) =>
      data(client.POST('/api/inbox/{notificationId}/read', { params: { path: { notificationId } } })),
    deadLetters: (queue: string | undefined, signal?: AbortSignal) =>
      data(client.GET('/api/admin/dead-letters', { params: { query: { queue, limit: 100 } }, signal })),
    redrive: (queue: string, messageIds?: string[]) =>
      data(client.POST('/api/admin/dead-letters/redrive', { body: { queue, ...(messageIds ? { messageIds } : {}) } })),
  };
}
