import type { MilestoneShare } from '../subsidy/milestones';
import type { ProgrammeFunds } from '../subsidy/compute';
import { money } from '../money';
import { availableBalance, type LedgerAccount } from './accounts';
import { ledgerErrors } from './errors';
import type { HoldCommand } from './schema';

/** The award an escrow belongs to. The award id is the request's id: a request is awarded once. */
export interface EscrowOwner {
  clusterId: string;
  awardId: string;
  providerId: string;
}

/**
 * The hold transfer id of one programme's part of one milestone. Derived, never random, so an
 * award retried after a crash holds nothing twice.
 *
 * @example
 * holdId('req_1', 0, 'prg_1') // 'hold:req_1:m0:prg_1'
 */
export const holdId = (awardId: string, milestone: number, programmeId: string): string =>
  `hold:${awardId}:m${milestone}:${programmeId}`;

/**
 * The holds that put an award's subsidy in escrow: one per milestone and programme that pays
 * for it, each from the programme's pool to the award's escrow, payable only to the awarded
 * provider. The award workflow executes them (each is its own transaction, idempotent by id).
 *
 * @example
 * escrowHolds({ clusterId, awardId: 'req_1', providerId }, splitByMilestones(split, milestones)).map((h) => h.id)
 *   // ['hold:req_1:m0:prg_1', 'hold:req_1:m1:prg_1']
 */
export function escrowHolds(owner: EscrowOwner, milestones: readonly MilestoneShare[]): HoldCommand[] {
  return milestones.flatMap((m) =>
    m.subsidies.map((s) => ({
      kind: 'hold' as const,
      id: holdId(owner.awardId, m.index, s.programmeId),
      programmeId: s.programmeId,
      clusterId: owner.clusterId,
      awardId: owner.awardId,
      providerId: owner.providerId,
      amount: s.amount,
      memo: `Milestone ${m.index + 1}: ${m.name}`.slice(0, 200),
    })),
  );
}

/**
 * What a programme can still give, from its pool account, for `computeSubsidy`: the pool's
 * available balance, and as committed what it has held or released (debits posted + pending).
 * Meaningful for an open programme; a closing's return also counts as a debit, but a closed
 * programme co-finances nothing.
 *
 * @example
 * programmeFunds(pool, 'INR') // { available: money(…), committed: money(…) }
 */
export function programmeFunds(pool: LedgerAccount, currency: NonNullable<LedgerAccount['currency']>): ProgrammeFunds {
  if (pool.currency !== undefined && pool.currency !== currency)
    throw ledgerErrors.currencyMismatch(`Account ${pool.id}`, pool.currency, currency);
  return {
    available: money(Math.max(0, availableBalance(pool)), currency),
    committed: money(pool.debitsPosted + pool.debitsPending, currency),
  };
}
