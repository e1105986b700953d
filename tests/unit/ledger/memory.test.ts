import { describe, expect, it } from 'vitest';
import { availableBalance, ledgerViolations } from '../../../packages/core/src/ledger';
import { money } from '../../../packages/core/src/money';
import { expectDomainError } from '../core/fixtures';
import { ESCROW, EXTERNAL, PAID, PAYABLE, POOL, cmd, memoryLedger, totals } from './fixtures';

describe('MemoryLedger: the life of a hold', () => {
  it('deposit → hold → post → payout moves the money and keeps the sum over all accounts at zero', () => {
    // Prepare
    const ledger = memoryLedger();
    ledger.execute(cmd.deposit('d1', 1_000));
    // Act
    ledger.execute(cmd.hold('h1', 600));
    const afterHold = availableBalance(ledger.account(POOL));
    ledger.execute(cmd.post('p1', 'h1'));
    ledger.execute(cmd.payout('o1', 600));
    // Assess
    expect(afterHold).toBe(400);
    expect(totals(ledger.account(EXTERNAL))).toEqual([1_000, 0, 0, 0]);
    expect(totals(ledger.account(POOL))).toEqual([600, 1_000, 0, 0]);
    expect(totals(ledger.account(ESCROW))).toEqual([600, 600, 0, 0]);
    expect(totals(ledger.account(PAYABLE))).toEqual([600, 600, 0, 0]);
    expect(totals(ledger.account(PAID))).toEqual([0, 600, 0, 0]);
    expect(ledger.transfer('h1')).toMatchObject({ state: 'posted', resolvedBy: 'p1', postedAmount: 600 });
    expect(ledgerViolations(ledger.accounts(), ledger.transfers())).toEqual([]);
  });

  it('a partial post releases part to the provider and returns the rest to the pool', () => {
    const ledger = memoryLedger();
    ledger.execute(cmd.deposit('d1', 1_000));
    ledger.execute(cmd.hold('h1', 600));
    const { transfer } = ledger.execute(cmd.post('p1', 'h1', 250));
    expect(transfer).toMatchObject({
      kind: 'post',
      debit: ESCROW,
      credit: PAYABLE,
      amount: 250,
      returned: 350,
      pendingId: 'h1',
    });
    expect(availableBalance(ledger.account(POOL))).toBe(750);
    expect(totals(ledger.account(PAYABLE))).toEqual([0, 250, 0, 0]);
    expect(ledger.transfer('h1')).toMatchObject({ state: 'posted', postedAmount: 250 });
  });

  it('a void returns the whole hold to the pool', () => {
    const ledger = memoryLedger();
    ledger.execute(cmd.deposit('d1', 1_000));
    ledger.execute(cmd.hold('h1', 600));
    ledger.execute(cmd.void('v1', 'h1'));
    expect(totals(ledger.account(POOL))).toEqual([0, 1_000, 0, 0]);
    expect(totals(ledger.account(ESCROW))).toEqual([0, 0, 0, 0]);
    expect(ledger.transfer('h1')).toMatchObject({ state: 'voided', resolvedBy: 'v1', postedAmount: 0 });
  });

  it('a hold is resolved at most once, whichever way', () => {
    const ledger = memoryLedger();
    ledger.execute(cmd.deposit('d1', 1_000));
    ledger.execute(cmd.hold('h1', 600));
    ledger.execute(cmd.post('p1', 'h1'));
    expectDomainError(() => ledger.execute(cmd.post('p2', 'h1')), 'LEDGER.ALREADY_RESOLVED', 'conflict');
    expectDomainError(() => ledger.execute(cmd.void('v1', 'h1')), 'LEDGER.ALREADY_RESOLVED', 'conflict');
    expect(totals(ledger.account(PAYABLE))).toEqual([0, 600, 0, 0]);
  });
});

describe('MemoryLedger: idempotency', () => {
  it('the same id with the same content returns the original, once applied; with other content it is refused', () => {
    const ledger = memoryLedger();
    const first = ledger.execute(cmd.deposit('d1', 1_000));
    const again = ledger.execute(cmd.deposit('d1', 1_000));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ transfer: first.transfer, replayed: true });
    expect(ledger.account(POOL).creditsPosted).toBe(1_000);
    expectDomainError(() => ledger.execute(cmd.deposit('d1', 999)), 'LEDGER.TRANSFER_EXISTS', 'conflict', 'id');
    expectDomainError(() => ledger.execute(cmd.hold('d1', 1_000)), 'LEDGER.TRANSFER_EXISTS');
  });

  it('a retried post replays even though its hold is no longer pending', () => {
    const ledger = memoryLedger();
    ledger.execute(cmd.deposit('d1', 1_000));
    ledger.execute(cmd.hold('h1', 600));
    const first = ledger.execute(cmd.post('p1', 'h1', 100));
    expect(ledger.execute(cmd.post('p1', 'h1', 100))).toEqual({ transfer: first.transfer, replayed: true });
  });
});

describe('MemoryLedger: refusals change nothing', () => {
  it('refuses a hold or a payout above what is available', () => {
    const ledger = memoryLedger();
    ledger.execute(cmd.deposit('d1', 1_000));
    ledger.execute(cmd.hold('h1', 700));
    const before = ledger.accounts();
    expectDomainError(() => ledger.execute(cmd.hold('h2', 301)), 'LEDGER.INSUFFICIENT_FUNDS', 'conflict', 'amount');
    expectDomainError(() => ledger.execute(cmd.payout('o1', 1)), 'LEDGER.INSUFFICIENT_FUNDS');
    expect(ledger.accounts()).toEqual(before);
    expect(ledger.transfer('h2')).toBeUndefined();
    expect(ledger.execute(cmd.hold('h2', 300)).replayed).toBe(false);
  });

  it.each([
    ['a zero amount', cmd.deposit('x', 0), 'LEDGER.AMOUNT_NOT_POSITIVE'],
    ['a negative amount', cmd.hold('x', -5), 'LEDGER.AMOUNT_NOT_POSITIVE'],
    ['a zero partial post', cmd.post('x', 'h1', 0), 'LEDGER.AMOUNT_NOT_POSITIVE'],
    ['a post above the hold', cmd.post('x', 'h1', 601), 'LEDGER.EXCEEDS_PENDING'],
    ['a post in another currency', cmd.post('x', 'h1', 100, 'USD'), 'LEDGER.CURRENCY_MISMATCH'],
    ['a deposit in another currency', cmd.deposit('x', 5, { amount: money(5, 'USD') }), 'LEDGER.CURRENCY_MISMATCH'],
    ['a post of a deposit', cmd.post('x', 'd1'), 'LEDGER.NOT_PENDING'],
    ['a void of nothing', cmd.void('x', 'nope'), 'LEDGER.PENDING_NOT_FOUND'],
    [
      'a close of a pool that never received money',
      cmd.close('x', { programmeId: 'prg_2' }),
      'LEDGER.ACCOUNT_NOT_FOUND',
    ],
  ])('refuses %s', (_what, command, code) => {
    const ledger = memoryLedger();
    ledger.execute(cmd.deposit('d1', 1_000));
    ledger.execute(cmd.hold('h1', 600));
    const before = [ledger.accounts(), ledger.transfers()];
    expectDomainError(() => ledger.execute(command), code);
    expect([ledger.accounts(), ledger.transfers()]).toEqual(before);
  });
});

describe('MemoryLedger: closing a programme', () => {
  it(
    'returns what is unspent, refuses new money, still takes ' + 'back voided holds, and sweeps them on a second close',
    () => {
      // Prepare
      const ledger = memoryLedger();
      ledger.execute(cmd.deposit('d1', 1_000));
      ledger.execute(cmd.hold('h1', 600));
      // Act
      const closed = ledger.execute(cmd.close('c1')).transfer;
      // Assess
      expect(closed).toMatchObject({ kind: 'close', debit: POOL, credit: EXTERNAL, amount: 400 });
      expect(ledger.account(POOL).closed).toBe(true);
      expectDomainError(() => ledger.execute(cmd.deposit('d2', 5)), 'LEDGER.ACCOUNT_CLOSED', 'conflict');
      expectDomainError(() => ledger.execute(cmd.hold('h2', 5)), 'LEDGER.ACCOUNT_CLOSED');
      ledger.execute(cmd.void('v1', 'h1'));
      expect(ledger.execute(cmd.close('c2')).transfer.amount).toBe(600);
      expect(ledger.execute(cmd.close('c3')).transfer.amount).toBe(0);
      expect(totals(ledger.account(EXTERNAL))).toEqual([1_000, 1_000, 0, 0]);
      expect(ledgerViolations(ledger.accounts(), ledger.transfers())).toEqual([]);
    },
  );
});

describe('MemoryLedger: statements', () => {
  it('list every movement of an account, and they add up to its totals', () => {
    const ledger = memoryLedger();
    ledger.execute(cmd.deposit('d1', 1_000));
    ledger.execute(cmd.hold('h1', 600));
    ledger.execute(cmd.hold('h2', 100));
    ledger.execute(cmd.post('p1', 'h1', 500));
    ledger.execute(cmd.void('v2', 'h2'));
    const lines = ledger.statement(POOL);
    expect(lines.map((l) => l.transferId)).toEqual(['d1', 'h1', 'h2', 'p1', 'v2']);
    const sum = lines.reduce(
      (s, l) => [s[0]! + l.debitsPosted, s[1]! + l.creditsPosted, s[2]! + l.debitsPending, s[3]! + l.creditsPending],
      [0, 0, 0, 0],
    );
    expect(sum).toEqual(totals(ledger.account(POOL)));
    expect(ledger.statement(ESCROW).map((l) => [l.transferId, l.creditsPending])).toEqual([
      ['h1', 600],
      ['h2', 100],
      ['p1', -600],
      ['v2', -100],
    ]);
  });
});
