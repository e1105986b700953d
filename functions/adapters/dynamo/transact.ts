import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { conflict } from '@bds/core';
import type { Db } from './db';

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
  for (const [k, v] of Object.entries(raw)) out[k] = typeof v === 'object' ? (v.S ?? (v.N === undefined ? undefined : Number(v.N))) : v;
  return out;
}

const MAX_ATTEMPTS = 4;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * Math.random()));

/**
 * Writes items all-or-nothing in one TransactWriteItems call. When a condition fails,
 * `explain` turns the per-item reasons into the domain error to throw. A `TransactionConflict`
 * (another transaction touched the same item at the same instant, e.g. two firms pledging to one
 * request) is retried with jitter: the conditions are re-checked on the new state, so a retry
 * never writes something the data no longer allows.
 *
 * @example
 * await transact(db, [{ Put: … }, { Update: … }], (reasons) => reasons[0]?.code === 'ConditionalCheckFailed' ? duplicate() : undefined);
 */
export async function transact(db: Db, items: TransactItem[], explain: (reasons: CancelReason[]) => Error | undefined): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      const raw = (error as { CancellationReasons?: { Code?: string; Item?: Record<string, RawValue> }[] }).CancellationReasons ?? [];
      const reasons = raw.map((r) => ({ code: r.Code ?? 'None', item: flatten(r.Item) }));
      if (reasons.some((r) => r.code === 'ConditionalCheckFailed')) throw explain(reasons) ?? conflict('STORE.CONDITION_FAILED', 'The data changed since it was read; reload and try again');
      if (reasons.some((r) => r.code === 'TransactionConflict') && attempt < MAX_ATTEMPTS) {
        await pause(attempt);
        continue;
      }
      throw conflict('STORE.BUSY', 'Someone else is changing this right now; try again');
    }
  }
}

/** True when item `index` of the transaction failed its condition. */
export const failedAt = (reasons: CancelReason[], index: number): boolean => reasons[index]?.code === 'ConditionalCheckFailed';

/** True for the SDK's error of a single conditional write. */
export const isConditionFailure = (error: unknown): boolean => (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
