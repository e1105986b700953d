import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLedger, type LedgerCommand } from '@bds/core';
import { money } from '../../../packages/core/src/money';
import { AT, ESCROW, EXTERNAL, PAID, PAYABLE, POOL, cmd, totals } from '../../unit/ledger/fixtures';
import { ledgerOnFreshTable, movableClock, outcome, type LedgerFixture } from './support';

// Generous: these share DynamoDB Local with the model-based suite, which keeps it busy for minutes.
describe('the DynamoDB ledger, one movement at a time', { timeout: 120_000 }, () => {
  let t: LedgerFixture;
  const clock = movableClock(AT);
  beforeAll(async () => {
    t = await ledgerOnFreshTable(clock);
  });
  afterAll(() => t.close());

  /** Runs the same commands on a memory ledger, for the expected state. */
  const expected = (commands: LedgerCommand[]) => {
    const model = new MemoryLedger(clock);
    commands.forEach((c) => model.execute(c));
    return model;
  };

  it('deposit → hold → post → payout: the same balances and transfers as the in-memory ledger', async () => {
    // Prepare
    const commands = [cmd.deposit('d1', 1_000), cmd.hold('h1', 600), cmd.post('p1', 'h1', 450), cmd.payout('o1', 400)];
    // Act
    for (const c of commands) await t.ledger.execute(c);
    // Assess
    const model = expected(commands);
    const ids = [EXTERNAL, POOL, ESCROW, PAYABLE, PAID];
    expect(await t.ledger.accounts(ids)).toEqual(ids.map((id) => model.account(id)));
    expect(await t.ledger.transfers(['d1', 'h1', 'p1', 'o1'])).toEqual(
      ['d1', 'h1', 'p1', 'o1'].map((id) => model.transfer(id)),
    );
    expect((await t.ledger.account(POOL)).available).toBe(1_000 - 450);
  });

  it('keeps each account under its owner’s key, tenant first for an award’s escrow', async () => {
    const get = (PK: string, SK: string) => t.db.doc.send(new GetCommand({ TableName: t.db.table, Key: { PK, SK } }));
    expect((await get('CLUSTER#clu_1#LEDGER#ESCROW#req_1', 'ACCOUNT')).Item).toMatchObject({
      accountId: ESCROW,
      entity: 'ledger-account',
    });
    expect((await get('PROGRAMME#prg_1#LEDGER#POOL', 'ACCOUNT')).Item).toMatchObject({ accountId: POOL });
    expect((await get('PROVIDER#prv_1#LEDGER#PAYABLE', 'ACCOUNT')).Item).toMatchObject({ accountId: PAYABLE });
    expect((await get('LEDGER#TRANSFER#h1', 'TRANSFER')).Item).toMatchObject({
      kind: 'hold',
      state: 'posted',
      resolvedBy: 'p1',
    });
  });

  it.each<[string, LedgerCommand, string]>([
    ['a hold above the pool', cmd.hold('x1', 551), 'LEDGER.INSUFFICIENT_FUNDS'],
    ['a payout above the payable', cmd.payout('x2', 51), 'LEDGER.INSUFFICIENT_FUNDS'],
    ['a used id with other content', cmd.deposit('d1', 999), 'LEDGER.TRANSFER_EXISTS'],
    ['a second release of a hold', cmd.post('x3', 'h1'), 'LEDGER.ALREADY_RESOLVED'],
    ['a void of a released hold', cmd.void('x4', 'h1'), 'LEDGER.ALREADY_RESOLVED'],
    ['a deposit in another currency', cmd.deposit('x5', 10, { amount: money(10, 'USD') }), 'LEDGER.CURRENCY_MISMATCH'],
    ['a hold in another currency', cmd.hold('x6', 10, { amount: money(10, 'USD') }), 'LEDGER.CURRENCY_MISMATCH'],
    ['a zero deposit', cmd.deposit('x7', 0), 'LEDGER.AMOUNT_NOT_POSITIVE'],
    ['a release of nothing', cmd.post('x8', 'nope'), 'LEDGER.PENDING_NOT_FOUND'],
    ['a release of a deposit', cmd.post('x9', 'd1'), 'LEDGER.NOT_PENDING'],
    ['a hold on a pool never funded', cmd.hold('x10', 1, { programmeId: 'prg_9' }), 'LEDGER.INSUFFICIENT_FUNDS'],
  ])('refuses %s with its code, and writes nothing', async (_what, command, code) => {
    // Prepare
    const ids = [EXTERNAL, POOL, ESCROW, PAYABLE, PAID];
    const before = await t.ledger.accounts(ids);
    // Act
    const got = await outcome(() => t.ledger.execute(command));
    // Assess
    expect(got).toBe(code);
    expect(await t.ledger.accounts(ids)).toEqual(before);
    if (code !== 'LEDGER.TRANSFER_EXISTS') expect(await t.ledger.transfer(command.id)).toBeUndefined();
  });

  it('a retry of the same id with the same content returns the original and writes nothing', async () => {
    const ids = [POOL, ESCROW];
    const first = await t.ledger.execute(cmd.hold('h2', 100));
    const before = await t.ledger.accounts(ids);
    clock.set(AT + 60_000);
    const again = await t.ledger.execute(cmd.hold('h2', 100));
    expect(again).toEqual({ transfer: first.transfer, replayed: true });
    expect(await t.ledger.accounts(ids)).toEqual(before);
  });

  it('closes a pool: returns the unspent, then refuses deposits and holds', async () => {
    const { transfer } = await t.ledger.execute(cmd.close('c1'));
    expect(transfer).toMatchObject({ kind: 'close', debit: POOL, credit: EXTERNAL, amount: 1_000 - 450 - 100 });
    expect(await outcome(() => t.ledger.execute(cmd.deposit('d9', 5)))).toBe('LEDGER.ACCOUNT_CLOSED');
    expect(await outcome(() => t.ledger.execute(cmd.hold('h9', 5)))).toBe('LEDGER.ACCOUNT_CLOSED');
    await t.ledger.execute(cmd.void('v2', 'h2'));
    expect((await t.ledger.execute(cmd.close('c2'))).transfer.amount).toBe(100);
    expect(await t.ledger.execute(cmd.close('c2'))).toMatchObject({ replayed: true });
  });

  it('pages through a statement with a Query, and refuses a cursor made for another account', async () => {
    // Prepare: 25 more movements on the escrow of another award
    const other = { awardId: 'req_2' };
    await t.ledger.execute(cmd.deposit('d20', 10_000, { programmeId: 'prg_2' }));
    for (let i = 0; i < 12; i++) {
      clock.set(AT + 120_000 + i);
      await t.ledger.execute(cmd.hold(`h2-${i}`, 10 + i, { programmeId: 'prg_2', ...other }));
      await t.ledger.execute(i % 2 ? cmd.post(`p2-${i}`, `h2-${i}`) : cmd.void(`v2-${i}`, `h2-${i}`));
    }
    // Act
    const lines = [];
    let cursor: string | undefined;
    do {
      const page = await t.ledger.awardStatement('clu_1', 'req_2', { limit: 7, cursor });
      lines.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Assess
    expect(lines).toHaveLength(24);
    const sum = lines.reduce(
      (s, l) => [s[0]! + l.debitsPosted, s[1]! + l.creditsPosted, s[2]! + l.debitsPending, s[3]! + l.creditsPending],
      [0, 0, 0, 0],
    );
    expect(sum).toEqual(totals(await t.ledger.account('escrow:clu_1:req_2')));
    const first = await t.ledger.awardStatement('clu_1', 'req_2', { limit: 2 });
    expect(await outcome(() => t.ledger.statement(POOL, { limit: 2, cursor: first.nextCursor ?? undefined }))).toBe(
      'PAGE.BAD_CURSOR',
    );
  });
});
