import * as z from 'zod';
import type { Clock } from '../clock';
import { conflict, invalid } from '../errors';
import type { CloseCommand, DepositCommand } from '../ledger/schema';
import type { Money } from '../money';
import type { SubsidyProgramme } from './schema';

/**
 * Closes a programme: no award is co-financed by it any more. Closing twice is an error, so a
 * caller learns it raced another. Returning the unspent pool is the ledger's `close` transfer.
 *
 * @example
 * closeProgramme(programme, clock).status // 'closed'
 */
export function closeProgramme(programme: SubsidyProgramme, clock: Clock): SubsidyProgramme {
  if (programme.status === 'closed')
    throw conflict('SUBSIDY.PROGRAMME_CLOSED', `Programme ${programme.id} is already closed`, 'status');
  return { ...programme, status: 'closed', closedAt: new Date(clock.now()).toISOString() };
}

/** A client-chosen deposit id: retrying a deposit with it replays the deposit. */
export const DepositId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Letters, digits, _ and - only (1–64)');

/**
 * The bank's reference for the transfer behind a deposit (a UTR for NEFT/RTGS/IMPS: 12–22 letters
 * and digits), so a treasurer can match each pool line to the bank statement.
 */
export const BankReference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,35}$/, 'The bank’s transaction reference: 6 to 35 letters and digits, as on the bank statement');

/**
 * The ledger deposit for a funder's deposit into its programme: derived id
 * `deposit:<programmeId>:<depositId>`, so a retry replays. A closed programme takes no money,
 * and the amount must be positive and in the programme's currency.
 *
 * @example
 * depositCommand(programme, 'd-2026-01', money(50_000_00, 'INR')).id // 'deposit:prg_…:d-2026-01'
 */
export function depositCommand(
  programme: SubsidyProgramme,
  depositId: string,
  amount: Money,
  bankReference?: string,
): DepositCommand {
  if (programme.status === 'closed')
    throw conflict('SUBSIDY.PROGRAMME_CLOSED', `Programme ${programme.id} is closed`, 'status');
  if (amount.currency !== programme.currency)
    throw invalid(
      'SUBSIDY.DEPOSIT_CURRENCY',
      `Deposits to this programme are in ${programme.currency}`,
      'amount.currency',
    );
  if (amount.amount <= 0) throw invalid('SUBSIDY.DEPOSIT_NOT_POSITIVE', 'A deposit must be positive', 'amount.amount');
  return {
    kind: 'deposit',
    id: `deposit:${programme.id}:${depositId}`,
    funderId: programme.funderId,
    programmeId: programme.id,
    amount,
    ...(bankReference ? { memo: `Bank reference ${bankReference}` } : {}),
  };
}

/**
 * The n-th close of a programme's pool (1 closes it; later ones sweep what voids returned).
 * Derived ids, so a close retried after a crash replays instead of closing again.
 *
 * @example
 * closeCommand(programme, 1).id // 'close:prg_…'
 */
export function closeCommand(programme: SubsidyProgramme, n: number): CloseCommand {
  if (!Number.isInteger(n) || n < 1) throw invalid('SUBSIDY.BAD_CLOSING', 'A closing number starts at 1', 'closings');
  return {
    kind: 'close',
    id: n === 1 ? `close:${programme.id}` : `close:${programme.id}:${n}`,
    programmeId: programme.id,
    funderId: programme.funderId,
  };
}
