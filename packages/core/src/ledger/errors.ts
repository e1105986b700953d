import { conflict, invalid, notFound, type DomainError } from '../errors';

/**
 * Every error the ledger throws, by stable code. Kinds map to HTTP in the API's one `onError`:
 * invalid → 422, not_found → 404, conflict → 409.
 */
export const LEDGER_ERROR = {
  /** A debit would take an account's available balance below zero (a hold larger than the pool). */
  insufficientFunds: 'LEDGER.INSUFFICIENT_FUNDS',
  /** The transfer id is taken by a transfer with different content. */
  transferExists: 'LEDGER.TRANSFER_EXISTS',
  /** The pending transfer was already posted or voided. */
  alreadyResolved: 'LEDGER.ALREADY_RESOLVED',
  currencyMismatch: 'LEDGER.CURRENCY_MISMATCH',
  amountNotPositive: 'LEDGER.AMOUNT_NOT_POSITIVE',
  /** A post of more than the pending transfer holds. */
  exceedsPending: 'LEDGER.EXCEEDS_PENDING',
  pendingNotFound: 'LEDGER.PENDING_NOT_FOUND',
  /** A post or void names a transfer that is not a hold. */
  notPending: 'LEDGER.NOT_PENDING',
  /** A deposit or hold on a closed programme pool. */
  accountClosed: 'LEDGER.ACCOUNT_CLOSED',
  accountNotFound: 'LEDGER.ACCOUNT_NOT_FOUND',
  /** The store gave up after repeated write conflicts; retrying the same transfer id is safe. */
  contention: 'LEDGER.CONTENTION',
} as const;
export type LedgerErrorCode = (typeof LEDGER_ERROR)[keyof typeof LEDGER_ERROR];

export const ledgerErrors = {
  insufficientFunds: (account: string, available: number, needed: number): DomainError =>
    conflict(
      LEDGER_ERROR.insufficientFunds,
      `Account ${account} has ${available} available, ${needed} needed`,
      'amount',
    ),
  transferExists: (id: string): DomainError =>
    conflict(LEDGER_ERROR.transferExists, `Transfer ${id} exists with different content; choose another id`, 'id'),
  alreadyResolved: (pendingId: string, state: string): DomainError =>
    conflict(LEDGER_ERROR.alreadyResolved, `Pending transfer ${pendingId} is already ${state}`, 'pendingId'),
  currencyMismatch: (what: string, expected: string, got: string): DomainError =>
    invalid(LEDGER_ERROR.currencyMismatch, `${what} is in ${expected}, not ${got}`, 'currency'),
  amountNotPositive: (amount: number): DomainError =>
    invalid(LEDGER_ERROR.amountNotPositive, `A transfer moves a positive amount, not ${amount}`, 'amount'),
  exceedsPending: (pendingId: string, held: number, asked: number): DomainError =>
    invalid(LEDGER_ERROR.exceedsPending, `Pending transfer ${pendingId} holds ${held}; cannot post ${asked}`, 'amount'),
  pendingNotFound: (pendingId: string): DomainError =>
    notFound(LEDGER_ERROR.pendingNotFound, `No pending transfer ${pendingId}`),
  notPending: (id: string): DomainError =>
    invalid(LEDGER_ERROR.notPending, `Transfer ${id} is not a hold`, 'pendingId'),
  accountClosed: (account: string): DomainError => conflict(LEDGER_ERROR.accountClosed, `Account ${account} is closed`),
  accountNotFound: (account: string): DomainError =>
    notFound(LEDGER_ERROR.accountNotFound, `Account ${account} has never moved money`),
  contention: (id: string): DomainError =>
    conflict(LEDGER_ERROR.contention, `Transfer ${id} met repeated write conflicts; retry it with the same id`),
};
