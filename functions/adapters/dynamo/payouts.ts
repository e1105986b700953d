import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PayoutBatch } from '@bds/core';
import { accountId, Money, PayoutLine, PayoutStatus, Provider } from '@bds/core';
import * as z from 'zod';
import type { Db } from './db';
import type { Page } from './cursor';
import { queryPage, queryAll } from './page';
import { keys, withoutKeys } from './keys';
import { ledgerKeys } from './ledger/keys';
import { parseAccount } from './ledger/items';
import { batchGet } from './ledger/reads';
import { isConditionFailure } from './transact';

/** Payout keys (docs/data-model.md): a batch's header and lines share its partition. */
export const payoutKeys = {
  header: (payoutId: string) => ({ PK: `PAYOUT#${payoutId}`, SK: 'PAYOUT' }),
  line: (payoutId: string, providerId: string) => ({ PK: `PAYOUT#${payoutId}`, SK: `LINE#${providerId}` }),
  linePrefix: 'LINE#',
  listing: 'PAYOUTS',
  providerListing: (providerId: string) => `PROVIDER#${providerId}#PAYOUTS`,
} as const;

/** What a line became: paid, or skipped because another batch had already taken the payable. */
const StoredLine = PayoutLine.extend({ outcome: z.enum(['paid', 'skipped']) });
export type StoredLine = z.infer<typeof StoredLine>;

const Header = z.object({
  payoutId: z.string(),
  status: PayoutStatus,
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  /** The lines as frozen when the batch started: what the batch tries to pay. */
  plan: z.array(PayoutLine).optional(),
  reference: z.string().optional(),
  paidAt: z.iso.datetime().optional(),
});
export type PayoutHeader = z.infer<typeof Header>;

/** A provider's line with its batch's status. */
export interface ProviderPayoutLine extends PayoutLine {
  payoutId: string;
  status: PayoutStatus;
  createdAt: string;
  paidAt?: string | undefined;
}

const quiet = () => undefined;
const parseHeader = (raw: Record<string, unknown>) => Header.parse(withoutKeys(raw));

/** The batch as the API shows it: only lines that were paid. */
export function toBatch(header: PayoutHeader, lines: StoredLine[]): PayoutBatch {
  const { plan: _plan, ...rest } = header;
  return { ...rest, lines: lines.filter((l) => l.outcome === 'paid').map(({ outcome: _o, ...l }) => l) };
}

/**
 * Payout batches. A batch is started once (`start`), its plan frozen once (`freeze`), each line's
 * outcome recorded once (`recordLine`), then it is `finish`ed: every step is conditional, so the
 * same `POST /api/payouts` retried after a crash picks up where it stopped.
 *
 * @example
 * const header = await payouts.start('2026-03', 'usr_1', at);
 */
export function payoutStore(db: Db) {
  const getHeader = async (payoutId: string) => {
    const out = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: payoutKeys.header(payoutId), ConsistentRead: true }),
    );
    return out.Item ? parseHeader(out.Item) : undefined;
  };
  return {
    getHeader,

    /** The batch header, created `preparing` unless it exists (then the existing one). */
    async start(payoutId: string, createdBy: string, at: string): Promise<PayoutHeader> {
      const header: PayoutHeader = { payoutId, status: 'preparing', createdAt: at, createdBy };
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: {
              ...payoutKeys.header(payoutId),
              GSI1PK: payoutKeys.listing,
              GSI1SK: `${at}#${payoutId}`,
              entity: 'payout',
              ...header,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return header;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await getHeader(payoutId))!;
      }
    },

    /** Freezes the plan once; a concurrent or earlier freeze wins and is returned. */
    async freeze(payoutId: string, plan: PayoutLine[]): Promise<PayoutLine[]> {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: payoutKeys.header(payoutId),
            UpdateExpression: 'SET #plan = :plan',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#plan)',
            ExpressionAttributeNames: { '#plan': 'plan' },
            ExpressionAttributeValues: { ':plan': plan },
          }),
        );
        return plan;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await getHeader(payoutId))?.plan ?? [];
      }
    },

    /** Records a line's outcome once; a paid line is listed under its provider (GSI1). */
    async recordLine(header: PayoutHeader, line: StoredLine): Promise<void> {
      const listing =
        line.outcome === 'paid'
          ? { GSI1PK: payoutKeys.providerListing(line.providerId), GSI1SK: `${header.createdAt}#${header.payoutId}` }
          : {};
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: {
              ...payoutKeys.line(header.payoutId, line.providerId),
              ...listing,
              entity: 'payout-line',
              payoutId: header.payoutId,
              ...line,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /** `preparing` → `exported`, once. */
    async finish(payoutId: string): Promise<void> {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: payoutKeys.header(payoutId),
            UpdateExpression: 'SET #status = :exported',
            ConditionExpression: '#status = :preparing',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':exported': 'exported', ':preparing': 'preparing' },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /** Writes a paid batch (decided by core's `markPaid`), only from `exported`. False if it was not. */
    async markPaid(batch: PayoutBatch): Promise<boolean> {
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: payoutKeys.header(batch.payoutId),
            UpdateExpression: 'SET #status = :paid, #ref = :ref, #paidAt = :at',
            ConditionExpression: '#status = :exported',
            ExpressionAttributeNames: { '#status': 'status', '#ref': 'reference', '#paidAt': 'paidAt' },
            ExpressionAttributeValues: {
              ':paid': 'paid',
              ':ref': batch.reference,
              ':at': batch.paidAt,
              ':exported': 'exported',
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** A batch's header and every line: one Query of its partition. */
    async get(payoutId: string): Promise<{ header: PayoutHeader; lines: StoredLine[] } | undefined> {
      let header: PayoutHeader | undefined;
      const lines: StoredLine[] = [];
      const items = await queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': payoutKeys.header(payoutId).PK },
          ConsistentRead: true,
        },
        (raw) => raw,
      );
      for (const raw of items) {
        if (raw.SK === 'PAYOUT') header = parseHeader(raw);
        else lines.push(StoredLine.parse(withoutKeys(raw)));
      }
      return header && { header, lines };
    },

    /** Batch headers, newest first. */
    list(opts: { limit: number; cursor?: string | undefined }): Promise<Page<PayoutHeader>> {
      return queryPage(
        db,
        {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': payoutKeys.listing },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'GSI1PK', value: payoutKeys.listing },
        opts.cursor,
        parseHeader,
      );
    },

    /** A provider's paid lines, newest first, each with its batch's status (one BatchGetItem of the headers). */
    async listByProvider(
      providerId: string,
      opts: { limit: number; cursor?: string | undefined },
    ): Promise<Page<ProviderPayoutLine>> {
      const pk = payoutKeys.providerListing(providerId);
      const page = await queryPage(
        db,
        {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'GSI1PK', value: pk },
        opts.cursor,
        (raw) => ({ payoutId: String(raw.payoutId), line: StoredLine.parse(withoutKeys(raw)) }),
      );
      const headers = await batchGet(
        db,
        page.items.map((i) => payoutKeys.header(i.payoutId)),
        'payout-headers',
        quiet,
      );
      return {
        items: page.items.map(({ payoutId, line: { outcome: _o, ...line } }, i) => {
          const h = parseHeader(headers[i]!);
          return { ...line, payoutId, status: h.status, createdAt: h.createdAt, paidAt: h.paidAt };
        }),
        nextCursor: page.nextCursor,
      };
    },

    /**
     * Every provider with money payable, and how much. There is no index of positive payables:
     * the ledger's account items are written by the ledger alone. Instead the national provider
     * list (GSI1 `PROVIDERS`, hundreds of items) is read, then their payable accounts in
     * BatchGetItems of 100. Exact (strongly consistent account reads), and a batch runs monthly.
     */
    async payables(): Promise<PayoutLine[]> {
      const providers = await queryAll(
        db,
        {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.providerListing('', '').GSI1PK },
        },
        (raw) => Provider.parse(withoutKeys(raw)),
      );
      const ids = providers.map((p) => accountId({ kind: 'payable', providerId: p.id }));
      const raws = await batchGet(
        db,
        ids.map((id) => ledgerKeys.account(id)),
        'payables',
        quiet,
      );
      return providers.flatMap((p, i) => {
        const account = parseAccount(ids[i]!, raws[i]);
        return account.available > 0 && account.currency
          ? [{ providerId: p.id, providerName: p.name, amount: Money.money(account.available, account.currency) }]
          : [];
      });
    },
  };
}
export type PayoutStore = ReturnType<typeof payoutStore>;
