import type { LedgerTransfer } from './schema';

/**
 * What a transfer does to one account: deltas to its four totals, and the guards the account
 * must pass at the moment of the write. The in-memory ledger checks the guards in `checkPlan`;
 * the DynamoDB adapter turns the same fields into condition expressions.
 */
export interface Effect {
  account: string;
  debitsPosted: number;
  creditsPosted: number;
  debitsPending: number;
  creditsPending: number;
  /** The account's available balance before the write must be at least this. */
  requireAvailable?: number;
  /** The account must not be closed. */
  requireOpen?: boolean;
  /** The write closes the account. */
  close?: boolean;
}

const effect = (account: string, deltas: Partial<Omit<Effect, 'account'>>): Effect => ({
  account,
  debitsPosted: 0,
  creditsPosted: 0,
  debitsPending: 0,
  creditsPending: 0,
  ...deltas,
});

/**
 * The change an effect makes to the account's available balance (credits − debits − pending debits).
 *
 * @example
 * availableDelta(effectsOf(hold)[0]) // −500: the pool can give 500 less
 */
export const availableDelta = (e: Effect): number => e.creditsPosted - e.debitsPosted - e.debitsPending;

/**
 * The effects of a recorded transfer, debit side first. A post or void also needs the hold it
 * resolves: its pending columns are undone on the pool and the escrow, and a post moves the
 * released part on to the provider's payable. Every transfer's effects sum to zero, posted and
 * pending separately: that is what keeps the sum over all accounts at zero.
 *
 * @example
 * effectsOf(hold).map((e) => [e.account, e.debitsPending, e.creditsPending]) // [['pool:p', 500, 0], ['escrow:c:a', 0,
 * 500]]
 */
export function effectsOf(t: LedgerTransfer, pending?: LedgerTransfer): Effect[] {
  const a = t.amount;
  switch (t.kind) {
    case 'deposit':
      return [effect(t.debit, { debitsPosted: a }), effect(t.credit, { creditsPosted: a, requireOpen: true })];
    case 'hold':
      return [
        effect(t.debit, { debitsPending: a, requireAvailable: a, requireOpen: true }),
        effect(t.credit, { creditsPending: a }),
      ];
    case 'payout':
      return [effect(t.debit, { debitsPosted: a, requireAvailable: a }), effect(t.credit, { creditsPosted: a })];
    case 'close':
      return [
        effect(t.debit, { debitsPosted: a, requireAvailable: a, close: true }),
        effect(t.credit, { creditsPosted: a }),
      ];
    case 'post':
    case 'void': {
      if (!pending) throw new Error(`effectsOf(${t.id}) needs the hold ${t.pendingId ?? '?'} it resolves`);
      const held = pending.amount;
      const posted = t.kind === 'post' ? a : 0;
      const pool = effect(pending.debit, { debitsPending: -held, debitsPosted: posted });
      const escrow = effect(pending.credit, { creditsPending: -held, creditsPosted: posted, debitsPosted: posted });
      if (t.kind === 'void') return [escrow, pool];
      return [escrow, pool, effect(t.credit, { creditsPosted: posted })];
    }
  }
}
