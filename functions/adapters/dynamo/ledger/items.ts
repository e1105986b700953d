import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { emptyAccount, LedgerAccount, LedgerEntry, LedgerTransfer, type Currency } from '@bds/core';
import * as z from 'zod';
import { withoutKeys } from '../keys';
import { ledgerKeys } from './keys';

/** Drops undefined fields: a Put must not depend on the client's marshalling options. */
const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export const transferItem = (t: LedgerTransfer): Record<string, unknown> => ({
  ...ledgerKeys.transfer(t.id),
  entity: 'ledger-transfer',
  ...defined(t),
});

export const entryItem = (e: LedgerEntry): Record<string, unknown> => ({
  ...ledgerKeys.entry(e.account, e.at, e.transferId),
  entity: 'ledger-entry',
  ...defined(e),
});

export const parseTransfer = (raw: Record<string, unknown>): LedgerTransfer => LedgerTransfer.parse(withoutKeys(raw));

export const parseEntry = (raw: Record<string, unknown>): LedgerEntry => LedgerEntry.parse(withoutKeys(raw));

// An account item is made by ADDs and SETs, so a total it was never given is absent: read it as 0.
const StoredAccount = z.object({
  accountId: z.string(),
  currency: z.string().optional(),
  debitsPosted: z.number().int().default(0),
  creditsPosted: z.number().int().default(0),
  debitsPending: z.number().int().default(0),
  creditsPending: z.number().int().default(0),
  available: z.number().int().default(0),
  closed: z.boolean().default(false),
});

/** An account as stored, with `available`: the redundant balance the conditions test. */
export type StoredAccount = LedgerAccount & { available: number };

export function parseAccount(id: string, raw: Record<string, unknown> | undefined): StoredAccount {
  if (!raw) return { ...emptyAccount(id), available: 0 };
  const s = StoredAccount.parse(raw);
  const account = LedgerAccount.parse({ ...s, id: s.accountId, currency: s.currency as Currency | undefined });
  return { ...account, available: s.available };
}

/** Strips `available` for comparison with the core model. */
export const asLedgerAccount = ({ available: _available, ...account }: StoredAccount): LedgerAccount => account;

const TYPE_TAGS = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);
const isMarshalled = (item: Record<string, unknown>): boolean =>
  Object.values(item).every(
    (v) => v !== null && typeof v === 'object' && Object.keys(v).length === 1 && TYPE_TAGS.has(Object.keys(v)[0] ?? ''),
  );

/**
 * The item a cancelled transaction returned for a failed condition. lib-dynamodb unmarshalls
 * responses but not `CancellationReasons[].Item`, so it arrives in DynamoDB JSON; should a later
 * version unmarshall it, a plain item passes through.
 */
export function reasonItem(item: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!item) return undefined;
  return isMarshalled(item) ? unmarshall(item as Record<string, AttributeValue>) : item;
}
