import type { Actor } from '../actor';
import type { Money } from '../money';
import { escrowErrors } from './errors';
import type { EscrowRecord } from './schema';

/**
 * The awarded provider confirms it received part of the private share from the firms.
 * Idempotent by `receiptId`: the same receipt again changes nothing (`replayed`); the same id
 * with other content is refused. Receipts never add up to more than the private share.
 *
 * @example
 * recordReceipt(record, provider, { receiptId: 'r-1', amount: money(5_000_00, 'INR') },
 * at).record.privateShareReceipts.length // 1
 */
export function recordReceipt(
  record: EscrowRecord,
  actor: Actor,
  input: { receiptId: string; amount: Money; note?: string | undefined },
  at: string,
): { record: EscrowRecord; replayed: boolean } {
  if (actor.role !== 'provider' || actor.organisationId !== record.providerId)
    throw escrowErrors.notParty('Only the awarded provider confirms what it received.');
  const note = input.note?.trim() || undefined;
  const same = record.privateShareReceipts.find((r) => r.receiptId === input.receiptId);
  if (same) {
    if (
      same.amount.amount === input.amount.amount &&
      same.amount.currency === input.amount.currency &&
      same.note === note
    )
      return { record, replayed: true };
    throw escrowErrors.receiptExists(input.receiptId);
  }
  if (input.amount.currency !== record.currency) throw escrowErrors.currencyMismatch(record.currency);
  if (input.amount.amount <= 0) throw escrowErrors.amountNotPositive();
  const received = record.privateShareReceipts.reduce((s, r) => s + r.amount.amount, 0) + input.amount.amount;
  if (received > record.privateShare.amount)
    throw escrowErrors.receiptsExceedPrivateShare(record.privateShare, { amount: received, currency: record.currency });
  const receipt = { receiptId: input.receiptId, at, by: actor.userId, amount: input.amount, ...(note ? { note } : {}) };
  return {
    record: { ...record, privateShareReceipts: [...record.privateShareReceipts, receipt], updatedAt: at },
    replayed: false,
  };
}
