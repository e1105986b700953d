import type { Clock } from '../clock';
import { accountId, emptyAccount, type LedgerAccount } from './accounts';
import { applyEffect, entriesOf, resolvedHold } from './apply';
import { checkPlan } from './check';
import { planTransfer } from './plan';
import { LedgerCommand, type LedgerEntry, type LedgerTransfer } from './schema';

/** What executing a command gave: the transfer recorded, or the original when it was a retry. */
export interface Executed {
  transfer: LedgerTransfer;
  /** True when the id was used before with the same content: nothing new was written. */
  replayed: boolean;
}

/**
 * Orders statement lines as the DynamoDB sort key does: by time, then transfer id.
 *
 * @example
 * lines.sort(entryOrder)
 */
export const entryOrder = (a: LedgerEntry, b: LedgerEntry): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.transferId < b.transferId ? -1 : a.transferId > b.transferId ? 1 : 0;

/**
 * The ledger in memory: the reference model the DynamoDB ledger is tested against, and a
 * ledger for unit tests. Every command is planned and checked in full before any state
 * changes, so a rejected command leaves no trace.
 *
 * @example
 * const ledger = new MemoryLedger(fixedClock(0));
 * ledger.execute({ kind: 'deposit', id: 'd1', funderId: 'fnd_1', programmeId: 'prg_1', amount: money(1000, 'INR') });
 * ledger.account('pool:prg_1').creditsPosted // 1000
 */
export class MemoryLedger {
  readonly #accounts = new Map<string, LedgerAccount>();
  readonly #transfers = new Map<string, LedgerTransfer>();
  readonly #entries = new Map<string, LedgerEntry[]>();

  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Plans, checks and applies one command; throws a `DomainError` and changes nothing when refused. */
  execute(input: LedgerCommand): Executed {
    const command = LedgerCommand.parse(input);
    const at = new Date(this.#clock.now()).toISOString();
    const pendingId = command.kind === 'post' || command.kind === 'void' ? command.pendingId : undefined;
    const pending = pendingId === undefined ? undefined : this.#transfers.get(pendingId);
    const pool =
      command.kind === 'close'
        ? this.#accounts.get(accountId({ kind: 'pool', programmeId: command.programmeId }))
        : undefined;
    const plan = planTransfer(command, { at, pending, pool });
    const verdict = checkPlan(plan, {
      existing: this.#transfers.get(command.id),
      pending,
      account: (id) => this.account(id),
    });
    if (verdict.outcome === 'replay') return { transfer: verdict.transfer, replayed: true };

    for (const e of plan.effects)
      this.#accounts.set(e.account, applyEffect(this.#accounts.get(e.account), e, plan.transfer.currency));
    for (const entry of entriesOf(plan))
      this.#entries.set(entry.account, [...(this.#entries.get(entry.account) ?? []), entry]);
    if (pending) this.#transfers.set(pending.id, resolvedHold(pending, plan));
    this.#transfers.set(plan.transfer.id, plan.transfer);
    return { transfer: plan.transfer, replayed: false };
  }

  /** An account's totals; an account that never moved money reads as empty. */
  account(id: string): LedgerAccount {
    return this.#accounts.get(id) ?? emptyAccount(id);
  }

  transfer(id: string): LedgerTransfer | undefined {
    return this.#transfers.get(id);
  }

  /** Every movement of an account, oldest first. */
  statement(id: string): LedgerEntry[] {
    return [...(this.#entries.get(id) ?? [])].sort(entryOrder);
  }

  accounts(): LedgerAccount[] {
    return [...this.#accounts.values()];
  }

  transfers(): LedgerTransfer[] {
    return [...this.#transfers.values()];
  }
}
