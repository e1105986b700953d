import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  accountId,
  checkPlan,
  LEDGER_ERROR,
  LedgerCommand,
  ledgerErrors,
  planTransfer,
  DomainError,
  type Clock,
  type Executed,
  type LedgerAccount,
  type LedgerEntry,
  type LedgerTransfer,
  type PlanContext,
} from '@bds/core';
import { systemClock } from '../system';
import type { Db } from './db';
import type { Page } from './cursor';
import { readCancellation } from './ledger/cancellation';
import { asLedgerAccount, parseAccount, parseTransfer } from './ledger/items';
import { ledgerKeys } from './ledger/keys';
import { batchGet, capacityOf, queryStatement, type Observe } from './ledger/reads';
import { ledgerTransaction } from './ledger/transaction';
import { DYNAMO_RETRY, TryAgain, retry, type RetryPolicy } from './retry';

export type { LedgerRoundTrip } from './ledger/reads';

export interface LedgerStoreOptions {
  /** Stamps each transfer; the system clock by default. */
  clock?: Clock;
  /** Attempts when transactions collide (TransactionConflict) before `LEDGER.CONTENTION`; 8 by default. */
  maxAttempts?: number;
  /** Told of every DynamoDB call: metrics, and the tests that measure round trips. */
  observe?: Observe;
}

const isoAt = (clock: Clock) => new Date(clock.now()).toISOString();
// Ledger transactions touch hot pool items; a shorter first pause than the stores' default.
const LEDGER_RETRY: RetryPolicy = { ...DYNAMO_RETRY, baseMs: 5 };

/**
 * The double-entry ledger on DynamoDB. Core plans every command (`planTransfer`) and decides
 * it (`checkPlan`); here each movement is ONE TransactWriteItems whose conditions are the same
 * rules, enforced atomically with the write. A hold, deposit or payout is one round trip; a
 * post, void or close first reads what it needs (the hold, or the pool) in one BatchGetItem.
 * When a condition fails, the items returned with the cancellation are checked by `checkPlan`
 * again, which names the domain error, or finds the same transfer already recorded: a
 * retry of the same id with the same content returns the original.
 *
 * @example
 * const ledger = ledgerStore(db, { clock });
 * await ledger.execute({ kind: 'hold', id: 'hold:req_1:m0:prg_1', programmeId, clusterId, awardId: 'req_1', providerId,
 * amount });
 */
export function ledgerStore(db: Db, opts: LedgerStoreOptions = {}) {
  const clock = opts.clock ?? systemClock;
  const observe: Observe = opts.observe ?? (() => undefined);
  const maxAttempts = opts.maxAttempts ?? 8;

  /** What planning needs from the table: the hold (post, void) or the pool (close), and the id's transfer. */
  async function context(
    command: LedgerCommand,
    at: string,
  ): Promise<{ ctx: PlanContext; existing?: LedgerTransfer | undefined }> {
    if (command.kind === 'post' || command.kind === 'void') {
      const [rawHold, rawExisting] = await batchGet(
        db,
        [ledgerKeys.transfer(command.pendingId), ledgerKeys.transfer(command.id)],
        command.kind,
        observe,
      );
      const pending = rawHold && parseTransfer(rawHold);
      let existing = rawExisting && parseTransfer(rawExisting);
      // BatchGetItem is read-committed per item, not per batch: it can see the hold resolved by
      // this very id and miss the transfer that resolved it, committed in between. The hold names
      // its resolver, so read that transfer again (a retry racing itself must replay, not fail).
      if (!existing && pending?.resolvedBy === command.id) {
        const [again] = await batchGet(db, [ledgerKeys.transfer(command.id)], command.kind, observe);
        existing = again && parseTransfer(again);
      }
      return { ctx: { at, pending }, existing };
    }
    if (command.kind === 'close') {
      const pool = accountId({ kind: 'pool', programmeId: command.programmeId });
      const [raw, existing] = await batchGet(
        db,
        [ledgerKeys.account(pool), ledgerKeys.transfer(command.id)],
        command.kind,
        observe,
      );
      return {
        ctx: { at, pool: raw && asLedgerAccount(parseAccount(pool, raw)) },
        existing: existing && parseTransfer(existing),
      };
    }
    return { ctx: { at } };
  }

  /** One read-plan-write; `TryAgain` when it collided or the state moved between read and write. */
  async function attempt(command: LedgerCommand): Promise<Executed> {
    const { ctx, existing } = await context(command, isoAt(clock));
    const plan = planTransfer(command, ctx);
    // What was read is checked before writing: a replay or a resolved hold costs no write.
    const read = checkPlan(plan, {
      existing,
      pending: ctx.pending,
      account: (id) => (ctx.pool?.id === id ? ctx.pool : undefined),
    });
    if (read.outcome === 'replay') return { transfer: read.transfer, replayed: true };

    const tx = ledgerTransaction(db.table, plan);
    try {
      const out = await db.doc.send(
        new TransactWriteCommand({ TransactItems: tx.items, ReturnConsumedCapacity: 'TOTAL' }),
      );
      observe({
        label: command.kind,
        operation: 'TransactWriteItems',
        capacityUnits: capacityOf(out.ConsumedCapacity),
      });
      return { transfer: plan.transfer, replayed: false };
    } catch (error) {
      observe({ label: command.kind, operation: 'TransactWriteItems', capacityUnits: 0 });
      const name = (error as Error | undefined)?.name;
      if (name === 'TransactionConflictException') throw new TryAgain(name, { cause: error });
      if (name !== 'TransactionCanceledException') throw error;
      const reading = readCancellation((error as TransactionCanceledException).CancellationReasons, tx.roles);
      if (reading.unexpected) throw error;
      if (reading.failed) {
        try {
          const verdict = checkPlan(plan, reading.snapshot);
          if (verdict.outcome === 'replay') return { transfer: verdict.transfer, replayed: true };
        } catch (refusal) {
          // A close planned the pool's balance as read; a hold since then shrank it: read again.
          const staleClose =
            command.kind === 'close' &&
            refusal instanceof DomainError &&
            refusal.code === LEDGER_ERROR.insufficientFunds;
          if (!staleClose) throw refusal;
        }
      }
      // Collided with another transaction, or the state moved between read and write: again.
      throw new TryAgain('state moved between read and write', { cause: error });
    }
  }

  async function execute(input: LedgerCommand): Promise<Executed> {
    const command = LedgerCommand.parse(input);
    try {
      return await retry(() => attempt(command), {
        retryIf: (e) => e instanceof TryAgain,
        policy: { ...LEDGER_RETRY, attempts: maxAttempts },
      });
    } catch (error) {
      throw error instanceof TryAgain ? ledgerErrors.contention(command.id) : error;
    }
  }

  return {
    execute,

    /** An account's totals (an account that never moved money reads as empty), with its redundant `available`. */
    async account(id: string) {
      const [raw] = await batchGet(db, [ledgerKeys.account(id)], 'account', observe);
      return parseAccount(id, raw);
    },

    /** Several accounts in one strongly consistent read per 100. */
    async accounts(ids: readonly string[]): Promise<LedgerAccount[]> {
      const raws = await batchGet(
        db,
        ids.map((id) => ledgerKeys.account(id)),
        'accounts',
        observe,
      );
      return raws.map((raw, i) => asLedgerAccount(parseAccount(ids[i] ?? '', raw)));
    },

    async transfer(id: string): Promise<LedgerTransfer | undefined> {
      const [raw] = await batchGet(db, [ledgerKeys.transfer(id)], 'transfer', observe);
      return raw && parseTransfer(raw);
    },

    async transfers(ids: readonly string[]): Promise<(LedgerTransfer | undefined)[]> {
      return (
        await batchGet(
          db,
          ids.map((id) => ledgerKeys.transfer(id)),
          'transfers',
          observe,
        )
      ).map((raw) => raw && parseTransfer(raw));
    },

    /** Every movement of an account, a page at a time (a Query on the account's partition). */
    statement(
      account: string,
      page: { limit: number; cursor?: string | undefined; newestFirst?: boolean },
    ): Promise<Page<LedgerEntry>> {
      return queryStatement(db, account, page, observe);
    },

    /** Every movement of an award's escrow: its holds, releases and voids. */
    awardStatement(
      clusterId: string,
      awardId: string,
      page: { limit: number; cursor?: string | undefined; newestFirst?: boolean },
    ): Promise<Page<LedgerEntry>> {
      return queryStatement(db, accountId({ kind: 'escrow', clusterId, awardId }), page, observe);
    },
  };
}
export type LedgerStore = ReturnType<typeof ledgerStore>;
