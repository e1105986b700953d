import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, computeSubsidy, effectsOf, escrowHolds, splitByMilestones, type LedgerCommand } from '@bds/core';
import { ledgerKeys } from '../../../functions/adapters/dynamo/ledger/keys';
import { money } from '../../../packages/core/src/money';
import { award, programme } from '../../unit/subsidy/fixtures';
import { AT, cmd } from '../../unit/ledger/fixtures';
import { ledgerOnFreshTable, movableClock, type LedgerFixture } from './support';

/** DynamoDB's item size rule: names and values in bytes; a number about one byte per two digits. */
function itemSize(item: Record<string, unknown>): number {
  const value = (v: unknown): number =>
    typeof v === 'string'
      ? Buffer.byteLength(v)
      : typeof v === 'number'
        ? Math.ceil(String(Math.abs(v)).replace(/^0+/, '').length / 2) + 1
        : typeof v === 'boolean' || v === null
          ? 1
          : typeof v === 'object'
            ? 3 + Object.entries(v as object).reduce((s, [k, x]) => s + Buffer.byteLength(k) + value(x) + 1, 0)
            : 0;
  return Object.entries(item).reduce((s, [k, v]) => s + Buffer.byteLength(k) + value(v), 0);
}

/**
 * Measures what each movement costs in DynamoDB: round trips and the capacity units DynamoDB
 * reports (`ReturnConsumedCapacity: 'TOTAL'`). docs/ledger.md quotes the table this prints.
 */
describe('the cost of a movement', { timeout: 120_000 }, () => {
  let t: LedgerFixture;
  beforeAll(async () => {
    t = await ledgerOnFreshTable(movableClock(AT));
    await t.ledger.execute(cmd.deposit('d0', 10_00_000_00));
  });
  afterAll(() => t.close());

  /**
   * What AWS would bill for the items a movement wrote: a transactional write costs 2 WCU per
   * started KB of each item (DynamoDB Local reports a flat figure, so we size the items ourselves).
   */
  const awsWriteUnits = async (id: string) => {
    const transfer = (await t.ledger.transfer(id))!;
    const hold = transfer.pendingId ? await t.ledger.transfer(transfer.pendingId) : undefined;
    const effects = effectsOf(transfer, hold);
    const keys = [
      ledgerKeys.transfer(transfer.id),
      ...(hold ? [ledgerKeys.transfer(hold.id)] : []),
      ...effects.map((e) => ledgerKeys.account(e.account)),
      ...effects.map((e) => ledgerKeys.entry(e.account, transfer.at, transfer.id)),
    ];
    const out = await t.db.doc.send(new BatchGetCommand({ RequestItems: { [t.db.table]: { Keys: keys } } }));
    const sizes = (out.Responses?.[t.db.table] ?? []).map(itemSize);
    return {
      items: keys.length,
      largestItemBytes: Math.max(...sizes),
      awsWriteUnits: sizes.reduce((s, b) => s + 2 * Math.ceil(b / 1024), 0),
    };
  };

  const measure = async (what: string, commands: LedgerCommand[]) => {
    t.trips.length = 0;
    for (const c of commands) await t.ledger.execute(c);
    const trips = [...t.trips];
    const wrote = trips.some((r) => r.operation === 'TransactWriteItems' && r.capacityUnits > 0);
    const each = wrote ? await Promise.all(commands.map((c) => awsWriteUnits(c.id))) : [];
    const written = wrote
      ? {
          items: each.reduce((s, w) => s + w.items, 0),
          largestItemBytes: Math.max(...each.map((w) => w.largestItemBytes)),
          awsWriteUnits: each.reduce((s, w) => s + w.awsWriteUnits, 0),
        }
      : undefined;
    const row = {
      what,
      roundTrips: trips.length,
      calls: trips.map((r) => `${r.operation}=${r.capacityUnits}`).join(' + '),
      localCapacityUnits: trips.reduce((s, r) => s + r.capacityUnits, 0),
      ...written,
    };
    console.log(`[ledger cost] ${JSON.stringify(row)}`);
    return trips;
  };

  it('a hold, a deposit, a payout: one TransactWriteItems each', async () => {
    expect((await measure('hold', [cmd.hold('h1', 1_000)])).map((r) => r.operation)).toEqual(['TransactWriteItems']);
    expect((await measure('deposit', [cmd.deposit('d1', 1_000)])).map((r) => r.operation)).toEqual([
      'TransactWriteItems',
    ]);
  });

  it('a post (release) and a void: one BatchGetItem (the hold, the id) and one TransactWriteItems', async () => {
    await t.ledger.execute(cmd.hold('h2', 1_000));
    expect((await measure('post', [cmd.post('p1', 'h1')])).map((r) => r.operation)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    expect((await measure('partial post', [cmd.post('p2', 'h2', 400)])).map((r) => r.operation)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    await t.ledger.execute(cmd.hold('h3', 1_000));
    expect((await measure('void', [cmd.void('v1', 'h3')])).map((r) => r.operation)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
    expect((await measure('payout', [cmd.payout('o1', 500)])).map((r) => r.operation)).toEqual(['TransactWriteItems']);
  });

  it('a retry costs a failed transaction (a hold) or one read (a post), and writes nothing', async () => {
    expect((await measure('hold retried', [cmd.hold('h1', 1_000)])).map((r) => r.operation)).toEqual([
      'TransactWriteItems',
    ]);
    expect((await measure('post retried', [cmd.post('p1', 'h1')])).map((r) => r.operation)).toEqual(['BatchGetItem']);
  });

  it('a close: one BatchGetItem (the pool, the id) and one TransactWriteItems', async () => {
    await t.ledger.execute(cmd.deposit('d-close', 1_000, { programmeId: 'prg_close' }));
    expect((await measure('close', [cmd.close('c1', { programmeId: 'prg_close' })])).map((r) => r.operation)).toEqual([
      'BatchGetItem',
      'TransactWriteItems',
    ]);
  });

  it('an award with two milestones and one programme: two holds, two round trips', async () => {
    const p = programme();
    const split = computeSubsidy(award(), [p], 0, {
      [p.id]: { available: money(1e12, 'INR'), committed: money(0, 'INR') },
    });
    const holds = escrowHolds(
      { clusterId: 'clu_1', awardId: 'req_9', providerId: 'prv_1' },
      splitByMilestones(split, [
        { name: 'Course', shareBasisPoints: 7000 },
        { name: 'Certificates', shareBasisPoints: 3000 },
      ]),
    );
    await t.ledger.execute(cmd.deposit('d-award', 1_00_000_00, { programmeId: p.id }));
    const trips = await measure('award (2 milestones × 1 programme)', holds);
    expect(trips).toHaveLength(2);
    expect(
      (await t.ledger.account(accountId({ kind: 'escrow', clusterId: 'clu_1', awardId: 'req_9' }))).creditsPending,
    ).toBe(50_000_00);
  });
});
