import { describe, expect, it } from 'vitest';
import {
  acceptMilestone,
  autoAcceptMilestone,
  cancelEscrow,
  disputeMilestone,
  markHeld,
  moneyView,
  recordHolds,
  recordReceipt,
  refuseHold,
  reportMilestone,
  resolveMilestone,
  settlement,
} from '../../../packages/core/src/escrow';
import { DomainError } from '../../../packages/core/src/errors';
import { money } from '../../../packages/core/src/money';
import {
  AT,
  FIRM_1,
  LATER,
  PLEDGED,
  admin,
  coSponsor,
  lead,
  otherProvider,
  provider,
  record,
  reported,
  confirmed,
} from './fixtures';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return `${e.code}${e.field ? `@${e.field}` : ''}`;
    throw e;
  }
  return undefined;
};
const REASON = 'Only four of the ten training days were held.';

describe('opening an award escrow', () => {
  it('holds one transfer per milestone and programme: 50 % + 20 % of ₹1 lakh split 70/30', () => {
    // Act
    const r = record();
    // Assess
    expect(r.subsidy).toEqual(money(70_000_00, 'INR'));
    expect(r.privateShare).toEqual(money(30_000_00, 'INR'));
    expect(r.milestones.map((m) => m.holds.map((h) => h.amount.amount))).toEqual([
      [35_000_00, 14_000_00],
      [15_000_00, 6_000_00],
    ]);
    expect(recordHolds(r).map((h) => h.id)).toEqual(r.milestones.flatMap((m) => m.holds.map((h) => h.id)));
    expect(r.contributions.map((c) => c.programmeName)).toEqual(['Fair participation support', 'State top-up']);
  });

  it('a hold the pool refuses becomes private share, and the record remembers it', () => {
    // Prepare
    const r = record();
    const id = r.milestones[1]!.holds[1]!.id;
    // Act
    const next = refuseHold(r, id, AT);
    // Assess
    expect(next.subsidy.amount).toBe(70_000_00 - 6_000_00);
    expect(next.privateShare.amount).toBe(30_000_00 + 6_000_00);
    expect(next.milestones[1]).toMatchObject({
      subsidy: money(15_000_00, 'INR'),
      privateShare: money(15_000_00, 'INR'),
    });
    expect(next.contributions[1]).toMatchObject({ amount: money(14_000_00, 'INR'), limitedBy: 'funds' });
    expect(next.refusedHolds).toEqual([id]);
    expect(recordHolds(next).map((h) => h.id)).not.toContain(id);
  });

  it('is not ready for milestones until the holds are made', () => {
    const pending = { ...record(), status: 'pending' as const };
    expect(codeOf(() => reported(pending))).toBe('ESCROW.NOT_READY');
    expect(markHeld(pending, AT).status).toBe('held');
  });
});

describe('the milestone state machine', () => {
  it('report → accept releases every hold of the milestone in full, with derived ids', () => {
    // Prepare: the one listed firm confirmed it attended
    const r = confirmed(record());
    // Act
    const d = acceptMilestone(r, 0, lead, LATER);
    // Assess
    expect(r.milestones[0]).toMatchObject({
      status: 'reported',
      autoAcceptAt: '2025-06-16T10:00:00.000Z',
      report: { attendedFirmIds: [FIRM_1], by: provider.userId },
    });
    expect(d.record.milestones[0]).toMatchObject({
      status: 'accepted',
      acceptance: { automatic: false, by: lead.userId },
    });
    expect(d.commands).toEqual(
      r.milestones[0]!.holds.map((h) => ({ kind: 'post', id: `post:${h.id}`, pendingId: h.id })),
    );
    expect(moneyView(d.record).milestones[0]).toMatchObject({
      held: money(49_000_00, 'INR'),
      released: money(49_000_00, 'INR'),
      returned: money(0, 'INR'),
      pending: money(0, 'INR'),
    });
  });

  it('refuses a report by anyone but the awarded provider, and attendees who did not pledge', () => {
    const r = record();
    const report =
      (actor = provider, attendedFirmIds = [FIRM_1]) =>
      () =>
        reportMilestone(
          r,
          0,
          actor,
          { evidence: 'Ten days held; register attached', attendedFirmIds },
          { pledgedFirmIds: PLEDGED, at: AT, autoAcceptDays: 14 },
        );
    expect(codeOf(report(otherProvider))).toBe('ESCROW.NOT_PARTY');
    expect(codeOf(report(lead))).toBe('ESCROW.NOT_PARTY');
    expect(codeOf(report(provider, ['frm_01M8GM41AC82MR5Y8JDZXXR1CJ']))).toBe(
      'MILESTONE.FIRM_NOT_PLEDGED@attendedFirmIds',
    );
    expect(
      codeOf(() =>
        reportMilestone(r, 0, provider, { evidence: 'short' }, { pledgedFirmIds: PLEDGED, at: AT, autoAcceptDays: 14 }),
      ),
    ).toBe('MILESTONE.EVIDENCE_INVALID@evidence');
    expect(
      codeOf(() =>
        reportMilestone(
          r,
          5,
          provider,
          { evidence: 'Ten days held; register attached' },
          { pledgedFirmIds: PLEDGED, at: AT, autoAcceptDays: 14 },
        ),
      ),
    ).toBe('MILESTONE.NOT_FOUND');
    expect(codeOf(() => reported(reported(r)))).toBe('MILESTONE.ALREADY_REPORTED');
  });

  it('only the lead accepts or disputes, only after a report, and only once', () => {
    const r = record();
    expect(codeOf(() => acceptMilestone(r, 0, lead, LATER))).toBe('MILESTONE.NOT_REPORTED');
    expect(codeOf(() => disputeMilestone(r, 0, lead, REASON, LATER))).toBe('MILESTONE.NOT_REPORTED');
    const rep = reported(r);
    expect(codeOf(() => acceptMilestone(rep, 0, coSponsor, LATER))).toBe('ESCROW.NOT_PARTY');
    expect(codeOf(() => acceptMilestone(rep, 0, provider, LATER))).toBe('ESCROW.NOT_PARTY');
    const accepted = acceptMilestone(rep, 0, lead, LATER).record;
    expect(codeOf(() => acceptMilestone(accepted, 0, lead, LATER))).toBe('MILESTONE.ALREADY_DECIDED');
    expect(codeOf(() => disputeMilestone(accepted, 0, lead, REASON, LATER))).toBe('MILESTONE.ALREADY_DECIDED');
    expect(codeOf(() => reported(accepted))).toBe('MILESTONE.ALREADY_DECIDED');
  });

  it('a dispute needs a reason of 20 characters; an admin resolves it, release, partial or void', () => {
    const rep = reported(record());
    expect(codeOf(() => disputeMilestone(rep, 0, lead, 'too short', LATER))).toBe('MILESTONE.REASON_TOO_SHORT@reason');
    const disputed = disputeMilestone(rep, 0, lead, REASON, LATER);
    expect(codeOf(() => disputeMilestone(disputed, 0, lead, REASON, LATER))).toBe('MILESTONE.ALREADY_DISPUTED');
    expect(codeOf(() => resolveMilestone(rep, 0, admin, { outcome: 'release', reason: 'ok' }, LATER))).toBe(
      'MILESTONE.NOT_DISPUTED',
    );
    expect(codeOf(() => resolveMilestone(disputed, 0, lead, { outcome: 'release', reason: 'ok' }, LATER))).toBe(
      'ESCROW.NOT_PARTY',
    );
    expect(codeOf(() => resolveMilestone(disputed, 0, admin, { outcome: 'partial', reason: 'ok' }, LATER))).toBe(
      'MILESTONE.AMOUNT_REQUIRED@amount',
    );
    expect(
      codeOf(() =>
        resolveMilestone(
          disputed,
          0,
          admin,
          { outcome: 'partial', amount: money(49_000_01, 'INR'), reason: 'ok' },
          LATER,
        ),
      ),
    ).toBe('MILESTONE.AMOUNT_EXCEEDS_HELD@amount');
    expect(
      codeOf(() =>
        resolveMilestone(disputed, 0, admin, { outcome: 'partial', amount: money(0, 'INR'), reason: 'ok' }, LATER),
      ),
    ).toBe('MILESTONE.AMOUNT_NOT_POSITIVE@amount');
    expect(
      codeOf(() =>
        resolveMilestone(disputed, 0, admin, { outcome: 'partial', amount: money(1, 'USD'), reason: 'ok' }, LATER),
      ),
    ).toBe('ESCROW.CURRENCY_MISMATCH@amount.currency');
    expect(
      codeOf(() =>
        resolveMilestone(disputed, 0, admin, { outcome: 'void', amount: money(1, 'INR'), reason: 'ok' }, LATER),
      ),
    ).toBe('MILESTONE.AMOUNT_NOT_ALLOWED@amount');

    // Act: ₹20,000 of the ₹49,000 held, shared between the two holds by their size
    const partial = resolveMilestone(
      disputed,
      0,
      admin,
      { outcome: 'partial', amount: money(20_000_00, 'INR'), reason: 'Four of ten days' },
      LATER,
    );
    // Assess
    const [h0, h1] = disputed.milestones[0]!.holds;
    expect(partial.commands).toEqual([
      { kind: 'post', id: `post:${h0!.id}`, pendingId: h0!.id, amount: money(14_285_71, 'INR') },
      { kind: 'post', id: `post:${h1!.id}`, pendingId: h1!.id, amount: money(5_714_29, 'INR') },
    ]);
    expect(moneyView(partial.record).milestones[0]).toMatchObject({
      status: 'resolved',
      released: money(20_000_00, 'INR'),
      returned: money(29_000_00, 'INR'),
    });
    const voided = resolveMilestone(disputed, 0, admin, { outcome: 'void', reason: 'Nothing was delivered' }, LATER);
    expect(voided.commands.map((c) => c.kind)).toEqual(['void', 'void']);
    expect(
      codeOf(() => resolveMilestone(voided.record, 0, admin, { outcome: 'release', reason: 'again' }, LATER)),
    ).toBe('MILESTONE.ALREADY_DECIDED');
    // The lead may still accept a disputed milestone (withdrawing its dispute).
    expect(acceptMilestone(disputed, 0, lead, LATER).record.milestones[0]!.status).toBe('accepted');
  });

  it('auto-accepts a reported milestone only when its time has come and nobody answered', () => {
    const rep = reported(record());
    expect(autoAcceptMilestone(rep, 0, '2025-06-16T09:59:59.999Z')).toBeUndefined();
    expect(autoAcceptMilestone(record(), 0, LATER)).toBeUndefined();
    expect(autoAcceptMilestone(disputeMilestone(rep, 0, lead, REASON, AT), 0, LATER)).toBeUndefined();
    const d = autoAcceptMilestone(rep, 0, '2025-06-16T10:00:00.000Z');
    expect(d?.record.milestones[0]).toMatchObject({ status: 'accepted', acceptance: { automatic: true } });
    expect(d?.commands).toHaveLength(2);
  });

  it('a cancellation voids what is still held, keeps what was released, and the record closes', () => {
    // Prepare: milestone 0 accepted, milestone 1 reported
    const r = reported(acceptMilestone(confirmed(record()), 0, lead, LATER).record, 1);
    // Act
    const d = cancelEscrow(r, LATER);
    // Assess
    expect(d.record).toMatchObject({ status: 'closed', cancelledAt: LATER });
    expect(d.record.milestones.map((m) => m.status)).toEqual(['accepted', 'voided']);
    expect(d.commands).toEqual(
      r.milestones[1]!.holds.map((h) => ({ kind: 'void', id: `void:${h.id}`, pendingId: h.id })),
    );
    expect(cancelEscrow(d.record, LATER).record).toBe(d.record);
    expect(codeOf(() => acceptMilestone(d.record, 1, lead, LATER))).toBe('MILESTONE.ALREADY_DECIDED');
    expect(settlement(d.record).map((c) => c.kind)).toEqual(['post', 'post', 'void', 'void']);
  });
});

describe('private-share receipts', () => {
  it('are recorded once by receipt id, by the awarded provider, never above the private share', () => {
    const r = record();
    const first = recordReceipt(
      r,
      provider,
      { receiptId: 'r-1', amount: money(10_000_00, 'INR'), note: 'Cheque from KNIDGRO' },
      AT,
    );
    expect(first.replayed).toBe(false);
    expect(
      recordReceipt(
        first.record,
        provider,
        { receiptId: 'r-1', amount: money(10_000_00, 'INR'), note: 'Cheque from KNIDGRO' },
        LATER,
      ),
    ).toEqual({ record: first.record, replayed: true });
    expect(
      codeOf(() => recordReceipt(first.record, provider, { receiptId: 'r-1', amount: money(9_000_00, 'INR') }, LATER)),
    ).toBe('ESCROW.RECEIPT_EXISTS@receiptId');
    expect(
      codeOf(() => recordReceipt(first.record, provider, { receiptId: 'r-2', amount: money(20_000_01, 'INR') }, LATER)),
    ).toBe('ESCROW.RECEIPTS_EXCEED_PRIVATE_SHARE@amount');
    expect(codeOf(() => recordReceipt(first.record, lead, { receiptId: 'r-2', amount: money(1, 'INR') }, LATER))).toBe(
      'ESCROW.NOT_PARTY',
    );
    expect(moneyView(first.record).privateShareReceipts).toEqual([
      { receiptId: 'r-1', at: AT, amount: money(10_000_00, 'INR'), note: 'Cheque from KNIDGRO' },
    ]);
  });
});
