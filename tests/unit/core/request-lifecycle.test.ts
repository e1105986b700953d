import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../packages/core/src/clock';
import { DomainError } from '../../../packages/core/src/errors';
import {
  REQUEST_TRANSITIONS,
  REQUEST_TRANSITION_NAMES,
  RequestStatus,
  TERMINAL_STATUSES,
  addCoSponsor,
  award,
  cancel,
  close,
  complete,
  markUnsuccessful,
  moveDeadline,
  nextStatus,
  publish,
  startDelivery,
  type Award,
  type AwardBasis,
  type RequestTransition,
  type ServiceRequest,
} from '../../../packages/core/src/request';
import { LEAD, PROVIDER_A, aRequest, atDeadline, beforeDeadline, idOf, inr } from './fixtures';

const USER = idOf('user', 7);
const STATUSES = RequestStatus.options;

const basisFor = (r: ServiceRequest): AwardBasis => {
  const top = {
    bidId: idOf('bid', 1),
    providerId: PROVIDER_A,
    pricePerFirm: inr(400_000),
    total: inr(8_000_000),
    rank: 1,
  };
  return { requestId: r.id, volume: 20, ranking: [top], recommended: top };
};
const anAward: Award = {
  bidId: idOf('bid', 1),
  providerId: PROVIDER_A,
  volume: 20,
  pricePerFirm: inr(400_000),
  total: inr(8_000_000),
  recommendedBidId: idOf('bid', 1),
  awardedBy: USER,
  awardedAt: '2025-03-16T00:00:00.000Z',
};

let associations = 100;
/** Each transition with inputs that pass its own guards. */
const RUN: Record<RequestTransition, (r: ServiceRequest, clock: Clock) => ServiceRequest> = {
  publish: (r, c) => publish(r, c),
  close: (r, c) => close(r, c),
  award: (r, c) => award(r, { basis: basisFor(r), awardedBy: USER }, c),
  startDelivery: (r, c) => startDelivery(r, c),
  complete: (r, c) => complete(r, c),
  cancel: (r, c) => cancel(r, { reason: 'The trade fair was postponed to next year', cancelledBy: USER }, c),
  markUnsuccessful: (r, c) => markUnsuccessful(r, { reason: 'Only 6 firms pledged; 10 were needed' }, c),
  addCoSponsor: (r, c) => addCoSponsor(r, { id: idOf('association', ++associations), clusterId: r.clusterId }, c),
  moveDeadline: (r, c) => moveDeadline(r, { deadline: r.biddingDeadline, bidCount: 0, minBiddingPeriodMs: 0 }, c),
};
/** Publishing and joining happen before the deadline; closing and what follows, after it. */
const clockFor = (t: RequestTransition): Clock =>
  t === 'publish' || t === 'addCoSponsor' || t === 'moveDeadline' ? beforeDeadline : atDeadline;
const inState = (status: RequestStatus): ServiceRequest =>
  aRequest({
    status,
    coSponsorIds: [],
    ...(['awarded', 'in_delivery', 'completed'].includes(status) ? { award: anAward } : {}),
  });

const pairs = STATUSES.flatMap((s) => REQUEST_TRANSITION_NAMES.map((t) => [s, t] as const));

describe('request lifecycle', () => {
  it.each(pairs.filter(([s, t]) => nextStatus(s, t) === undefined))('%s → %s is illegal', (status, transition) => {
    // Prepare
    const request = inState(status);
    // Act
    let caught: unknown;
    try {
      RUN[transition](request, clockFor(transition));
    } catch (e) {
      caught = e;
    }
    // Assess
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'REQUEST.ILLEGAL_TRANSITION', kind: 'conflict' });
  });

  it.each(pairs.filter(([s, t]) => nextStatus(s, t) !== undefined))(
    '%s → %s follows the table and bumps the version',
    (status, transition) => {
      const request = inState(status);
      const next = RUN[transition](request, clockFor(transition));
      expect(next.status).toBe(nextStatus(status, transition));
      expect(next.version).toBe(request.version + 1);
      expect(next.updatedAt).toBe(new Date(clockFor(transition).now()).toISOString());
      expect(request.status).toBe(status); // the input is not mutated
    },
  );

  it('leaves no terminal state and reaches every state from draft', () => {
    for (const t of REQUEST_TRANSITION_NAMES)
      for (const s of TERMINAL_STATUSES) expect(nextStatus(s, t)).toBeUndefined();
    const reachable = new Set<RequestStatus>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const row of Object.values(REQUEST_TRANSITIONS)) {
        for (const [from, to] of Object.entries(row)) {
          if (reachable.has(from as RequestStatus) && !reachable.has(to)) {
            reachable.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...reachable].sort()).toEqual([...STATUSES].sort());
  });

  it('random sequences of transitions never leave the table', () => {
    const step = fc.tuple(fc.constantFrom(...REQUEST_TRANSITION_NAMES), fc.boolean());
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let request = aRequest({ status: 'draft', version: 1, coSponsorIds: [] });
        let applied = 0;
        for (const [transition, late] of steps) {
          const allowed = nextStatus(request.status, transition);
          try {
            const next = RUN[transition](request, late ? atDeadline : beforeDeadline);
            expect(next.status).toBe(allowed);
            request = next;
            applied += 1;
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).code === 'REQUEST.ILLEGAL_TRANSITION').toBe(allowed === undefined);
          }
          expect(STATUSES).toContain(request.status);
          expect(request.version).toBe(1 + applied);
        }
      }),
    );
  });
});

describe('transition guards', () => {
  it('publishes only before the deadline', () => {
    expect(() => publish(aRequest({ status: 'draft' }), atDeadline)).toThrow(
      expect.objectContaining({ code: 'REQUEST.DEADLINE_PASSED', field: 'biddingDeadline' }),
    );
  });

  it('closes only once the deadline is reached', () => {
    expect(() => close(aRequest(), beforeDeadline)).toThrow(
      expect.objectContaining({ code: 'REQUEST.DEADLINE_NOT_REACHED', kind: 'conflict' }),
    );
  });

  it('cancels only with a written reason, which it keeps', () => {
    expect(() => cancel(aRequest(), { reason: ' too short ', cancelledBy: USER }, beforeDeadline)).toThrow(
      expect.objectContaining({ code: 'REQUEST.REASON_REQUIRED', field: 'reason' }),
    );
    const cancelled = cancel(
      aRequest(),
      { reason: 'The trade fair was postponed to next year', cancelledBy: USER },
      beforeDeadline,
    );
    expect(cancelled.cancellation).toEqual({
      reason: 'The trade fair was postponed to next year',
      cancelledBy: USER,
      cancelledAt: new Date(beforeDeadline.now()).toISOString(),
    });
  });

  it('keeps the reason a request was unsuccessful', () => {
    expect(
      markUnsuccessful(aRequest({ status: 'evaluating' }), { reason: 'No valid bid' }, atDeadline).unsuccessfulReason,
    ).toBe('No valid bid');
    expect(() => markUnsuccessful(aRequest({ status: 'evaluating' }), { reason: '  ' }, atDeadline)).toThrow(
      expect.objectContaining({ code: 'REQUEST.REASON_REQUIRED' }),
    );
  });

  it('adds a co-sponsor of the same cluster once, before the deadline', () => {
    const open = aRequest({ coSponsorIds: [] });
    const other = { id: idOf('association', 9), clusterId: open.clusterId };
    const joined = addCoSponsor(open, other, beforeDeadline);
    expect(joined.coSponsorIds).toEqual([other.id]);
    expect(() => addCoSponsor(joined, other, beforeDeadline)).toThrow(
      expect.objectContaining({ code: 'REQUEST.DUPLICATE_CO_SPONSOR', field: 'associationId' }),
    );
    expect(() => addCoSponsor(open, { id: LEAD, clusterId: open.clusterId }, beforeDeadline)).toThrow(
      expect.objectContaining({ code: 'REQUEST.DUPLICATE_CO_SPONSOR' }),
    );
    expect(() => addCoSponsor(open, { ...other, clusterId: idOf('cluster', 9) }, beforeDeadline)).toThrow(
      expect.objectContaining({ code: 'REQUEST.CROSS_CLUSTER', kind: 'forbidden' }),
    );
    expect(() => addCoSponsor(open, other, atDeadline)).toThrow(
      expect.objectContaining({ code: 'REQUEST.DEADLINE_PASSED' }),
    );
  });
});
