import * as z from 'zod';
import {
  EscrowContribution,
  EscrowMilestone,
  EscrowStatus,
  Money as MoneyModule,
  REQUEST_LIMITS,
  ResolutionOutcome,
  acceptMilestone,
  assertMoneyParty,
  escrowErrors,
  moneyView,
  recordReceipt,
  resolveMilestone,
  type Actor,
  type EscrowRecord,
} from '@bds/core';
import { decideMilestone } from '../../use-cases/decide-milestone';
import { disputeDelivery } from '../../use-cases/dispute-milestone';
import { reportDelivered } from '../../use-cases/report-milestone';
import type { StoredRequest } from '../../adapters/dynamo/requests';
import type { Deps } from '../deps';
import { route } from '../route';
import { ADMINS, RequestParams, visible } from './guards';

const tags = ['escrow'];
const Money = MoneyModule.Money;
/** A milestone of a request, by its index (the attendance routes take the same path). */
export const MilestoneParams = RequestParams.extend({
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(REQUEST_LIMITS.milestones - 1)
    .describe('The milestone, from 0'),
});

/** An award's money as every money route answers it. */
export const MoneyView = z.object({
  requestId: z.string(),
  clusterId: z.string(),
  providerId: z.string(),
  status: EscrowStatus,
  total: Money,
  subsidy: Money,
  privateShare: Money,
  contributions: z.array(EscrowContribution),
  milestones: z.array(
    EscrowMilestone.omit({ holds: true, attendance: true }).extend({
      attendanceCount: z
        .object({ listed: z.number(), confirmed: z.number(), denied: z.number(), silent: z.number() })
        .optional(),
      held: Money,
      released: Money,
      returned: Money,
      pending: Money,
      holds: z.array(
        z.object({
          id: z.string(),
          programmeId: z.string(),
          amount: Money,
          state: z.enum(['pending', 'posted', 'voided']),
        }),
      ),
    }),
  ),
  privateShareReceipts: z.array(
    z.object({ receiptId: z.string(), at: z.string(), amount: Money, note: z.string().optional() }),
  ),
  cancelledAt: z.string().optional(),
});
const ok = { 200: { description: "The award's money", schema: MoneyView } };

/** The request (404 unless the caller may know it) and its escrow record (404 until the award's escrow exists). */
async function load(
  deps: Deps,
  actor: Actor,
  clusterId: string,
  requestId: string,
): Promise<{ request: StoredRequest; record: EscrowRecord }> {
  const [request, record] = await Promise.all([
    deps.stores.requests.get(clusterId, requestId),
    deps.stores.escrow.get(clusterId, requestId),
  ]);
  const seen = visible(actor, request);
  if (!record) throw escrowErrors.notFound();
  return { request: seen, record };
}

const now = (deps: Deps) => new Date(deps.clock.now()).toISOString();

export const getAwardMoney = route({
  method: 'get',
  path: '/api/clusters/:clusterId/requests/:requestId/money',
  operationId: 'getAwardMoney',
  summary: "An award's money: the subsidy split, each milestone's escrow and decisions, the private-share receipts",
  tags,
  access: ['association_rep', 'provider', ...ADMINS],
  params: RequestParams,
  responses: ok,
  handler: async ({ params, actor, deps }) => {
    const { request, record } = await load(deps, actor, params.clusterId, params.requestId);
    assertMoneyParty(actor, request, record);
    return { status: 200, body: moneyView(record) };
  },
});

export const reportMilestoneRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/report',
  operationId: 'reportMilestone',
  summary:
    'The awarded provider reports a milestone delivered, with evidence ' +
    'and the pledged firms that attended; schedules auto-acceptance',
  tags,
  access: ['provider'],
  params: MilestoneParams,
  body: z.object({ evidence: z.string().max(4_000), attendedFirmIds: z.array(z.string().max(40)).max(500).optional() }),
  responses: ok,
  handler: async ({ params, body, actor, deps, correlationId }) => {
    const { clusterId, requestId, index } = params;
    await load(deps, actor, clusterId, requestId);
    const record = await reportDelivered(deps, { clusterId, requestId, index, by: actor, correlationId }, body);
    return { status: 200, body: moneyView(record) };
  },
});

export const acceptMilestoneRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/accept',
  operationId: 'acceptMilestone',
  summary:
    'The lead association accepts a reported milestone: the share of the listed firms that confirmed ' +
    "they attended is released to the provider's payable, the rest returns to the programmes",
  tags,
  access: ['association_rep'],
  params: MilestoneParams,
  responses: ok,
  handler: async ({ params, actor, deps, correlationId }) => {
    const { clusterId, requestId, index } = params;
    await load(deps, actor, clusterId, requestId);
    const at = now(deps);
    const target = { clusterId, requestId, index, by: actor, correlationId };
    const { record } = await decideMilestone(deps, target, (r) => acceptMilestone(r, index, actor, at));
    return { status: 200, body: moneyView(record) };
  },
});

export const disputeMilestoneRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/dispute',
  operationId: 'disputeMilestone',
  summary:
    'The lead association disputes a reported milestone (reason of 20 ' +
    'characters or more); the holds stay until an admin resolves it',
  tags,
  access: ['association_rep'],
  params: MilestoneParams,
  body: z.object({ reason: z.string().max(2_000) }),
  responses: ok,
  handler: async ({ params, body, actor, deps, correlationId }) => {
    const { clusterId, requestId, index } = params;
    await load(deps, actor, clusterId, requestId);
    const record = await disputeDelivery(deps, { clusterId, requestId, index, by: actor, correlationId }, body.reason);
    return { status: 200, body: moneyView(record) };
  },
});

export const resolveMilestoneRoute = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/milestones/:index/resolve',
  operationId: 'resolveMilestone',
  summary: 'An admin resolves a dispute: release, release part (the rest returns to the pools) or void',
  tags,
  access: [...ADMINS],
  params: MilestoneParams,
  body: z.object({ outcome: ResolutionOutcome, amount: Money.optional(), reason: z.string().trim().min(1).max(2_000) }),
  responses: ok,
  handler: async ({ params, body, actor, deps, correlationId }) => {
    const { clusterId, requestId, index } = params;
    await load(deps, actor, clusterId, requestId);
    const at = now(deps);
    const target = { clusterId, requestId, index, by: actor, correlationId };
    const { record } = await decideMilestone(deps, target, (r) => resolveMilestone(r, index, actor, body, at));
    return { status: 200, body: moneyView(record) };
  },
});

export const recordPrivateShareReceipt = route({
  method: 'post',
  path: '/api/clusters/:clusterId/requests/:requestId/private-share/receipts',
  operationId: 'recordPrivateShareReceipt',
  summary: 'The awarded provider confirms a payment of the private share from the firms (idempotent by receiptId)',
  tags,
  access: ['provider'],
  params: RequestParams,
  body: z.object({
    receiptId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Letters, digits, _ and - (1–64)'),
    amount: Money,
    note: z.string().max(500).optional(),
  }),
  responses: ok,
  handler: async ({ params, body, actor, deps }) => {
    const { clusterId, requestId } = params;
    await load(deps, actor, clusterId, requestId);
    const at = now(deps);
    const { record } = await deps.stores.escrow.change(clusterId, requestId, (r) => {
      const out = recordReceipt(r, actor, body, at);
      return out.replayed ? { result: undefined } : { record: out.record, result: undefined };
    });
    return { status: 200, body: moneyView(record) };
  },
});
