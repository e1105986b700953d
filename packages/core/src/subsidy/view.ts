import * as z from 'zod';
import { availableBalance, type LedgerAccount } from '../ledger/accounts';
import { Money, money, type Currency } from '../money';
import { checkProgrammePolicy, ProgrammeFields } from './schema';

/** What a funder sends to open a programme: the id, funder and status are the system's. */
export const ProgrammeInput = ProgrammeFields.omit({
  id: true,
  funderId: true,
  status: true,
  closedAt: true,
}).superRefine(checkProgrammePolicy);
export type ProgrammeInput = z.infer<typeof ProgrammeInput>;

/**
 * A programme's money, from its pool account. Exact, and it always adds up:
 * deposited = available + held + released + returned.
 */
export const ProgrammeFundsView = z.object({
  /** Every deposit: the pool's posted credits (nothing else credits a pool). */
  deposited: Money,
  /** What may still be held for awards. */
  available: Money,
  /** In escrow now: the pool's pending debits. */
  held: Money,
  /** Released to providers: the pool's posted debits less what closings returned. */
  released: Money,
  /** Returned to the funder by closing the programme. */
  returned: Money,
});
export type ProgrammeFundsView = z.infer<typeof ProgrammeFundsView>;

export const ProgrammeView = ProgrammeFields.extend({ funds: ProgrammeFundsView });
export type ProgrammeView = z.infer<typeof ProgrammeView>;

/**
 * The funds view of a pool. A pool is debited (posted) only by releases and closings, so with
 * the sum the closings returned (`returned`, kept on the programme) the split is exact: no
 * statement is read.
 *
 * @example
 * programmeFundsView({ ...emptyAccount('pool:p'), creditsPosted: 1000, debitsPosted: 300, debitsPending: 200 }, 0,
 * 'INR').released // ₹3.00
 */
export function programmeFundsView(pool: LedgerAccount, returned: number, currency: Currency): ProgrammeFundsView {
  return {
    deposited: money(pool.creditsPosted, currency),
    available: money(availableBalance(pool), currency),
    held: money(pool.debitsPending, currency),
    released: money(pool.debitsPosted - returned, currency),
    returned: money(returned, currency),
  };
}
