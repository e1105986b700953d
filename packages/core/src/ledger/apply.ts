import type { Currency } from '../money';
import { emptyAccount, type LedgerAccount } from './accounts';
import type { Effect } from './effects';
import type { TransferPlan } from './plan';
import type { LedgerEntry, LedgerTransfer } from './schema';

/**
 * An account after an effect; the first movement fixes its currency.
 *
 * @example
 * applyEffect(emptyAccount('pool:p'), { account: 'pool:p', creditsPosted: 5, debitsPosted: 0, debitsPending: 0,
 * creditsPending: 0 }, 'INR').creditsPosted // 5
 */
export function applyEffect(account: LedgerAccount | undefined, e: Effect, currency: Currency): LedgerAccount {
  const a = account ?? emptyAccount(e.account);
  return {
    id: a.id,
    currency,
    debitsPosted: a.debitsPosted + e.debitsPosted,
    creditsPosted: a.creditsPosted + e.creditsPosted,
    debitsPending: a.debitsPending + e.debitsPending,
    creditsPending: a.creditsPending + e.creditsPending,
    closed: a.closed || e.close === true,
  };
}

/**
 * The hold once a post or void has resolved it: the only change a transfer ever sees.
 *
 * @example
 * resolvedHold(hold, plan).state // 'posted'
 */
export function resolvedHold(hold: LedgerTransfer, plan: TransferPlan): LedgerTransfer {
  if (!plan.resolve) return hold;
  return { ...hold, state: plan.resolve.state, resolvedBy: plan.transfer.id, postedAmount: plan.resolve.postedAmount };
}

/**
 * The statement lines a plan writes, one per account it touches.
 *
 * @example
 * entriesOf(plan).map((e) => e.account) // ['pool:prg_1', 'escrow:clu_1:req_1']
 */
export function entriesOf(plan: TransferPlan): LedgerEntry[] {
  const t = plan.transfer;
  return plan.effects.map((e) => ({
    account: e.account,
    transferId: t.id,
    kind: t.kind,
    at: t.at,
    currency: t.currency,
    debitsPosted: e.debitsPosted,
    creditsPosted: e.creditsPosted,
    debitsPending: e.debitsPending,
    creditsPending: e.creditsPending,
    ...(t.memo ? { memo: t.memo } : {}),
  }));
}
