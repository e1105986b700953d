import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { BankDetails } from '@bds/core';
import { getMany } from './batch-get';
import type { Db } from './db';

/**
 * A provider's bank details live in an item of their own beside the provider's
 * (`PROVIDER#<id>` / `BANK`), never on the provider record: that record is read by evaluations,
 * names, payables and listings, and none of those may carry an account number.
 */
export const bankKeys = {
  item: (providerId: string) => ({ PK: `PROVIDER#${providerId}`, SK: 'BANK' }),
};

/** BatchGetItem takes at most 100 keys. */
const BATCH = 100;

const parse = (raw: Record<string, unknown> | undefined): BankDetails | undefined =>
  raw
    ? BankDetails.parse({ beneficiaryName: raw.beneficiaryName, ifsc: raw.ifsc, accountNumber: raw.accountNumber })
    : undefined;

/** Where each provider's payouts go (docs/money-api.md, "Bank details"). */
export function bankDetailsStore(db: Db) {
  return {
    /** One provider's details, or undefined when it has given none. */
    async get(providerId: string): Promise<BankDetails | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: bankKeys.item(providerId), ConsistentRead: true }),
      );
      return parse(out.Item);
    },

    /** Replaces a provider's details (the last save counts), stamped with when and by whom. */
    async put(providerId: string, details: BankDetails, at: string, by: string): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: {
            ...bankKeys.item(providerId),
            entity: 'bank-details',
            providerId,
            ...details,
            updatedAt: at,
            updatedBy: by,
          },
        }),
      );
    },

    /** The details of many providers (a payout batch's), by provider id; those with none are left out. */
    async many(providerIds: readonly string[]): Promise<Record<string, BankDetails>> {
      const ids = [...new Set(providerIds)];
      const found: Record<string, BankDetails> = {};
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        const items = await getMany(db, chunk.map(bankKeys.item));
        chunk.forEach((id, j) => {
          const details = parse(items[j]);
          if (details) found[id] = details;
        });
      }
      return found;
    },
  };
}
export type BankDetailsStore = ReturnType<typeof bankDetailsStore>;
