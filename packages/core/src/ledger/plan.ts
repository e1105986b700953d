import { accountId, availableBalance, type LedgerAccount } from './accounts';
import { effectsOf, type Effect } from './effects';
import { ledgerErrors } from './errors';
import type { LedgerCommand, LedgerTransfer } from './schema';

/** A command turned into the transfer to record, its effects, and the hold it resolves. */
export interface TransferPlan {
  transfer: LedgerTransfer;
  effects: Effect[];
  resolve?: { pendingId: string; state: 'posted' | 'voided'; postedAmount: number };
}

/** What planning needs besides the command: the time, and for some commands one record. */
export interface PlanContext {
  at: string;
  /** post, void: the hold named by `pendingId`, as stored (undefined when there is none). */
  pending?: LedgerTransfer | undefined;
  /** close: the pool as it is now (its available balance is what goes back). */
  pool?: LedgerAccount | undefined;
}

const canonical = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
};

/**
 * The canonical form of a command, stored on its transfer: a retry with the same id must have
 * the same fingerprint to be an idempotent success; anything else is `LEDGER.TRANSFER_EXISTS`.
 *
 * @example
 * fingerprintOf({ kind: 'void', pendingId: 'h1', id: 'v1' }) === fingerprintOf({ id: 'v1', kind: 'void', pendingId:
 * 'h1' }) // true
 */
export const fingerprintOf = (command: LedgerCommand): string => canonical(command);

function requireHold(pending: LedgerTransfer | undefined, pendingId: string): LedgerTransfer & { beneficiary: string } {
  if (!pending) throw ledgerErrors.pendingNotFound(pendingId);
  if (pending.kind !== 'hold' || pending.beneficiary === undefined) throw ledgerErrors.notPending(pendingId);
  return { ...pending, beneficiary: pending.beneficiary };
}

function positive(amount: number): number {
  if (amount <= 0) throw ledgerErrors.amountNotPositive(amount);
  return amount;
}

/**
 * Validates a command on its own (positive amounts, a post within its hold, the hold's
 * currency) and builds what it would record. Whether the ledger's state allows it — funds, a
 * reused id, a hold already resolved — is `checkPlan`'s job, because the DynamoDB adapter
 * checks that atomically with the write.
 *
 * @example
 * planTransfer({ kind: 'deposit', id: 'd1', funderId: 'fnd_1', programmeId: 'prg_1', amount: money(500, 'INR') }, { at
 * }).transfer.credit // 'pool:prg_1'
 */
export function planTransfer(command: LedgerCommand, ctx: PlanContext): TransferPlan {
  const base = {
    id: command.id,
    kind: command.kind,
    at: ctx.at,
    fingerprint: fingerprintOf(command),
    ...(command.memo ? { memo: command.memo } : {}),
  };
  const pool = (programmeId: string) => accountId({ kind: 'pool', programmeId });
  const funder = (funderId: string) => accountId({ kind: 'funder', funderId });
  let transfer: LedgerTransfer;
  switch (command.kind) {
    case 'deposit':
      transfer = {
        ...base,
        debit: funder(command.funderId),
        credit: pool(command.programmeId),
        amount: positive(command.amount.amount),
        currency: command.amount.currency,
      };
      break;
    case 'hold':
      transfer = {
        ...base,
        debit: pool(command.programmeId),
        credit: accountId({ kind: 'escrow', clusterId: command.clusterId, awardId: command.awardId }),
        amount: positive(command.amount.amount),
        currency: command.amount.currency,
        beneficiary: accountId({ kind: 'payable', providerId: command.providerId }),
        state: 'pending',
      };
      break;
    case 'payout':
      transfer = {
        ...base,
        debit: accountId({ kind: 'payable', providerId: command.providerId }),
        credit: accountId({ kind: 'paid', providerId: command.providerId }),
        amount: positive(command.amount.amount),
        currency: command.amount.currency,
      };
      break;
    case 'close': {
      const id = pool(command.programmeId);
      if (!ctx.pool?.currency) throw ledgerErrors.accountNotFound(id);
      // A pool already empty still closes: a transfer of 0 records when and by whom.
      const unspent = Math.max(0, availableBalance(ctx.pool));
      transfer = { ...base, debit: id, credit: funder(command.funderId), amount: unspent, currency: ctx.pool.currency };
      break;
    }
    case 'post':
    case 'void': {
      const hold = requireHold(ctx.pending, command.pendingId);
      const asked = command.kind === 'post' ? command.amount : undefined;
      if (asked && asked.currency !== hold.currency)
        throw ledgerErrors.currencyMismatch(`Hold ${hold.id}`, hold.currency, asked.currency);
      const posted = command.kind === 'void' ? 0 : positive(asked?.amount ?? hold.amount);
      if (posted > hold.amount) throw ledgerErrors.exceedsPending(hold.id, hold.amount, posted);
      transfer =
        command.kind === 'post'
          ? {
              ...base,
              debit: hold.credit,
              credit: hold.beneficiary,
              amount: posted,
              currency: hold.currency,
              pendingId: hold.id,
              returned: hold.amount - posted,
            }
          : {
              ...base,
              debit: hold.credit,
              credit: hold.debit,
              amount: hold.amount,
              currency: hold.currency,
              pendingId: hold.id,
              returned: hold.amount,
            };
      return {
        transfer,
        effects: effectsOf(transfer, hold),
        resolve: { pendingId: hold.id, state: command.kind === 'post' ? 'posted' : 'voided', postedAmount: posted },
      };
    }
  }
  return { transfer, effects: effectsOf(transfer) };
}
