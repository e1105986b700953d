import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import { accountId, MemoryLedger } from '../../../packages/core/src/ledger';
import { money } from '../../../packages/core/src/money';
import { closeCommand, depositCommand, programmeFundsView } from '../../../packages/core/src/subsidy';
import { programme } from './fixtures';

const step = fc.oneof(
  fc.record({ op: fc.constant('deposit' as const), amount: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({ op: fc.constant('hold' as const), amount: fc.integer({ min: 1, max: 500_000 }) }),
  fc.record({ op: fc.constant('post' as const), pick: fc.nat(), part: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('close' as const) }),
);

describe('programme funds view', () => {
  it('property: deposited = available + held + released + returned, each exact, over any history', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        // Prepare
        const p = programme({ status: 'open' });
        const ledger = new MemoryLedger(fixedClock(Date.parse('2026-01-01T00:00:00.000Z')));
        const pending: { id: string; amount: number }[] = [];
        let deposited = 0,
          released = 0,
          returned = 0,
          closings = 0,
          n = 0;
        const attempt = (f: () => void) => {
          try {
            f();
          } catch {
            /* refused: nothing changes */
          }
        };

        // Act: the workflow the routes and the award worker run
        for (const s of steps) {
          const pool = ledger.account(accountId({ kind: 'pool', programmeId: p.id }));
          if (s.op === 'deposit' && !pool.closed) {
            ledger.execute(depositCommand(p, `d${n++}`, money(s.amount, 'INR')));
            deposited += s.amount;
          }
          if (s.op === 'hold')
            attempt(() => {
              const id = `hold:req_${n++}:m0:${p.id}`;
              ledger.execute({
                kind: 'hold',
                id,
                programmeId: p.id,
                clusterId: 'clu_1',
                awardId: `req_${n}`,
                providerId: 'prv_1',
                amount: money(s.amount, 'INR'),
              });
              pending.push({ id, amount: s.amount });
            });
          if ((s.op === 'post' || s.op === 'void') && pending.length > 0) {
            const [h] = pending.splice(s.pick % pending.length, 1);
            if (s.op === 'post') {
              const part = Math.max(1, Math.floor((h!.amount * s.part) / 100));
              ledger.execute({ kind: 'post', id: `post:${h!.id}`, pendingId: h!.id, amount: money(part, 'INR') });
              released += part;
            } else ledger.execute({ kind: 'void', id: `void:${h!.id}`, pendingId: h!.id });
          }
          if (s.op === 'close' && pool.currency) {
            returned += ledger.execute(closeCommand(p, ++closings)).transfer.amount;
          }
        }

        // Assess
        const view = programmeFundsView(
          ledger.account(accountId({ kind: 'pool', programmeId: p.id })),
          returned,
          'INR',
        );
        const held = pending.reduce((sum, h) => sum + h.amount, 0);
        expect(view).toEqual({
          deposited: money(deposited, 'INR'),
          available: money(deposited - held - released - returned, 'INR'),
          held: money(held, 'INR'),
          released: money(released, 'INR'),
          returned: money(returned, 'INR'),
        });
      }),
    );
  });

  it('refuses a deposit to a closed programme, in another currency, or of nothing', () => {
    expect(() => depositCommand(programme({ status: 'closed' }), 'd', money(1, 'INR'))).toThrow(
      expect.objectContaining({ code: 'SUBSIDY.PROGRAMME_CLOSED', kind: 'conflict' }),
    );
    expect(() => depositCommand(programme(), 'd', money(1, 'USD'))).toThrow(
      expect.objectContaining({ field: 'amount.currency' }),
    );
    expect(() => depositCommand(programme(), 'd', money(0, 'INR'))).toThrow(
      expect.objectContaining({ field: 'amount.amount' }),
    );
    expect(closeCommand(programme(), 2).id).toMatch(/^close:prg_.+:2$/);
  });
});
