import { availableBalance, type LedgerAccount } from './accounts';
import { ledgerErrors } from './errors';
import type { TransferPlan } from './plan';
import type { LedgerTransfer } from './schema';

/**
 * The state a plan is checked against. In memory everything is known. The DynamoDB adapter
 * knows only what a cancelled transaction returned (`ALL_OLD` of each failed condition), so an
 * account it cannot see is `undefined` and its guards are skipped: they held.
 */
export interface LedgerSnapshot {
  /** The transfer already stored under the command's id, if any. */
  existing?: LedgerTransfer | undefined;
  /** post, void: the hold as it is now. */
  pending?: LedgerTransfer | undefined;
  account(id: string): LedgerAccount | undefined;
}

export type Verdict = { outcome: 'apply' } | { outcome: 'replay'; transfer: LedgerTransfer };

/**
 * Decides a plan against the ledger's state, before anything is written: a reused id with the
 * same content is a replay of the original (idempotent), with other content
 * `LEDGER.TRANSFER_EXISTS`; a hold resolved before is `LEDGER.ALREADY_RESOLVED`; then, account
 * by account in effect order, `LEDGER.CURRENCY_MISMATCH`, `LEDGER.ACCOUNT_CLOSED`,
 * `LEDGER.INSUFFICIENT_FUNDS`. The order is fixed so both ledgers report the same error.
 *
 * @example
 * checkPlan(planTransfer(hold, { at }), { account: () => emptyPool }) // throws LEDGER.INSUFFICIENT_FUNDS
 */
export function checkPlan(plan: TransferPlan, snapshot: LedgerSnapshot): Verdict {
  const { transfer } = plan;
  const { existing, pending } = snapshot;
  if (existing) {
    if (existing.fingerprint === transfer.fingerprint) return { outcome: 'replay', transfer: existing };
    throw ledgerErrors.transferExists(transfer.id);
  }
  if (plan.resolve && pending && pending.state !== 'pending')
    throw ledgerErrors.alreadyResolved(pending.id, pending.state ?? 'resolved');
  for (const e of plan.effects) {
    const account = snapshot.account(e.account);
    if (!account) continue;
    if (account.currency && account.currency !== transfer.currency)
      throw ledgerErrors.currencyMismatch(`Account ${account.id}`, account.currency, transfer.currency);
    if (e.requireOpen && account.closed) throw ledgerErrors.accountClosed(account.id);
    if (e.requireAvailable !== undefined && availableBalance(account) < e.requireAvailable) {
      throw ledgerErrors.insufficientFunds(account.id, availableBalance(account), e.requireAvailable);
    }
  }
  return { outcome: 'apply' };
}
