import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptMilestone,
  autoAcceptMilestone,
  cancelEscrow,
  disputeMilestone,
  recordReceipt,
  reportMilestone,
  resolveMilestone,
  type EscrowRecord,
  type MilestoneDecision,
} from '../../../packages/core/src/escrow';
import { DomainError } from '../../../packages/core/src/errors';
import { money } from '../../../packages/core/src/money';
import { milestonesArb } from '../subsidy/arbitraries';
import { programme, programmeId } from '../subsidy/fixtures';
import { AT, PLEDGED, admin, lead, provider, record } from './fixtures';

type Action =
  | { kind: 'report' | 'accept' | 'dispute'; i: number }
  | { kind: 'resolve'; i: number; outcome: 'release' | 'partial' | 'void'; part: number }
  | { kind: 'auto'; i: number; days: number }
  | { kind: 'cancel' }
  | { kind: 'receipt'; id: number; amount: number };

const index = fc.nat(2);
// Weighted so that sequences often get far (report → dispute → resolve) before a cancellation ends them.
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('report' as const), i: index }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'dispute' as const), i: index }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      i: index,
      outcome: fc.constantFrom('release' as const, 'partial' as const, 'void' as const),
      part: fc.integer({ min: -5, max: 1_000_005 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('auto' as const), i: index, days: fc.integer({ min: 0, max: 30 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('receipt' as const),
      id: fc.nat(3),
      amount: fc.integer({ min: -10, max: 5_000_000 }),
    }),
  },
);

const recordArb: fc.Arbitrary<EscrowRecord> = fc
  .record({
    milestones: milestonesArb,
    total: fc.integer({ min: 0, max: 50_00_000_00 }),
    second: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ milestones, total, second }) =>
    record({
      milestones,
      total,
      programmes: [programme(), programme({ id: programmeId(2), schedule: [second], priority: 20 })],
    }),
  );

const at = (days: number) => new Date(Date.parse(AT) + days * 86_400_000).toISOString();

/** One action; a refused one (a DomainError) leaves the record as it was. */
function step(r: EscrowRecord, a: Action): MilestoneDecision {
  const held = (i: number) => r.milestones[i]?.holds.reduce((s, h) => s + h.amount.amount, 0) ?? 0;
  try {
    switch (a.kind) {
      case 'report':
        return {
          record: reportMilestone(
            r,
            a.i,
            provider,
            { evidence: 'Delivered as agreed, register attached' },
            { pledgedFirmIds: PLEDGED, at: AT, autoAcceptDays: 14 },
          ),
          commands: [],
        };
      case 'accept':
        return acceptMilestone(r, a.i, lead, AT);
      case 'dispute':
        return { record: disputeMilestone(r, a.i, lead, 'The course was shorter than agreed', AT), commands: [] };
      case 'resolve': {
        const amount =
          a.outcome === 'partial'
            ? money(a.part >= 0 && a.part <= 1_000_000 ? Math.floor((held(a.i) * a.part) / 1_000_000) : a.part, 'INR')
            : undefined;
        return resolveMilestone(r, a.i, admin, { outcome: a.outcome, amount, reason: 'Decided on the evidence' }, AT);
      }
      case 'auto':
        return autoAcceptMilestone(r, a.i, at(a.days)) ?? { record: r, commands: [] };
      case 'cancel':
        return cancelEscrow(r, AT);
      case 'receipt':
        return {
          record: recordReceipt(r, provider, { receiptId: `r${a.id}`, amount: money(a.amount, 'INR') }, AT).record,
          commands: [],
        };
    }
  } catch (error) {
    if (error instanceof DomainError) return { record: r, commands: [] };
    throw error;
  }
}

const released = (r: EscrowRecord) => r.milestones.flatMap((m) => m.holds).reduce((s, h) => s + h.released.amount, 0);

describe('milestone actions, any sequence', () => {
  it(
    'keep held = released + returned + pending per milestone, pay no ' +
      'milestone more than its subsidy, and pay nothing after a cancellation',
    () => {
      fc.assert(
        fc.property(recordArb, fc.array(actionArb, { maxLength: 40 }), (start, actions) => {
          let r = start;
          let cancelledAt: number | undefined;
          for (const a of actions) {
            const before = r;
            const d = step(r, a);
            r = d.record;
            // Holds are the same set of ids; each leaves `pending` at most once and never changes again.
            for (const [mi, m] of r.milestones.entries()) {
              const held = m.holds.reduce((s, h) => s + h.amount.amount, 0);
              const parts = m.holds.reduce(
                (s, h) => s + h.released.amount + h.returned.amount + (h.state === 'pending' ? h.amount.amount : 0),
                0,
              );
              expect(parts).toBe(held);
              expect(held).toBe(m.subsidy.amount);
              expect(m.subsidy.amount + m.privateShare.amount).toBe(m.total.amount);
              for (const [hi, h] of m.holds.entries()) {
                expect(h.released.amount).toBeGreaterThanOrEqual(0);
                expect(h.returned.amount).toBeGreaterThanOrEqual(0);
                expect(h.released.amount + h.returned.amount).toBe(h.state === 'pending' ? 0 : h.amount.amount);
                const old = before.milestones[mi]!.holds[hi]!;
                expect(h.id).toBe(old.id);
                if (old.state !== 'pending') expect(h).toEqual(old);
              }
            }
            // The commands carry every hold this step decided, for exactly what it released; any other
            // command only repeats a decision already made (a redelivered cancellation re-runs its voids).
            const decided = r.milestones.flatMap((m, mi) =>
              m.holds.filter((h, hi) => before.milestones[mi]!.holds[hi]!.state === 'pending' && h.state !== 'pending'),
            );
            const fresh = d.commands.filter((c) => decided.some((h) => h.id === c.pendingId));
            expect(fresh.map((c) => c.pendingId).sort()).toEqual(decided.map((h) => h.id).sort());
            const all = r.milestones.flatMap((m) => m.holds);
            for (const c of d.commands)
              expect(all.find((h) => h.id === c.pendingId)?.state).toBe(c.kind === 'post' ? 'posted' : 'voided');
            const paid = fresh.reduce(
              (s, c) =>
                s +
                (c.kind === 'post'
                  ? (c.amount?.amount ?? decided.find((h) => h.id === c.pendingId)!.amount.amount)
                  : 0),
              0,
            );
            expect(paid).toBe(released(r) - released(before));
            if (cancelledAt !== undefined) {
              expect(released(r)).toBe(cancelledAt);
              expect(d.commands.filter((c) => c.kind === 'post')).toEqual([]);
            }
            if (r.cancelledAt && cancelledAt === undefined) cancelledAt = released(r);
            expect(r.privateShareReceipts.reduce((s, x) => s + x.amount.amount, 0)).toBeLessThanOrEqual(
              r.privateShare.amount,
            );
            expect(r.subsidy.amount + r.privateShare.amount).toBe(r.total.amount);
          }
        }),
        { numRuns: 200 },
      );
    },
    60_000,
  );
});
