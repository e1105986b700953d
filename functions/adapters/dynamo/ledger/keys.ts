import { parseAccountId } from '@bds/core';

/**
 * Where the ledger lives in the one table; every ledger key is built here (docs/ledger.md).
 * An account's partition holds the account item and its statement lines, so a statement is one
 * Query. The owner comes first: an escrow belongs to a cluster (the tenant), a pool to its
 * programme, payables to their provider, the external account to its funder.
 */
export const ledgerKeys = {
  accountPartition(accountId: string): string {
    const ref = parseAccountId(accountId);
    switch (ref.kind) {
      case 'funder':
        return `FUNDER#${ref.funderId}#LEDGER#EXTERNAL`;
      case 'pool':
        return `PROGRAMME#${ref.programmeId}#LEDGER#POOL`;
      case 'escrow':
        return `CLUSTER#${ref.clusterId}#LEDGER#ESCROW#${ref.awardId}`;
      case 'payable':
        return `PROVIDER#${ref.providerId}#LEDGER#PAYABLE`;
      case 'paid':
        return `PROVIDER#${ref.providerId}#LEDGER#PAID`;
    }
  },
  account: (accountId: string) => ({ PK: ledgerKeys.accountPartition(accountId), SK: 'ACCOUNT' }),
  /** A statement line sorts by time, then transfer id (the in-memory ledger orders the same way). */
  entry: (accountId: string, at: string, transferId: string) => ({
    PK: ledgerKeys.accountPartition(accountId),
    SK: `ENTRY#${at}#${transferId}`,
  }),
  entryPrefix: 'ENTRY#',
  /** Transfer ids are unique across the whole ledger, so the id alone is the key. */
  transfer: (transferId: string) => ({ PK: `LEDGER#TRANSFER#${transferId}`, SK: 'TRANSFER' }),
} as const;
