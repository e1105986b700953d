import fc from 'fast-check';
import { accountId, type LedgerCommand, type MemoryLedger } from '../../../packages/core/src/ledger';
import { money, type Currency } from '../../../packages/core/src/money';

/** Which hold a post or void aims at: mostly a pending one, sometimes one already resolved, a non-hold, or nothing. */
export type Target = 'pending' | 'any-hold' | 'not-a-hold' | 'missing';

/**
 * A step of a generated scenario, abstract: which programme, award or earlier transfer it
 * names is resolved against the model when it runs, so generation needs no state.
 */
export type Op =
  | { op: 'deposit'; programme: number; amount: number; currency: Currency }
  | { op: 'hold'; programme: number; award: number; amount: number; currency: Currency }
  /** part: basis points of the hold (null = all of it; above 10000 = more than held). */
  | { op: 'post'; target: Target; pick: number; part: number | null }
  | { op: 'void'; target: Target; pick: number }
  | { op: 'payout'; provider: number; amount: number }
  | { op: 'close'; programme: number }
  /** Sends an earlier command again: same id, same content. */
  | { op: 'retry'; pick: number }
  /** An earlier command's id on new content. */
  | { op: 'reuse'; pick: number; with: Op };

const PROGRAMMES = 3;
const AWARDS = 3;
const PROVIDERS = 2;

// Mostly sound amounts; now and then one the ledger must refuse.
const amount = (max: number) =>
  fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 1, max }) },
    { weight: 1, arbitrary: fc.integer({ min: -3, max: 0 }) },
  );
const currency = fc.oneof(
  { weight: 30, arbitrary: fc.constant<Currency>('INR') },
  { weight: 1, arbitrary: fc.constant<Currency>('USD') },
);
const target = fc.constantFrom<Target>(
  'pending',
  'pending',
  'pending',
  'pending',
  'pending',
  'pending',
  'any-hold',
  'not-a-hold',
  'missing',
);
const pick = fc.nat({ max: 1_000 });

const baseOp: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      op: fc.constant('deposit' as const),
      programme: fc.nat(PROGRAMMES - 1),
      amount: amount(10_000),
      currency,
    }),
  },
  {
    weight: 14,
    arbitrary: fc.record({
      op: fc.constant('hold' as const),
      programme: fc.nat(PROGRAMMES - 1),
      award: fc.nat(AWARDS - 1),
      amount: amount(2_000),
      currency,
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constant('post' as const),
      target,
      pick,
      part: fc.oneof(
        { weight: 6, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 10_001, max: 20_000 }) },
      ),
    }),
  },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('void' as const), target, pick }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('payout' as const),
      provider: fc.nat(PROVIDERS - 1),
      amount: amount(2_500),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), programme: fc.nat(PROGRAMMES - 1) }) },
);

/** One generated step: mostly a movement, sometimes a retry of an earlier one or a reuse of its id. */
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 43, arbitrary: baseOp },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('retry' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reuse' as const), pick, with: baseOp }) },
);

/**
 * The world one run plays in, its ids prefixed by `ns` so runs can share a table: three
 * programmes (two funders), three awards in two clusters, two providers.
 */
export class Scenario {
  readonly history: LedgerCommand[] = [];
  #next = 0;

  constructor(readonly ns: string) {}

  programme = (i: number) => `${this.ns}prg${i}`;
  funder = (programme: number) => `${this.ns}fnd${programme % 2}`;
  cluster = (award: number) => `${this.ns}clu${award % 2}`;
  award = (i: number) => `${this.ns}req${i}`;
  provider = (i: number) => `${this.ns}prv${i % PROVIDERS}`;

  /** Every account a run can touch. */
  accounts(): string[] {
    const ids: string[] = [];
    for (let p = 0; p < PROGRAMMES; p++)
      ids.push(
        accountId({ kind: 'pool', programmeId: this.programme(p) }),
        accountId({ kind: 'funder', funderId: this.funder(p) }),
      );
    for (let a = 0; a < AWARDS; a++)
      ids.push(accountId({ kind: 'escrow', clusterId: this.cluster(a), awardId: this.award(a) }));
    for (let v = 0; v < PROVIDERS; v++)
      ids.push(
        accountId({ kind: 'payable', providerId: this.provider(v) }),
        accountId({ kind: 'paid', providerId: this.provider(v) }),
      );
    return [...new Set(ids)];
  }

  /** The concrete command for a step, given the model's state; remembered for later retries. */
  resolve(op: Op, model: MemoryLedger): LedgerCommand {
    const command = this.#build(op, model);
    this.history.push(command);
    return command;
  }

  #build(op: Op, model: MemoryLedger, id = `${this.ns}t${this.#next++}`): LedgerCommand {
    switch (op.op) {
      case 'deposit':
        return {
          kind: 'deposit',
          id,
          funderId: this.funder(op.programme),
          programmeId: this.programme(op.programme),
          amount: money(op.amount, op.currency),
        };
      case 'hold':
        return {
          kind: 'hold',
          id,
          programmeId: this.programme(op.programme),
          clusterId: this.cluster(op.award),
          awardId: this.award(op.award),
          providerId: this.provider(op.award),
          amount: money(op.amount, op.currency),
        };
      case 'post':
      case 'void': {
        const hold = this.#target(op.target, op.pick, model);
        if (op.op === 'void') return { kind: 'void', id, pendingId: hold.id };
        const part = op.part === null ? undefined : Math.floor((hold.amount * op.part) / 10_000);
        return {
          kind: 'post',
          id,
          pendingId: hold.id,
          ...(part === undefined ? {} : { amount: money(part, hold.currency) }),
        };
      }
      case 'payout':
        return { kind: 'payout', id, providerId: this.provider(op.provider), amount: money(op.amount, 'INR') };
      case 'close':
        return { kind: 'close', id, programmeId: this.programme(op.programme), funderId: this.funder(op.programme) };
      case 'retry': {
        const earlier = this.history[op.pick % Math.max(1, this.history.length)];
        return earlier ?? this.#build({ op: 'deposit', programme: 0, amount: 1_000, currency: 'INR' }, model, id);
      }
      case 'reuse': {
        const earlier = this.history[op.pick % Math.max(1, this.history.length)];
        return this.#build(
          op.with.op === 'reuse' || op.with.op === 'retry' ? { op: 'close', programme: 0 } : op.with,
          model,
          earlier?.id ?? id,
        );
      }
    }
  }

  #target(target: Target, pick: number, model: MemoryLedger): { id: string; amount: number; currency: Currency } {
    const transfers = model.transfers();
    const holds = transfers.filter((t) => t.kind === 'hold');
    const pending = holds.filter((t) => t.state === 'pending');
    const others = transfers.filter((t) => t.kind !== 'hold');
    const pool =
      target === 'pending'
        ? pending.length
          ? pending
          : holds
        : target === 'any-hold'
          ? holds
          : target === 'not-a-hold'
            ? others
            : [];
    const chosen = pool[pick % Math.max(1, pool.length)];
    return chosen ?? { id: `${this.ns}missing`, amount: 100, currency: 'INR' };
  }
}
