import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../packages/core/src/errors';
import {
  ledgerViolations,
  MemoryLedger,
  type LedgerEntry,
  type LedgerTransfer,
} from '../../../packages/core/src/ledger';
import { AT, totals } from './fixtures';
import { opArb, Scenario } from './scenario';

const sumLines = (lines: LedgerEntry[]) =>
  lines.reduce(
    (s, l) => [s[0]! + l.debitsPosted, s[1]! + l.creditsPosted, s[2]! + l.debitsPending, s[3]! + l.creditsPending],
    [0, 0, 0, 0],
  );

describe('MemoryLedger: properties over random sequences', () => {
  it(
    'after every step: double entry holds, no pool overdrawn, holds resolved ' +
      'at most once, statements reconcile; a refusal or a replay changes nothing',
    () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 150, size: 'max' }), (ops) => {
          // Prepare
          let now = AT;
          const ledger = new MemoryLedger({ now: () => now });
          const scenario = new Scenario('');
          for (const op of ops) {
            now += 1_000;
            const command = scenario.resolve(op, ledger);
            const before = JSON.stringify([ledger.accounts(), ledger.transfers()]);
            // Act
            let changed: boolean;
            try {
              changed = !ledger.execute(command).replayed;
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              changed = false;
            }
            // Assess
            if (!changed) expect(JSON.stringify([ledger.accounts(), ledger.transfers()])).toBe(before);
            expect(ledgerViolations(ledger.accounts(), ledger.transfers())).toEqual([]);
          }
          for (const a of ledger.accounts()) expect(sumLines(ledger.statement(a.id))).toEqual(totals(a));
        }),
        { numRuns: 100 },
      );
    },
    60_000,
  );

  it(
    'every command that succeeded once replays to the same ' +
      'transfer (a hold as it is now: its state may have moved on)',
    () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 80, size: 'max' }), (ops) => {
          const ledger = new MemoryLedger({ now: () => AT });
          const scenario = new Scenario('');
          const done = ops.flatMap((op) => {
            const command = scenario.resolve(op, ledger);
            try {
              return [{ command, transfer: ledger.execute(command).transfer }];
            } catch {
              return [];
            }
          });
          const immutable = ({ state: _s, resolvedBy: _r, postedAmount: _p, ...rest }: LedgerTransfer) => rest;
          for (const { command, transfer } of done) {
            const again = ledger.execute(command);
            expect(again.replayed).toBe(true);
            expect(immutable(again.transfer)).toEqual(immutable(transfer));
            expect(again.transfer).toEqual(ledger.transfer(command.id));
          }
        }),
        { numRuns: 100 },
      );
    },
    60_000,
  );
});
