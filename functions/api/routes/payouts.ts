import * as z from 'zod';
import {
  accountId,
  DomainError,
  LEDGER_ERROR,
  markPaid,
  Money,
  notFound,
  PayoutBatch,
  payoutCommand,
  payoutCsv,
  PayoutId,
  PayoutLine,
  PayoutReference,
  PayoutStatus,
  type Actor,
} from '@bds/core';
import { toBatch } from '../../adapters/dynamo/payouts';
import type { Deps } from '../deps';
import { route } from '../route';
import { IdParam, Paging, pageOf } from './common';

const ProviderParams = z.object({ providerId: IdParam });
const PayoutParams = z.object({ payoutId: PayoutId });
/**
 * Batches pay every provider's payable, whichever programme's money it is: only the national admin reads them. A
 * funder reads what its own programmes paid (GET /api/programmes/:id/statement, the funder's payouts page).
 */
const READERS = ['national_admin'] as const;

/** A provider reads only its own money; anyone else gets the same 404 as an unknown provider. */
export function assertOwnProvider(actor: Actor, providerId: string): void {
  if (actor.role === 'provider' && actor.organisationId !== providerId)
    throw notFound('PROVIDER.NOT_FOUND', 'No such provider.');
}

async function batchOf(deps: Deps, payoutId: string): Promise<PayoutBatch> {
  const found = await deps.stores.payouts.get(payoutId);
  if (!found) throw notFound('PAYOUT.NOT_FOUND', 'No such payout.');
  return toBatch(found.header, found.lines);
}

const Release = z.object({ transferId: z.string(), at: z.string(), amount: Money.Money, memo: z.string().optional() });
const Payable = z.object({
  payable: Money.Money,
  paidOut: Money.Money,
  releases: z.array(Release),
  nextCursor: z.string().nullable(),
});

export const providerPayable = route({
  method: 'get',
  path: '/api/providers/:providerId/payable',
  operationId: 'providerPayable',
  summary: 'What a provider is owed and was paid, with its releases (newest first; a page may be short)',
  tags: ['payouts'],
  access: ['provider', 'national_admin'],
  params: ProviderParams,
  query: Paging,
  responses: { 200: { description: 'The payable', schema: Payable } },
  handler: async ({ params, query, actor, deps }) => {
    assertOwnProvider(actor, params.providerId);
    const payableId = accountId({ kind: 'payable', providerId: params.providerId });
    const [payable, paid, page] = await Promise.all([
      deps.stores.ledger.account(payableId),
      deps.stores.ledger.account(accountId({ kind: 'paid', providerId: params.providerId })),
      deps.stores.ledger.statement(payableId, { ...query, newestFirst: true }),
    ]);
    const currency = payable.currency ?? 'INR';
    return {
      status: 200,
      body: {
        payable: Money.money(payable.available, currency),
        paidOut: Money.money(paid.creditsPosted, currency),
        releases: page.items
          .filter((e) => e.kind === 'post')
          .map((e) => ({
            transferId: e.transferId,
            at: e.at,
            amount: Money.money(e.creditsPosted, e.currency),
            memo: e.memo,
          })),
        nextCursor: page.nextCursor,
      },
    };
  },
});

export const createPayout = route({
  method: 'post',
  path: '/api/payouts',
  operationId: 'createPayout',
  summary:
    'Pay every provider its payable, one ledger payout each; retrying the same payoutId completes the same batch',
  tags: ['payouts'],
  access: ['national_admin'],
  body: z.object({ payoutId: PayoutId }),
  responses: { 201: { description: 'The batch, exported', schema: PayoutBatch } },
  handler: async ({ body, actor, deps }) => {
    const { payouts, ledger } = deps.stores;
    const header = await payouts.start(body.payoutId, actor.userId, new Date(deps.clock.now()).toISOString());
    if (header.status === 'preparing') {
      // Frozen once, so a retry pays the same lines with the same transfer ids (replays).
      const plan = header.plan ?? (await payouts.freeze(header.payoutId, await payouts.payables()));
      const done = new Set((await payouts.get(header.payoutId))?.lines.map((l) => l.providerId));
      for (const line of plan.filter((l) => !done.has(l.providerId))) {
        let outcome: 'paid' | 'skipped' = 'paid';
        try {
          await ledger.execute(payoutCommand(header.payoutId, line));
        } catch (error) {
          // Another batch paid this payable first: this batch leaves it, never pays it twice.
          if (!(error instanceof DomainError && error.code === LEDGER_ERROR.insufficientFunds)) throw error;
          outcome = 'skipped';
        }
        await payouts.recordLine(header, { ...line, outcome });
      }
      await payouts.finish(header.payoutId);
    }
    return { status: 201, body: await batchOf(deps, header.payoutId) };
  },
});

const Payables = z.object({
  lines: z.array(PayoutLine).describe('Every provider with money payable, by name'),
  totals: z.array(Money.Money).describe('The lines added up, one amount per currency'),
  withoutBankDetails: z
    .array(z.string())
    .describe('The names of the providers among the lines that have given no bank details yet'),
});

export const listPayables = route({
  method: 'get',
  path: '/api/payables',
  operationId: 'listPayables',
  summary:
    'What a payout batch created now would pay, written nowhere: every provider with money payable and the total ' +
    '(the preview before POST /api/payouts)',
  tags: ['payouts'],
  access: ['national_admin'],
  responses: { 200: { description: 'The lines a batch would pay now', schema: Payables } },
  handler: async ({ deps }) => {
    const lines = (await deps.stores.payouts.payables()).sort((a, b) => a.providerName.localeCompare(b.providerName));
    const bank = await deps.stores.bankDetails.many(lines.map((l) => l.providerId));
    const sums = new Map<Money.Currency, number>();
    for (const l of lines) sums.set(l.amount.currency, (sums.get(l.amount.currency) ?? 0) + l.amount.amount);
    return {
      status: 200,
      body: {
        lines,
        totals: [...sums].map(([currency, amount]) => Money.money(amount, currency)),
        withoutBankDetails: lines.filter((l) => !Object.hasOwn(bank, l.providerId)).map((l) => l.providerName),
      },
    };
  },
});

const BatchSummary = z.object({
  payoutId: z.string(),
  status: PayoutStatus,
  createdAt: z.string(),
  reference: z.string().optional(),
  paidAt: z.string().optional(),
});

export const listPayouts = route({
  method: 'get',
  path: '/api/payouts',
  operationId: 'listPayouts',
  summary: 'Payout batches, newest first',
  tags: ['payouts'],
  access: READERS,
  query: Paging,
  responses: { 200: { description: 'A page of batches (open one for its lines)', schema: pageOf(BatchSummary) } },
  handler: async ({ query, deps }) => {
    const page = await deps.stores.payouts.list(query);
    return {
      status: 200,
      body: { items: page.items.map(({ plan: _plan, createdBy: _by, ...h }) => h), nextCursor: page.nextCursor },
    };
  },
});

export const getPayout = route({
  method: 'get',
  path: '/api/payouts/:payoutId',
  operationId: 'getPayout',
  summary: 'One batch and its lines',
  tags: ['payouts'],
  access: READERS,
  params: PayoutParams,
  responses: { 200: { description: 'The batch', schema: PayoutBatch } },
  handler: async ({ params, deps }) => ({ status: 200, body: await batchOf(deps, params.payoutId) }),
});

export const exportPayoutCsv = route({
  method: 'get',
  path: '/api/payouts/:payoutId/csv',
  operationId: 'exportPayoutCsv',
  summary:
    "The batch as CSV for the finance team (amounts in rupees with two decimals), with each provider's bank " +
    'details (beneficiary, IFSC, account number) where it gave them',
  tags: ['payouts'],
  access: READERS,
  params: PayoutParams,
  responses: {
    200: {
      description:
        'text/csv: payout_id, provider_id, provider_name, beneficiary_name, ifsc, account_number, amount, currency',
    },
  },
  handler: async ({ params, deps, hono }) => {
    const batch = await batchOf(deps, params.payoutId);
    if (batch.status === 'preparing')
      throw new DomainError(
        'PAYOUT.NOT_EXPORTED',
        'conflict',
        'The batch is still being prepared; retry POST /api/payouts.',
        'payoutId',
      );
    hono.header('content-disposition', `attachment; filename="payout-${batch.payoutId}.csv"`);
    // Bank details are for national admins and the provider alone, and only a national admin reads a batch.
    const bank = await deps.stores.bankDetails.many(batch.lines.map((l) => l.providerId));
    return { status: 200, body: payoutCsv(batch, bank), headers: { 'content-type': 'text/csv; charset=utf-8' } };
  },
});

export const markPayoutPaid = route({
  method: 'post',
  path: '/api/payouts/:payoutId/paid',
  operationId: 'markPayoutPaid',
  summary: "Record the bank's reference; the same reference again returns the same batch",
  tags: ['payouts'],
  access: ['national_admin'],
  params: PayoutParams,
  body: z.object({ reference: PayoutReference }),
  responses: { 200: { description: 'The batch, paid', schema: PayoutBatch } },
  handler: async ({ params, body, deps }) => {
    const batch = await batchOf(deps, params.payoutId);
    const next = markPaid(batch, body.reference, new Date(deps.clock.now()).toISOString());
    // Lost a race with another mark: decide again from what won (same reference → replay).
    if (next !== batch && !(await deps.stores.payouts.markPaid(next)))
      return { status: 200, body: markPaid(await batchOf(deps, params.payoutId), body.reference, next.paidAt!) };
    return { status: 200, body: next };
  },
});

const ProviderPayoutLine = PayoutLine.extend({
  payoutId: z.string(),
  status: PayoutStatus,
  createdAt: z.string(),
  paidAt: z.string().optional(),
});

export const providerPayouts = route({
  method: 'get',
  path: '/api/providers/:providerId/payouts',
  operationId: 'providerPayouts',
  summary: "A provider's payout lines and their batches' status, newest first",
  tags: ['payouts'],
  access: ['provider', 'national_admin'],
  params: ProviderParams,
  query: Paging,
  responses: { 200: { description: 'A page of payout lines', schema: pageOf(ProviderPayoutLine) } },
  handler: async ({ params, query, actor, deps }) => {
    assertOwnProvider(actor, params.providerId);
    return { status: 200, body: await deps.stores.payouts.listByProvider(params.providerId, query) };
  },
});
