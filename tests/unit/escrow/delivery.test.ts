import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import {
  DECIDED,
  acceptMilestone,
  autoAcceptMilestone,
  cancelEscrow,
  deliveryProgress,
  disputeMilestone,
  reportMilestone,
  resolveMilestone,
  type EscrowRecord,
} from '../../../packages/core/src/escrow';
import { DomainError } from '../../../packages/core/src/errors';
import {
  RequestStatus,
  TERMINAL_STATUSES,
  nextStatus,
  type Award,
  type Milestone,
  type ServiceRequest,
} from '../../../packages/core/src/request';
import { PROVIDER_A, aRequest, idOf, inr } from '../core/fixtures';
import { AT, LATER, PLEDGED, admin, lead, provider, record, reported } from './fixtures';

const clock = fixedClock(Date.parse(LATER));
const anAward: Award = {
  bidId: idOf('bid', 1),
  providerId: PROVIDER_A,
  volume: 20,
  pricePerFirm: inr(400_000),
  total: inr(8_000_000),
  recommendedBidId: idOf('bid', 1),
  awardedBy: idOf('user', 7),
  awardedAt: AT,
};
const requestIn = (status: RequestStatus): ServiceRequest => aRequest({ status, coSponsorIds: [], award: anAward });
const accepted = (r: EscrowRecord, index: number): EscrowRecord =>
  acceptMilestone(reported(r, index), index, lead, AT).record;
const REASON = 'Only four of the ten training days were held.';

describe('deliveryProgress: where the milestones put the request', () => {
  it('leaves an awarded request alone while nothing is reported', () => {
    expect(deliveryProgress(requestIn('awarded'), record(), clock)).toBeUndefined();
  });

  it('moves an awarded request to in_delivery on the first report, as one versioned transition', () => {
    // Prepare
    const request = requestIn('awarded');
    // Act
    const next = deliveryProgress(request, reported(record(), 1), clock);
    // Assess
    expect(next).toMatchObject({ status: 'in_delivery', version: request.version + 1, updatedAt: LATER });
  });

  it('counts a disputed milestone as delivery started', () => {
    const disputed = disputeMilestone(reported(record()), 0, lead, REASON, AT);
    expect(deliveryProgress(requestIn('awarded'), disputed, clock)?.status).toBe('in_delivery');
  });

  it(
    'keeps an in_delivery request there while a milestone ' + 'is undecided (reported, disputed or not yet delivered)',
    () => {
      const oneAccepted = accepted(record(), 0);
      expect(deliveryProgress(requestIn('in_delivery'), oneAccepted, clock)).toBeUndefined();
      expect(deliveryProgress(requestIn('in_delivery'), reported(oneAccepted, 1), clock)).toBeUndefined();
      expect(
        deliveryProgress(
          requestIn('in_delivery'),
          disputeMilestone(reported(oneAccepted, 1), 1, lead, REASON, AT),
          clock,
        ),
      ).toBeUndefined();
    },
  );

  it('completes an in_delivery request once every milestone is decided: accepted, auto-accepted or resolved', () => {
    // Prepare
    const first = accepted(record(), 0);
    const auto = autoAcceptMilestone(reported(first, 1), 1, LATER)!.record;
    const voided = resolveMilestone(
      disputeMilestone(reported(first, 1), 1, lead, REASON, AT),
      1,
      admin,
      { outcome: 'void', reason: 'Nothing was delivered' },
      AT,
    ).record;
    // Act, Assess
    for (const r of [accepted(first, 1), auto, voided]) {
      expect(deliveryProgress(requestIn('in_delivery'), r, clock)).toMatchObject({
        status: 'completed',
        version: requestIn('in_delivery').version + 1,
      });
    }
  });

  it('takes an awarded request through both steps when every milestone is decided', () => {
    // Prepare
    const request = requestIn('awarded');
    // Act
    const next = deliveryProgress(request, accepted(accepted(record(), 0), 1), clock);
    // Assess
    expect(next).toMatchObject({ status: 'completed', version: request.version + 2 });
  });

  it('does nothing once the escrow is cancelled, even with every milestone decided', () => {
    const allDecided = accepted(accepted(record(), 0), 1);
    expect(deliveryProgress(requestIn('awarded'), cancelEscrow(reported(record()), AT).record, clock)).toBeUndefined();
    expect(deliveryProgress(requestIn('in_delivery'), cancelEscrow(allDecided, AT).record, clock)).toBeUndefined();
  });

  it.each(['completed', 'cancelled', 'unsuccessful', 'draft', 'open', 'evaluating'] as const)(
    'does not move a %s request',
    (status) => {
      const allDecided = accepted(accepted(record(), 0), 1);
      expect(deliveryProgress(requestIn(status), allDecided, clock)).toBeUndefined();
      expect(deliveryProgress(requestIn(status), reported(record()), clock)).toBeUndefined();
    },
  );
});

type Action =
  | { kind: 'report' | 'accept' | 'dispute'; i: number }
  | { kind: 'resolve'; i: number; outcome: 'release' | 'void' }
  | { kind: 'auto'; i: number; days: number }
  | { kind: 'cancel' };

const index = fc.nat(3);
// Few milestones and long sequences, so records with every milestone decided are common; the
// cancellation is placed separately (about one sequence in four), as it ends everything after it.
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('report' as const, 'accept' as const), i: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dispute' as const), i: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      i: index,
      outcome: fc.constantFrom('release' as const, 'void' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('auto' as const), i: index, days: fc.integer({ min: 0, max: 30 }) }),
  },
);

/** One to four milestones whose shares add up to the whole price. */
const milestonesArb: fc.Arbitrary<Milestone[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 3 })
  .map((cuts) =>
    [0, ...cuts.sort((a, b) => a - b), 10_000]
      .slice(1)
      .map((p, i, ends) => ({ name: `Milestone ${i + 1}`, shareBasisPoints: p - (i === 0 ? 0 : ends[i - 1]!) })),
  );

const at = (days: number) => new Date(Date.parse(AT) + days * 86_400_000).toISOString();

/** One action; a refused one (a DomainError) leaves the record as it was. */
function step(r: EscrowRecord, a: Action): EscrowRecord {
  try {
    switch (a.kind) {
      case 'report':
        return reportMilestone(
          r,
          a.i,
          provider,
          { evidence: 'Delivered as agreed, register attached' },
          { pledgedFirmIds: PLEDGED, at: AT, autoAcceptDays: 14 },
        );
      case 'accept':
        return acceptMilestone(r, a.i, lead, AT).record;
      case 'dispute':
        return disputeMilestone(r, a.i, lead, REASON, AT);
      case 'resolve':
        return resolveMilestone(r, a.i, admin, { outcome: a.outcome, reason: 'Decided on the evidence' }, AT).record;
      case 'auto':
        return autoAcceptMilestone(r, a.i, at(a.days))?.record ?? r;
      case 'cancel':
        return cancelEscrow(r, AT).record;
    }
  } catch (error) {
    if (error instanceof DomainError) return r;
    throw error;
  }
}

const recordArb: fc.Arbitrary<EscrowRecord> = fc
  .record({
    milestones: milestonesArb,
    actions: fc.array(actionArb, { maxLength: 40, size: 'max' }),
    cancelAt: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(40) }),
  })
  .map(({ milestones, actions, cancelAt }) => {
    const sequence: Action[] =
      cancelAt === undefined
        ? actions
        : [...actions.slice(0, cancelAt), { kind: 'cancel' }, ...actions.slice(cancelAt)];
    return sequence.reduce(step, record({ milestones }));
  });

// Mostly the two states delivery moves on from; every other state now and then.
const statusArb: fc.Arbitrary<RequestStatus> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<RequestStatus>('awarded', 'in_delivery') },
  { weight: 1, arbitrary: fc.constantFrom(...RequestStatus.options) },
);

/** The states one legal step, or `startDelivery` then `complete`, leads to from `status`. */
function reachable(status: RequestStatus): RequestStatus[] {
  const started = nextStatus(status, 'startDelivery');
  return [started, nextStatus(status, 'complete'), started && nextStatus(started, 'complete')].filter(
    (s): s is RequestStatus => s !== undefined,
  );
}

describe('deliveryProgress, any record reached by milestone actions', () => {
  it(
    'only makes legal transitions, completes only when every milestone is ' +
      'decided, never moves a cancelled escrow or an ended request, and settles',
    () => {
      fc.assert(
        fc.property(statusArb, recordArb, (status, r) => {
          // Prepare
          const request = requestIn(status);
          // Act
          const next = deliveryProgress(request, r, clock);
          // Assess
          const allDecided = r.milestones.every((m) => DECIDED.includes(m.status));
          const started = r.milestones.some((m) => m.status !== 'awaiting_delivery');
          if (r.cancelledAt || TERMINAL_STATUSES.includes(status)) expect(next).toBeUndefined();
          if (next === undefined) {
            // Nothing to do only when neither step applies.
            expect(
              !r.cancelledAt && ((status === 'awarded' && started) || (status === 'in_delivery' && allDecided)),
            ).toBe(false);
            return;
          }
          expect(reachable(status)).toContain(next.status);
          expect(next.version - request.version).toBe(next.status === 'completed' && status === 'awarded' ? 2 : 1);
          if (next.status === 'completed') expect(allDecided).toBe(true);
          // Derived from the record alone: asking again with the result changes nothing.
          expect(deliveryProgress(next, r, clock)).toBeUndefined();
        }),
        { numRuns: 300 },
      );
    },
    60_000,
  );

  it('draws records of every kind the property is about, each often enough to matter', () => {
    // Prepare
    const seen: Record<string, number> = { cancelled: 0, 'all decided': 0, started: 0, untouched: 0 };
    // Act
    fc.assert(
      fc.property(recordArb, (r) => {
        const kind = r.cancelledAt
          ? 'cancelled'
          : r.milestones.every((m) => DECIDED.includes(m.status))
            ? 'all decided'
            : r.milestones.some((m) => m.status !== 'awaiting_delivery')
              ? 'started'
              : 'untouched';
        seen[kind] = (seen[kind] ?? 0) + 1;
      }),
      { numRuns: 300, seed: 42 },
    );
    // Assess: at least 5 % of the draws each
    for (const count of Object.values(seen)) expect(count).toBeGreaterThanOrEqual(15);
  });
});
