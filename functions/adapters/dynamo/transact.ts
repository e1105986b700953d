import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { conflict } from '@bds/core';
import type { Db } from './db';
import { DYNAMO_RETRY, retry } from './retry';

/** Why one item of a cancelled transaction failed, and the item as it was when its condition failed. */
export interface CancelReason {
  code: string;
  /** The item's attributes as strings/numbers (only when its condition failed and it exists). */
  item?: Record<string, string | number | undefined>;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type RawValue = { S?: string; N?: string } | string | number | undefined;

// Cancellation reasons come back as raw attribute values; only scalar attributes are needed to explain a failure.
function flatten(raw: Record<string, RawValue> | undefined): CancelReason['item'] {
  if (!raw) return undefined;
  const out: Record<string, string | number | undefined> = {};
  for (const [k, v] of Object.entries(raw))
    out[k] = typeof v === 'object' ? (v.S ?? (v.N === undefined ? undefined : Number(v.N))) : v;
  return out;
}

const ATTEMPTS = 4;

/** The one test for "a transaction was cancelled" (a condition failed, or another write collided). */
export const isCancelled = (error: unknown): boolean =>
  (error as Error | undefined)?.name === 'TransactionCanceledException';

/** The per-item reasons of a cancelled transaction, or undefined for any other error. */
function reasonsOf(error: unknown): CancelReason[] | undefined {
  if (!isCancelled(error)) return undefined;
  const raw =
    (error as { CancellationReasons?: { Code?: string; Item?: Record<string, RawValue> }[] }).CancellationReasons ?? [];
  return raw.map((r) => ({ code: r.Code ?? 'None', item: flatten(r.Item) }));
}

/** Cancelled only because another transaction touched an item at the same instant: worth another try. */
const collided = (error: unknown): boolean => {
  const reasons = reasonsOf(error);
  return (
    !!reasons &&
    !reasons.some((r) => r.code === 'ConditionalCheckFailed') &&
    reasons.some((r) => r.code === 'TransactionConflict')
  );
};

/**
 * Writes items all-or-nothing in one TransactWriteItems call. When a condition fails,
 * `explain` turns the per-item reasons into the domain error to throw. A `TransactionConflict`
 * (another transaction touched the same item at the same instant, e.g. two firms pledging to one
 * request) is retried with backoff: the conditions are re-checked on the new state, so a retry
 * never writes something the data no longer allows.
 *
 * @example
 * await transact(db, [{ Put: … }, { Update: … }], (reasons) => reasons[0]?.code === 'ConditionalCheckFailed' ?
 * duplicate() : undefined);
 */
export async function transact(
  db: Db,
  items: TransactItem[],
  explain: (reasons: CancelReason[]) => Error | undefined,
): Promise<void> {
  try {
    await retry(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })), {
      retryIf: collided,
      policy: { ...DYNAMO_RETRY, attempts: ATTEMPTS },
    });
  } catch (error) {
    const reasons = reasonsOf(error);
    if (!reasons) throw error;
    if (reasons.some((r) => r.code === 'ConditionalCheckFailed')) {
      throw (
        explain(reasons) ??
        conflict('STORE.CONDITION_FAILED', 'The data changed since it was read; reload and try again')
      );
    }
    throw conflict('STORE.BUSY', 'Someone else is changing this right now; try again');
  }
}

/** True when item `index` of the transaction failed its condition. */
export const failedAt = (reasons: CancelReason[], index: number): boolean =>
  reasons[index]?.code === 'ConditionalCheckFailed';

/**
 * The one test for "a conditional write found the item not as required": the SDK's error of a
 * single Put, Update or Delete. A transaction reports the same per item (`failedAt`).
 */
export const isConditionFailure = (error: unknown): boolean =>
  (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
