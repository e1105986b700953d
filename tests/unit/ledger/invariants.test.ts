import { describe, expect, it } from 'vitest';
import { ledgerViolations, type LedgerAccount, type LedgerTransfer } from '../../../packages/core/src/ledger';
import { ESCROW, POOL, cmd, memoryLedger } from './fixtures';

/** A sound little ledger to corrupt: a deposit, a posted hold, a pending hold. */
function sound() {
  const ledger = memoryLedger();
  ledger.execute(cmd.deposit('d1', 1_000));
  ledger.execute(cmd.hold('h1', 600));
  ledger.execute(cmd.post('p1', 'h1'));
  ledger.execute(cmd.hold('h2', 100));
  return { accounts: ledger.accounts(), transfers: ledger.transfers() };
}

const edit = <T extends { id: string }>(items: T[], id: string, change: Partial<T>): T[] =>
  items.map((x) => (x.id === id ? { ...x, ...change } : x));

describe('ledgerViolations', () => {
  it('finds nothing wrong with a sound ledger', () => {
    const { accounts, transfers } = sound();
    expect(ledgerViolations(accounts, transfers)).toEqual([]);
  });

  it.each<
    [
      string,
      (s: { accounts: LedgerAccount[]; transfers: LedgerTransfer[] }) => {
        accounts: LedgerAccount[];
        transfers: LedgerTransfer[];
      },
      RegExp,
    ]
  >([
    [
      'money created from nothing',
      (s) => ({ ...s, accounts: edit(s.accounts, POOL, { creditsPosted: 1_001 }) }),
      /posted balances sum to 1/,
    ],
    [
      'an overdrawn pool',
      (s) => ({
        ...s,
        accounts: edit(edit(s.accounts, POOL, { debitsPending: 500 }), ESCROW, { creditsPending: 500 }),
      }),
      /pool:prg_1 is overdrawn/,
    ],
    [
      'balances the journal does not explain',
      (s) => ({
        ...s,
        accounts: edit(edit(s.accounts, POOL, { debitsPending: 200 }), ESCROW, { creditsPending: 200 }),
      }),
      /but its transfers make 100/,
    ],
    [
      'a hold resolved twice',
      (s) => ({
        ...s,
        transfers: [...s.transfers, { ...s.transfers.find((t) => t.id === 'p1')!, id: 'p2', amount: 0, returned: 600 }],
      }),
      /hold h1 was resolved 2 times/,
    ],
    [
      'a pending hold with a resolution',
      (s) => ({ ...s, transfers: edit(s.transfers, 'h1', { state: 'pending' }) }),
      /hold h1 is pending but resolved by p1/,
    ],
    [
      'subsidy released beyond what was deposited',
      (s) => ({ ...s, transfers: edit(s.transfers, 'd1', { amount: 500 }) }),
      /released 600 of subsidy but received 500/,
    ],
  ])('finds %s', (_what, corrupt, message) => {
    const { accounts, transfers } = corrupt(sound());
    expect(ledgerViolations(accounts, transfers).join('\n')).toMatch(message);
  });
});
