import type fc from 'fast-check';
import { expect } from 'vitest';
import {
  availableBalance,
  DomainError,
  ledgerViolations,
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
 * and the transfers named since DynamoDB's state was last compared with the model's.
 */
export interface Real {
  store: LedgerStore;
  db: Db;
  /** Steps run so far in this sequence; every COMPARE_EVERY-th compares the whole state. */
  steps: number;
  /** Ids of the transfers the steps since the last comparison named (written, resolved or refused). */
  unchecked: Set<string>;
}

/**
 * Every this many steps a step reads back every account of the sequence and every transfer the
 * steps since the last comparison named, in one BatchGetItem, and compares them with the model
 * (the end-of-sequence audit compares the rest). Every step still compares its outcome (the
 * transfer or the error code of each concurrent copy) with the model's. Comparing every 4th step
 * instead of every step took the suite from ~3.4 to ~2.6 DynamoDB calls a step; a wrong write is
 * never healed by a later one (accounts only ADD, a hold resolves once), so it is still seen, at
 * most 3 steps later, and fast-check shrinks the sequence to the step that made it.
 */
export const COMPARE_EVERY = Number(process.env.LEDGER_MODEL_COMPARE_EVERY ?? 4);

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
 * `copies` times at once on DynamoDB, which must behave as if it ran once: each copy's outcome
 * must be the model's. Every {@link COMPARE_EVERY}-th step then compares the two states.
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
    for (const id of [command.id, ...('pendingId' in command ? [command.pendingId] : [])]) real.unchecked.add(id);
    if (++real.steps % COMPARE_EVERY === 0) await compareState(model, real, why);
  }

  toString(): string {
    const copies = this.copies > 1 ? `${this.copies}× ` : '';
    return `${copies}${JSON.stringify(this.op)}${this.#command ? ` → ${JSON.stringify(this.#command)}` : ''}`;
  }
}

/**
 * In one BatchGetItem: every account of the sequence and every transfer named since the last
 * comparison equal the model's, `available` agrees with the totals, and the ledger's invariants
 * hold over DynamoDB's accounts: double entry, no pool or payable overdrawn, holds resolved at
 * most once, subsidy released ≤ deposited per programme, releases only to the beneficiary.
 */
export async function compareState(model: Model, real: Real, why: string): Promise<void> {
  const accountIds = model.scenario.accounts();
  const transferIds = [...real.unchecked];
  real.unchecked.clear();
  const keys = [...accountIds.map((id) => ledgerKeys.account(id)), ...transferIds.map((id) => ledgerKeys.transfer(id))];
  const items = await batchGet(real.db, keys, 'compare', () => undefined);

  const stored = accountIds.map((id, i) => parseAccount(id, items[i]));
  const accounts = stored.map(asLedgerAccount);
  expect(accounts, why).toEqual(accountIds.map((id) => model.ledger.account(id)));
  for (const s of stored) expect(s.available, `${why}: ${s.id}.available`).toBe(availableBalance(s));
  for (const [j, id] of transferIds.entries()) {
    const raw = items[accountIds.length + j];
    expect(raw && parseTransfer(raw), `${why}: transfer ${id}`).toEqual(model.ledger.transfer(id));
  }
  expect(ledgerViolations(accounts, model.ledger.transfers()), why).toEqual([]);
}
