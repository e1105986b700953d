import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptMilestone,
  attendanceCount,
  autoAcceptMilestone,
  confirmedFirms,
  moneyView,
  proportionalRelease,
  recordAttendance,
  releasePreview,
  reportMilestone,
  type EscrowRecord,
} from '../../../packages/core/src/escrow';
import { DomainError } from '../../../packages/core/src/errors';
import { milestoneDelivery } from '../../../packages/core/src/indicators/delivery';
import { money } from '../../../packages/core/src/money';
import { idOf } from '../core/fixtures';
import { programme } from '../subsidy/fixtures';
import { AT, LATER, lead, provider, record } from './fixtures';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};

const firms = (n: number) => Array.from({ length: n }, (_, i) => idOf('firm', i + 1));

/** Milestone 0 reported with `n` listed firms, then each firm's answer: true, false, or undefined (silent). */
function answered(answers: readonly (boolean | undefined)[], r: EscrowRecord = record()): EscrowRecord {
  const listed = firms(answers.length);
  let next = reportMilestone(
    r,
    0,
    provider,
    { evidence: 'Ten days held; attendance register attached', attendedFirmIds: listed },
    { pledgedFirmIds: new Set(listed), at: AT, autoAcceptDays: 14 },
  );
  answers.forEach((a, i) => {
    if (a !== undefined) next = recordAttendance(next, 0, { firmId: listed[i]!, attended: a, at: AT });
  });
  return next;
}

const answersArb = fc.array(fc.constantFrom(true, false, undefined), { minLength: 1, maxLength: 40 });
const totalArb = fc.integer({ min: 1, max: 5_00_00_000_00 });

describe('firms confirm delivery', () => {
  it('releases the confirmed share by default and returns the rest (₹12,600 of ₹18,000 for 7 of 10 firms)', () => {
    // Prepare: one programme at 50 % of a ₹36,000 award, one milestone: ₹18,000 held
    const oneMilestone = record({
      total: 36_000_00,
      milestones: [{ name: 'Course delivered', shareBasisPoints: 10_000 }],
      programmes: [programme()],
    });
    const r = answered([true, true, true, true, true, true, true, false, undefined, undefined], oneMilestone);
    // Act
    const preview = releasePreview(r, 0);
    const d = acceptMilestone(r, 0, lead, LATER);
    // Assess
    expect(preview.held).toEqual(money(18_000_00, 'INR'));
    expect(preview.confirmed).toEqual({
      released: money(12_600_00, 'INR'),
      returned: money(5_400_00, 'INR'),
      firms: 7,
    });
    expect(preview.count).toEqual({ listed: 10, confirmed: 7, denied: 1, silent: 2 });
    expect(moneyView(d.record).milestones[0]).toMatchObject({
      released: preview.confirmed.released,
      returned: preview.confirmed.returned,
    });
    expect(d.record.milestones[0]!.acceptance).toMatchObject({ basis: 'confirmed', paidFirms: 7, listedFirms: 10 });
  });

  it('releases in full only with a written reason, kept on the acceptance', () => {
    // Prepare
    const r = answered([true, undefined]);
    // Act
    const d = acceptMilestone(r, 0, lead, LATER, {
      release: 'full',
      reason: 'The second firm signed the paper register.',
    });
    // Assess
    expect(codeOf(() => acceptMilestone(r, 0, lead, LATER, { release: 'full', reason: 'short' }))).toBe(
      'MILESTONE.REASON_TOO_SHORT',
    );
    expect(codeOf(() => acceptMilestone(r, 0, lead, LATER, { reason: 'A reason without a full release.' }))).toBe(
      'MILESTONE.REASON_NOT_ALLOWED',
    );
    expect(d.record.milestones[0]!.acceptance).toMatchObject({
      basis: 'full',
      reason: 'The second firm signed the paper register.',
    });
    expect(moneyView(d.record).milestones[0]!.returned.amount).toBe(0);
  });

  it('auto-acceptance pays for the confirmed and the silent, never the denied', () => {
    // Prepare: 2 confirmed, 1 denied, 1 silent
    const r = answered([true, false, undefined, true]);
    // Act
    const d = autoAcceptMilestone(r, 0, '2025-06-16T10:00:00.000Z')!;
    // Assess
    const held = releasePreview(r, 0).held.amount;
    expect(d.record.milestones[0]!.acceptance).toMatchObject({ basis: 'not_denied', paidFirms: 3, automatic: true });
    expect(moneyView(d.record).milestones[0]!.released.amount).toBeLessThanOrEqual(Math.floor((held * 3) / 4));
  });

  it('takes one answer per listed firm, only while the milestone waits for its decision', () => {
    // Prepare
    const r = answered([true, undefined]);
    const [f1, f2] = firms(2);
    // Act + Assess
    expect(codeOf(() => recordAttendance(r, 0, { firmId: f1!, attended: false, at: AT }))).toBe(
      'ATTENDANCE.ALREADY_ANSWERED',
    );
    expect(codeOf(() => recordAttendance(r, 0, { firmId: idOf('firm', 99), attended: true, at: AT }))).toBe(
      'ATTENDANCE.FIRM_NOT_LISTED',
    );
    expect(codeOf(() => recordAttendance(record(), 0, { firmId: f1!, attended: true, at: AT }))).toBe(
      'MILESTONE.NOT_REPORTED',
    );
    const decided = acceptMilestone(r, 0, lead, LATER).record;
    expect(codeOf(() => recordAttendance(decided, 0, { firmId: f2!, attended: true, at: AT }))).toBe(
      'MILESTONE.ALREADY_DECIDED',
    );
    const onBehalf = recordAttendance(r, 0, { firmId: f2!, attended: true, at: AT, onBehalfBy: lead.userId });
    expect(onBehalf.milestones[0]!.attendance![1]).toEqual({
      firmId: f2,
      attended: true,
      at: AT,
      onBehalfBy: lead.userId,
    });
  });

  it('the indicators count only the firms that confirmed (themselves or on their behalf)', () => {
    // Prepare
    const r = answered([true, false, undefined]);
    const d = autoAcceptMilestone(r, 0, '2025-06-16T10:00:00.000Z')!;
    // Act
    const delivery = milestoneDelivery(d.record, 0, { state: 'Punjab', associationName: 'KNIDGRO', bids: 2 });
    // Assess
    expect(confirmedFirms(d.record.milestones[0]!)).toEqual([firms(1)[0]]);
    expect(delivery?.firms).toEqual([firms(1)[0]]);
  });
});

describe('properties of the proportional release', () => {
  it('released + returned = held to the paisa, each hold alike, never above the hold (integer paise)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_00_00_000_00 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (holds, a, b) => {
          const [paid, listed] = a <= b ? [a, b] : [b, a];
          const released = proportionalRelease(holds, paid, listed);
          expect(released).toHaveLength(holds.length);
          released.forEach((x, i) => {
            expect(Number.isSafeInteger(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(holds[i]!);
            // The exact floor of hold × paid ÷ listed.
            if (listed > 0) expect(BigInt(x)).toBe((BigInt(holds[i]!) * BigInt(paid)) / BigInt(listed));
          });
        },
      ),
    );
  });

  it('an acceptance releases and returns exactly what the milestone held; a denied firm is never paid for', () => {
    fc.assert(
      fc.property(answersArb, totalArb, fc.boolean(), (answers, total, auto) => {
        // Prepare
        const r = answered(answers, record({ total }));
        const count = attendanceCount(r.milestones[0]!);
        // Act
        const d = auto ? autoAcceptMilestone(r, 0, '2025-06-16T10:00:00.000Z')! : acceptMilestone(r, 0, lead, LATER);
        // Assess
        const m = moneyView(d.record).milestones[0]!;
        expect(m.released.amount + m.returned.amount).toBe(m.held.amount);
        expect(m.pending.amount).toBe(0);
        d.record.milestones[0]!.holds.forEach((h) =>
          expect(h.released.amount + h.returned.amount).toBe(h.amount.amount),
        );
        const paid = d.record.milestones[0]!.acceptance!.paidFirms!;
        // Never a denied firm: the paid firms are the confirmed (and, automatically, the silent).
        expect(paid).toBe(auto ? count.confirmed + count.silent : count.confirmed);
        expect(paid).toBeLessThanOrEqual(count.listed - count.denied);
        // What is released is at most the paid firms' share: the denied firms' share always returns.
        expect(BigInt(m.released.amount) * BigInt(count.listed)).toBeLessThanOrEqual(
          BigInt(m.held.amount) * BigInt(paid),
        );
        if (count.denied === count.listed) expect(m.released).toEqual(money(0, m.held.currency));
        // The preview told the association exactly this.
        const way = auto ? releasePreview(r, 0).notDenied : releasePreview(r, 0).confirmed;
        expect(way.released).toEqual(m.released);
      }),
      { numRuns: 200 },
    );
  });
});
