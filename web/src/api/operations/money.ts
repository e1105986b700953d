import type { ApiClient } from '../client';
import type {
  DeadLetters, Money, NewProgramme, Notification, Page, Payable, PayoutBatch, ProgrammeAward, ProgrammeView, ProviderPayoutLine, RequestMoney, Resolution, StatementEntry,
} from '../types';

const seg = encodeURIComponent;
const programme = (id: string) => `/api/programmes/${seg(id)}`;
const money = (clusterId: string, requestId: string) => `/api/clusters/${seg(clusterId)}/requests/${seg(requestId)}`;
const milestone = (clusterId: string, requestId: string, index: number) => `${money(clusterId, requestId)}/milestones/${index}`;

/**
 * Public money after the award (docs/money-api.md): funders' programmes, an award's escrow and
 * its milestones, payouts to providers, and each organisation's inbox.
 *
 * @example
 * await moneyEndpoints(client).acceptMilestone('clu_1', 'req_1', 0);
 */
export function moneyEndpoints(client: ApiClient) {
  return {
    listProgrammes: (cursor?: string, signal?: AbortSignal) => client.get<Page<ProgrammeView>>('/api/programmes', { query: { cursor }, signal }),
    getProgramme: (id: string, signal?: AbortSignal) => client.get<ProgrammeView>(programme(id), { signal }),
    createProgramme: (body: NewProgramme) => client.post<ProgrammeView>('/api/programmes', body),
    deposit: (id: string, depositId: string, amount: Money) => client.post<ProgrammeView>(`${programme(id)}/deposits`, { depositId, amount }),
    closeProgramme: (id: string) => client.post<ProgrammeView>(`${programme(id)}/close`, { confirm: true }),
    programmeStatement: (id: string, cursor?: string, signal?: AbortSignal) => client.get<Page<StatementEntry>>(`${programme(id)}/statement`, { query: { cursor }, signal }),
    programmeAwards: (id: string, cursor?: string, signal?: AbortSignal) => client.get<Page<ProgrammeAward>>(`${programme(id)}/awards`, { query: { cursor }, signal }),

    getMoney: (clusterId: string, requestId: string, signal?: AbortSignal) => client.get<RequestMoney>(`${money(clusterId, requestId)}/money`, { signal }),
    reportMilestone: (clusterId: string, requestId: string, index: number, evidence: string, attendedFirmIds: string[]) =>
      client.post<RequestMoney>(`${milestone(clusterId, requestId, index)}/report`, { evidence, attendedFirmIds }),
    acceptMilestone: (clusterId: string, requestId: string, index: number) => client.post<RequestMoney>(`${milestone(clusterId, requestId, index)}/accept`, undefined),
    disputeMilestone: (clusterId: string, requestId: string, index: number, reason: string) =>
      client.post<RequestMoney>(`${milestone(clusterId, requestId, index)}/dispute`, { reason }),
    resolveMilestone: (clusterId: string, requestId: string, index: number, resolution: Resolution) =>
      client.post<RequestMoney>(`${milestone(clusterId, requestId, index)}/resolve`, resolution),
    confirmPrivateShare: (clusterId: string, requestId: string, receiptId: string, amount: Money, note?: string) =>
      client.post<RequestMoney>(`${money(clusterId, requestId)}/private-share/receipts`, { receiptId, amount, ...(note ? { note } : {}) }),

    getPayable: (providerId: string, signal?: AbortSignal) => client.get<Payable>(`/api/providers/${seg(providerId)}/payable`, { signal }),
    providerPayouts: (providerId: string, cursor?: string, signal?: AbortSignal) =>
      client.get<Page<ProviderPayoutLine>>(`/api/providers/${seg(providerId)}/payouts`, { query: { cursor }, signal }),
    createPayout: (payoutId: string) => client.post<PayoutBatch>('/api/payouts', { payoutId }),
    listPayouts: (cursor?: string, signal?: AbortSignal) => client.get<Page<PayoutBatch>>('/api/payouts', { query: { cursor }, signal }),
    getPayout: (payoutId: string, signal?: AbortSignal) => client.get<PayoutBatch>(`/api/payouts/${seg(payoutId)}`, { signal }),
    payoutCsv: (payoutId: string) => client.text(`/api/payouts/${seg(payoutId)}/csv`),
    markPaid: (payoutId: string, reference: string) => client.post<PayoutBatch>(`/api/payouts/${seg(payoutId)}/paid`, { reference }),

    inbox: (cursor?: string, signal?: AbortSignal) => client.get<Page<Notification>>('/api/inbox', { query: { cursor }, signal }),
    markRead: (notificationId: string) => client.post<Notification>(`/api/inbox/${seg(notificationId)}/read`, undefined),
    deadLetters: (queue: string | undefined, signal?: AbortSignal) => client.get<DeadLetters>('/api/admin/dead-letters', { query: { queue, limit: 100 }, signal }),
    redrive: (queue: string, messageIds?: string[]) => client.post<{ redriven: number }>('/api/admin/dead-letters/redrive', { queue, ...(messageIds ? { messageIds } : {}) }),
  };
}
