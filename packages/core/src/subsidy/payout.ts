import * as z from 'zod';
import { conflict } from '../errors';
import { Currency, Money } from '../money';
import type { PayoutCommand } from '../ledger/schema';
import { csvText } from '../csv';
import type { BankDetails } from '../organisation/bank';

/** A client-chosen payout batch id; retrying `POST /api/payouts` with it completes the same batch. */
export const PayoutId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Letters, digits, _ and - only (1–64)');

export const PayoutStatus = z.enum(['preparing', 'exported', 'paid']);
export type PayoutStatus = z.infer<typeof PayoutStatus>;

/** One provider's money in a batch. */
export const PayoutLine = z.object({ providerId: z.string(), providerName: z.string(), amount: Money });
export type PayoutLine = z.infer<typeof PayoutLine>;

/**
 * A payout batch: `preparing` while its transfers run, `exported` once every line is decided, `paid` when the bank
 * confirms.
 */
export const PayoutBatch = z.object({
  payoutId: PayoutId,
  status: PayoutStatus,
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  lines: z.array(PayoutLine),
  reference: z.string().optional(),
  paidAt: z.iso.datetime().optional(),
});
export type PayoutBatch = z.infer<typeof PayoutBatch>;

/** The bank's reference for a paid batch. */
export const PayoutReference = z.string().trim().min(1).max(120);

/**
 * The ledger payout of one line: id `payout:<payoutId>:<providerId>`, so a retried batch
 * replays instead of paying twice; the payable's guard refuses more than it holds.
 *
 * @example
 * payoutCommand('2026-03', { providerId: 'prv_1', providerName: 'X', amount }).id // 'payout:2026-03:prv_1'
 */
export const payoutCommand = (payoutId: string, line: PayoutLine): PayoutCommand => ({
  kind: 'payout',
  id: `payout:${payoutId}:${line.providerId}`,
  providerId: line.providerId,
  amount: line.amount,
  memo: `Payout ${payoutId}`,
});

/**
 * Decides a "mark paid": an exported batch becomes paid; the same reference again is a replay
 * (the batch as it is); another reference, or a batch still preparing, is a conflict.
 *
 * @example
 * markPaid({ ...batch, status: 'exported' }, 'UTR123', at).status // 'paid'
 */
export function markPaid(batch: PayoutBatch, reference: string, at: string): PayoutBatch {
  if (batch.status === 'paid') {
    if (batch.reference === reference) return batch;
    throw conflict('PAYOUT.ALREADY_PAID', `Payout ${batch.payoutId} was paid with another reference`, 'reference');
  }
  if (batch.status !== 'exported')
    throw conflict(
      'PAYOUT.NOT_EXPORTED',
      `Payout ${batch.payoutId} is still being prepared; retry POST /api/payouts`,
      'payoutId',
    );
  return { ...batch, status: 'paid', reference, paidAt: at };
}

/**
 * Minor units as major units with two decimals, by integer arithmetic only (paise → "1234.05").
 *
 * @example
 * formatMinorUnits(123405) // '1234.05'
 */
export function formatMinorUnits(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new Error(`${amount} is not an integer amount`);
  const digits = BigInt(amount) < 0n ? (-BigInt(amount)).toString() : BigInt(amount).toString();
  const padded = digits.padStart(3, '0');
  return `${amount < 0 ? '-' : ''}${padded.slice(0, -2)}.${padded.slice(-2)}`;
}

// RFC 4180: quote a field that holds a comma, quote or line break; double the quotes. A leading
// = + - @ is prefixed with ' so a spreadsheet never runs a provider's name as a formula.
/**
 * The finance team's file: a header row, then one line per provider, CRLF line ends. The bank
 * columns (beneficiary, IFSC, account number) come from `bank`, by provider id: left empty for a
 * provider that has given none, and for a reader who may not see them (a funder).
 *
 * @example
 * payoutCsv(batch, { prv_1: details })
 * // 'payout_id,provider_id,provider_name,beneficiary_name,ifsc,account_number,amount,currency\r\n
 * //  2026-03,prv_1,Acme,Acme Ltd,PUNB0112200,0112002100012345,1234.05,INR\r\n'
 */
export function payoutCsv(
  batch: Pick<PayoutBatch, 'payoutId' | 'lines'>,
  bank: Readonly<Record<string, BankDetails>> = {},
): string {
  const rows = [
    ['payout_id', 'provider_id', 'provider_name', 'beneficiary_name', 'ifsc', 'account_number', 'amount', 'currency'],
  ];
  for (const l of batch.lines) {
    const b = Object.hasOwn(bank, l.providerId) ? bank[l.providerId] : undefined;
    rows.push([
      batch.payoutId,
      l.providerId,
      l.providerName,
      b?.beneficiaryName ?? '',
      b?.ifsc ?? '',
      b?.accountNumber ?? '',
      formatMinorUnits(l.amount.amount),
      Currency.parse(l.amount.currency),
    ]);
  }
  return csvText(rows);
}
