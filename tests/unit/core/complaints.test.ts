import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bid } from '../../../packages/core/src/bid';
import { fixedClock } from '../../../packages/core/src/clock';
import {
  correctBids,
  decideComplaint,
  fileComplaint,
  reevaluate,
  type Complaint,
} from '../../../packages/core/src/complaint';
import { evaluate } from '../../../packages/core/src/evaluation';
import { closeAndEvaluate, qualityOf, type BidForEvaluation } from '../../../packages/core/src/marketplace-close';
import { award, standstillEnd, type ServiceRequest } from '../../../packages/core/src/request';
import { priceCurve } from './arbitraries';
import { DEADLINE_MS, PROVIDER_A, aBid, aRequest, countingIds, expectDomainError, idOf } from './fixtures';

const DAY = 86_400_000;
const REASON = 'The tier table of our bid was misread by the evaluation.';
const RANKED_AT = DEADLINE_MS + 3_600_000;
const ENDS = standstillEnd(RANKED_AT, 2 * DAY);
const ranked = (o: Partial<ServiceRequest> = {}) =>
  aRequest({ status: 'evaluating', standstillEndsAt: ENDS, version: 4, ...o });
const who = (o: Partial<Parameters<typeof fileComplaint>[1]> = {}) => ({
  providerId: PROVIDER_A,
  userId: idOf('user', 7),
  bidder: true,
  alreadyFiled: false,
  ...o,
});
const file = (request: ServiceRequest, at: number, o: Partial<Parameters<typeof fileComplaint>[1]> = {}) =>
  fileComplaint(request, who(o), { reason: REASON }, fixedClock(at), countingIds());

describe('filing a complaint', () => {
  it('is accepted exactly while the stand-still runs, and then blocks the award until decided', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DAY, max: 4 * DAY }), fc.integer({ min: 0, max: 6 * DAY }), (fileAt, awardAt) => {
        // Prepare
        const at = RANKED_AT + fileAt;
        let code: string | undefined;
        let after: ServiceRequest = ranked();
        // Act
        try {
          after = file(ranked(), at).request;
        } catch (e) {
          code = (e as { code: string }).code;
        }
        let awardCode: string | undefined;
        try {
          award(after, { basis: basisFor(after), awardedBy: 'usr_x' }, fixedClock(RANKED_AT + awardAt));
        } catch (e) {
          awardCode = (e as { code: string }).code;
        }
        // Assess
        const running = at < Date.parse(ENDS);
        expect(code).toBe(running ? undefined : 'COMPLAINT.AFTER_STANDSTILL');
        expect(after.openComplaints ?? 0).toBe(running ? 1 : 0);
        const expected =
          RANKED_AT + awardAt < Date.parse(ENDS)
            ? 'AWARD.STANDSTILL_RUNNING'
            : running
              ? 'AWARD.COMPLAINT_OPEN'
              : undefined;
        expect(awardCode).toBe(expected);
      }),
    );
  });

  it('opens one complaint and a new version of the request', () => {
    // Act
    const { complaint, request } = fileComplaint(
      ranked(),
      who(),
      { reason: `  ${REASON}  `, evidence: '  Bid form, page 2. ' },
      fixedClock(RANKED_AT),
      countingIds(),
    );
    // Assess
    expect(complaint).toMatchObject({
      status: 'open',
      providerId: PROVIDER_A,
      reason: REASON,
      evidence: 'Bid form, page 2.',
    });
    expect(complaint.id).toMatch(/^cmp_/);
    expect(request).toMatchObject({ openComplaints: 1, version: 5 });
  });

  it('refuses a non-bidder, a second complaint, a short reason, a request never ranked', () => {
    expectDomainError(() => file(ranked(), RANKED_AT, { bidder: false }), 'COMPLAINT.NOT_BIDDER', 'forbidden');
    expectDomainError(() => file(ranked(), RANKED_AT, { alreadyFiled: true }), 'COMPLAINT.ALREADY_FILED', 'conflict');
    expectDomainError(
      () => fileComplaint(ranked(), who(), { reason: ' too short ' }, fixedClock(RANKED_AT), countingIds()),
      'COMPLAINT.REASON_TOO_SHORT',
      'invalid',
      'reason',
    );
    const noStill = aRequest({ status: 'evaluating' });
    expectDomainError(() => file(noStill, RANKED_AT), 'COMPLAINT.NOT_IN_STANDSTILL', 'conflict');
    expectDomainError(() => file(ranked({ status: 'awarded' }), RANKED_AT), 'COMPLAINT.AFTER_STANDSTILL', 'conflict');
  });
});

describe('deciding a complaint', () => {
  const open = (): { complaint: Complaint; request: ServiceRequest } => file(ranked(), RANKED_AT);
  const clock = fixedClock(RANKED_AT + DAY);
  const DECISION = 'The tier table was read as the provider wrote it.';

  it('dismissed: one fewer open complaint, decided once', () => {
    // Prepare
    const { complaint, request } = open();
    // Act
    const out = decideComplaint(request, complaint, { outcome: 'dismissed', reason: DECISION }, 'usr_admin', clock);
    // Assess
    expect(out.complaint).toMatchObject({
      status: 'dismissed',
      decision: { reason: DECISION, decidedBy: 'usr_admin' },
    });
    expect(out.request).toMatchObject({ openComplaints: 0, version: request.version + 1, status: 'evaluating' });
    expectDomainError(
      () => decideComplaint(out.request, out.complaint, { outcome: 'dismissed', reason: DECISION }, 'usr_a', clock),
      'COMPLAINT.ALREADY_DECIDED',
      'conflict',
    );
  });

  it('upheld with a cancellation: the request is cancelled with the reason, one version later', () => {
    // Prepare
    const { complaint, request } = open();
    // Act
    const out = decideComplaint(
      request,
      complaint,
      { outcome: 'upheld', remedy: 'cancel', reason: DECISION },
      'usr_admin',
      clock,
    );
    // Assess
    expect(out.request).toMatchObject({ status: 'cancelled', version: request.version + 1, openComplaints: 0 });
    expect(out.request.cancellation?.reason).toBe(DECISION);
  });

  it('upheld with a re-evaluation is refused once the request is no longer evaluated', () => {
    const { complaint, request } = open();
    expectDomainError(
      () =>
        decideComplaint(
          { ...request, status: 'cancelled' },
          complaint,
          { outcome: 'upheld', remedy: 'reevaluate', reason: DECISION },
          'usr_admin',
          clock,
        ),
      'COMPLAINT.CANNOT_REEVALUATE',
      'conflict',
    );
  });
});

const basisFor = (r: ServiceRequest) => {
  const top = {
    bidId: idOf('bid', 1),
    providerId: PROVIDER_A,
    pricePerFirm: { amount: 400_000, currency: 'INR' as const },
    total: { amount: 800_000, currency: 'INR' as const },
    rank: 1,
  };
  return { requestId: r.id, volume: 2, ranking: [top], recommended: top };
};

describe('re-evaluation of an upheld complaint', () => {
  const bidsArb = fc
    .array(fc.record({ curve: priceCurve({ maxBound: 30, maxPrice: 5_000 }), accredited: fc.boolean() }), {
      minLength: 1,
      maxLength: 6,
    })
    .map((shapes) =>
      shapes.map(({ curve, accredited }, i): BidForEvaluation => ({
        ...aBid({ id: idOf('bid', i + 1), providerId: idOf('provider', i + 1), ...curve }),
        providerAccredited: accredited,
      })),
    );

  it('equals a fresh evaluation of the corrected bids; restored bids are ranked; none restored is the close', () => {
    fc.assert(
      fc.property(
        bidsArb,
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        (bids, pledged, picks) => {
          // Prepare: the close as published
          const request = aRequest({ status: 'open', minFirms: 1, maxFirms: 25 });
          const closed = closeAndEvaluate(request, bids, pledged, fixedClock(DEADLINE_MS), 2 * DAY);
          // Only a ranking has a stand-still to complain in.
          fc.pre(closed.result.outcome === 'ranked');
          const restorable = closed.result.invalid.filter((b) =>
            ['below_first_tier', 'over_capacity', 'over_remaining_capacity'].includes(b.reason),
          );
          const restore = restorable.filter((_, i) => picks[i]).map((b) => b.bidId);
          const clock = fixedClock(DEADLINE_MS + DAY);
          // Act
          const redo = reevaluate(closed.next, bids, pledged, closed.result.invalid, restore, clock, 2 * DAY);
          const none = reevaluate(closed.next, bids, pledged, closed.result.invalid, [], clock, 2 * DAY);
          // Assess
          const volume = Math.min(pledged, request.maxFirms);
          const quality = qualityOf(bids);
          const fresh = evaluate(closed.next, correctBids(bids, new Set(restore), volume), pledged, quality);
          expect(redo.result).toEqual(fresh);
          expect(none.result).toEqual(closed.result);
          if (redo.result.outcome === 'ranked') {
            const rankedIds = redo.result.ranking.map((b) => b.bidId);
            for (const id of restore) expect(rankedIds).toContain(id);
            expect(redo.next.standstillEndsAt).toBe(standstillEnd(clock.now(), 2 * DAY));
          }
        },
      ),
    );
  });

  it('a corrected bid serves the volume at its own first price; others are untouched', () => {
    // Prepare
    const bid: Bid = aBid({
      capacity: 8,
      priceTiers: [{ minFirms: 8, pricePerFirm: { amount: 300_000, currency: 'INR' } }],
    });
    const other = aBid({ id: idOf('bid', 2) });
    // Act
    const [fixed, same] = correctBids([bid, other], new Set([bid.id]), 12);
    // Assess
    expect(fixed).toMatchObject({ capacity: 12, priceTiers: [{ minFirms: 8 }] });
    expect(same).toBe(other);
    const [lowered] = correctBids([bid], new Set([bid.id]), 3);
    expect(lowered!.priceTiers[0]!.minFirms).toBe(3);
  });

  it('refuses to restore a bid that was not left out for volume or capacity', () => {
    const request = ranked();
    const withdrawn = [{ bidId: idOf('bid', 1), reason: 'withdrawn' }];
    expectDomainError(
      () => reevaluate(request, [], 2, withdrawn, [idOf('bid', 1)], fixedClock(RANKED_AT), DAY),
      'COMPLAINT.NOT_RESTORABLE',
      'invalid',
      'restoreBidIds',
    );
  });
});
