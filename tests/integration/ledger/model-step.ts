import type fc from 'fast-check';
import { expect } from 'vitest';
import {
  accountId,
  availableBalance,
  DomainError,
  ledgerViolations,
  type LedgerAccount,
  type LedgerCommand,
  type LedgerTransfer,
  type MemoryLedger,
} from '@bds/core';
import type { Db } from '../../../functions/adapters/dynamo/db';
import type { LedgerStore } from '../../../functions/adapters/dynamo/ledger';
import { asLedgerAccount, parseAccount, parseTransfer } from '../../../functions/adapters/dynamo/ledger/items';
import { ledgerKeys } from '../../../functions/adapters/dynamo/ledger/keys';
import { batchGet } from '../../../functions/adapters/dynamo/ledger/reads';
import type { Op, Scenario } from '../../unit/ledger/scenario';

/** The reference: the in-memory ledger, the run's world, and the clock both ledgers read. */
export interface Model {
  ledger: MemoryLedger;
  scenario: Scenario;
  tick(): void;
}

/**
 * The system under test, one per sequence: the store on the table the runner's sequences share,
 * and DynamoDB's accounts as last read, which every step's invariants are checked over.
 */
export interface Real {
  store: LedgerStore;
  db: Db;
  /** Every account of the sequence as DynamoDB last returned it: the step's own reads are fresh. */
  seen: Map<string, LedgerAccount>;
  /** Steps run so far in this sequence; every FULL_READ_EVERY-th reads every account again. */
  steps: number;
}

/**
 * Every this many steps (and at the first) a step reads all of the sequence's accounts instead
 * of only the ones its command names: that catches a write to an account the command does not
 * name (the end-of-sequence audit reads them all as well).
 */
export const FULL_READ_EVERY = 8;

type Outcome = { ok: true; transfer: LedgerTransfer; replayed: boolean } | { ok: false; code: string };

const settle = async (act: () => unknown): Promise<Outcome> => {
  try {
    const { transfer, replayed } = (await act()) as { transfer: LedgerTransfer; replayed: boolean };
    return { ok: true, transfer, replayed };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, code: error.code };
  }
};

/** Counts the steps every run executed, for the ≥ 10,000 the suite promises. */
export const stepCounter = { steps: 0, concurrent: 0 };

/**
 * One generated step: a movement resolved against the model, executed by both ledgers —
 * `copies` times at once on DynamoDB, which must behave as if it ran once. Then the two states
 * are compared and the ledger's invariants checked on DynamoDB's accounts.
 */
export class LedgerStep implements fc.AsyncCommand<Model, Real> {
  #command: LedgerCommand | undefined;

  constructor(
    readonly op: Op,
    readonly copies: number,
  ) {}

  /** Every step is valid in every state: the ledger must refuse what it cannot do. */
  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    model.tick();
    const command = model.scenario.resolve(this.op, model.ledger);
    this.#command = command;
    const before = new Map(model.scenario.accounts().map((id) => [id, model.ledger.account(id)]));
    const expected = await settle(() => model.ledger.execute(command));
    const actual = await Promise.all(
      Array.from({ length: this.copies }, () => settle(() => real.store.execute(command))),
    );
    stepCounter.steps += 1;
    if (this.copies > 1) stepCounter.concurrent += 1;

    const why = `after ${JSON.stringify(command)}`;
    for (const got of actual) {
      expect(got.ok ? { transfer: got.transfer } : got, why).toEqual(
        expected.ok ? { transfer: expected.transfer } : expected,
      );
    }
    // A new transfer is applied by exactly one copy; the others replay it.
    if (expected.ok) expect(actual.filter((a) => a.ok && !a.replayed).length, why).toBe(expected.replayed ? 0 : 1);
    // What the step may have written: the accounts its command names, and those the model changed.
    const changed = [...before].filter(([id, a]) => model.ledger.account(id) !== a).map(([id]) => id);
    const full = real.steps++ % FULL_READ_EVERY === 0;
    await compareState(
      model,
      real,
      command,
      full ? model.scenario.accounts() : [...new Set([...namedAccounts(command, model.ledger), ...changed])],
      why,
    );
  }

  toString(): string {
    const copies = this.copies > 1 ? `${this.copies}× ` : '';
    return `${copies}${JSON.stringify(this.op)}${this.#command ? ` → ${JSON.stringify(this.#command)}` : ''}`;
  }
}

/** The accounts a command names: those it moves money between when it is accepted. */
export function namedAccounts(command: LedgerCommand, ledger: MemoryLedger): string[] {
  switch (command.kind) {
    case 'deposit':
      return [
        accountId({ kind: 'funder', funderId: command.funderId }),
        accountId({ kind: 'pool', programmeId: command.programmeId }),
      ];
    case 'hold':
      return [
        accountId({ kind: 'pool', programmeId: command.programmeId }),
        accountId({ kind: 'escrow', clusterId: command.clusterId, awardId: command.awardId }),
      ];
    case 'post':
    case 'void': {
      const hold = ledger.transfer(command.pendingId);
      return hold?.kind === 'hold' ? [hold.debit, hold.credit, ...(hold.beneficiary ? [hold.beneficiary] : [])] : [];
    }
    case 'payout':
      return [
        accountId({ kind: 'payable', providerId: command.providerId }),
        accountId({ kind: 'paid', providerId: command.providerId }),
      ];
    case 'close':
      return [
        accountId({ kind: 'pool', programmeId: command.programmeId }),
        accountId({ kind: 'funder', funderId: command.funderId }),
      ];
  }
}

/**
 * After every step, in one BatchGetItem: the accounts the step may have written (`fresh`) and the
 * transfers it named equal the model's, `available` agrees with the totals, and the ledger's
 * invariants hold over DynamoDB's accounts (the fresh ones just read, the others as last read
 * and unchanged in the model since): double entry, no pool or payable overdrawn, holds resolved
 * at most once, subsidy released ≤ deposited per programme, releases only to the beneficiary.
 */
export async function compareState(
  model: Model,
  real: Real,
  command: LedgerCommand,
  fresh: readonly string[],
  why: string,
): Promise<void> {
  const transferIds = [command.id, ...('pendingId' in command ? [command.pendingId] : [])].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  const keys = [...fresh.map((id) => ledgerKeys.account(id)), ...transferIds.map((id) => ledgerKeys.transfer(id))];
  const items = await batchGet(real.db, keys, 'compare', () => undefined);

  const stored = fresh.map((id, i) => parseAccount(id, items[i]));
  const accounts = stored.map(asLedgerAccount);
  expect(accounts, why).toEqual(fresh.map((id) => model.ledger.account(id)));
  for (const s of stored) expect(s.available, `${why}: ${s.id}.available`).toBe(availableBalance(s));
  for (const [j, id] of transferIds.entries()) {
    const raw = items[fresh.length + j];
    expect(raw && parseTransfer(raw), `${why}: transfer ${id}`).toEqual(model.ledger.transfer(id));
  }
  for (const a of accounts) real.seen.set(a.id, a);
  const all = model.scenario.accounts().map((id) => real.seen.get(id));
  expect(all.includes(undefined), `${why}: an account was never read`).toBe(false);
  expect(ledgerViolations(all as LedgerAccount[], model.ledger.transfers()), why).toEqual([]);
}
