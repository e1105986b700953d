import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import type { LedgerAccount, LedgerSnapshot, LedgerTransfer } from '@bds/core';
import { asLedgerAccount, parseAccount, parseTransfer, reasonItem } from './items';
import type { ItemRole } from './transaction';

/** What a cancelled ledger transaction tells: which state refused it, or that it only collided. */
export interface CancellationReading {
  /** At least one condition failed; `snapshot` holds the items as they were. */
  failed: boolean;
  /** Another transaction or throttling got in the way: running the command again is safe. */
  retryable: boolean;
  /** A reason the ledger cannot explain (a validation error, an item too large). */
  unexpected?: string;
  /** Only what failed is known; everything else passed its condition and reads as unknown. */
  snapshot: LedgerSnapshot;
}

const RETRYABLE = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/**
 * Reads `CancellationReasons` (one per item, in order) against the roles the items were built
 * with. A failed condition's `Item` (asked for with `ALL_OLD`) is the state that refused the
 * write; no `Item` means the item did not exist (an account that never moved money).
 *
 * @example
 * readCancellation(error.CancellationReasons, tx.roles).snapshot.existing // the transfer already stored under this id
 */
export function readCancellation(
  reasons: readonly CancellationReason[] | undefined,
  roles: readonly ItemRole[],
): CancellationReading {
  let existing: LedgerTransfer | undefined;
  let pending: LedgerTransfer | undefined;
  const accounts = new Map<string, LedgerAccount>();
  let failed = false;
  let retryable = false;
  let unexpected: string | undefined;
  (reasons ?? []).forEach((reason, i) => {
    const code = reason.Code ?? 'None';
    const role = roles[i];
    if (code === 'None' || !role) return;
    if (RETRYABLE.has(code)) {
      retryable = true;
      return;
    }
    if (code !== 'ConditionalCheckFailed') {
      unexpected = `${code}: ${reason.Message ?? ''}`;
      return;
    }
    failed = true;
    const item = reasonItem(reason.Item as Record<string, unknown> | undefined);
    if (role.role === 'transfer' && item) existing = parseTransfer(item);
    else if (role.role === 'hold' && item) pending = parseTransfer(item);
    else if (role.role === 'account') accounts.set(role.account, asLedgerAccount(parseAccount(role.account, item)));
  });
  return {
    failed,
    retryable,
    ...(unexpected ? { unexpected } : {}),
    snapshot: { existing, pending, account: (id) => accounts.get(id) },
  };
}
