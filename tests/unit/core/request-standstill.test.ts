import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import { bidderView, type RankedBid } from '../../../packages/core/src/evaluation';
import {
  award,
  standstillEnd,
  standstillTrigger,
  type AwardBasis,
  type ServiceRequest,
} from '../../../packages/core/src/request';
import { DEADLINE_MS, PROVIDER_A, aRequest, idOf, inr } from './fixtures';

const DAY = 86_400_000;
const top = { bidId: idOf('bid', 1), providerId: PROVIDER_A, pricePerFirm: inr(400_000), total: inr(800_000), rank: 1 };
const basisFor = (r: ServiceRequest): AwardBasis => ({ requestId: r.id, volume: 2, ranking: [top], recommended: top });

/** Plays a stand-still timer: triggers at the given instants, re-arming when early, as the worker does. */
function playTimer(request: ServiceRequest, endsAt: string, triggers: number[]) {
  const decisions = triggers.map((at) => ({ at, decision: standstillTrigger(request, endsAt, at) }));
  return decisions;
}

describe('stand-still timer and award', () => {
  it('no trigger, early, late or repeated, lets an award through before the end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 * DAY }),
        fc.array(fc.integer({ min: -2 * DAY, max: 20 * DAY }), { maxLength: 8 }),
        fc.integer({ min: -DAY, max: 20 * DAY }),
        (length, triggerOffsets, awardOffset) => {
          // Prepare
          const rankedAt = DEADLINE_MS + 3_600_000;
          const endsAt = standstillEnd(rankedAt, length);
          const request = aRequest({ status: 'evaluating', standstillEndsAt: endsAt });
          // Act: the timer fires whenever; only its decisions are observable, the request is unchanged
          const decisions = playTimer(
            request,
            endsAt,
            triggerOffsets.map((o) => rankedAt + o),
          );
          const awardAt = rankedAt + awardOffset;
          let code: string | undefined;
          try {
            award(request, { basis: basisFor(request), awardedBy: 'usr_x' }, fixedClock(awardAt));
          } catch (e) {
            code = (e as { code: string }).code;
          }
          // Assess
          for (const { at, decision } of decisions) expect(decision).toBe(at < Date.parse(endsAt) ? 'rearm' : 'ended');
          expect(code).toBe(awardAt < Date.parse(endsAt) ? 'AWARD.STANDSTILL_RUNNING' : undefined);
        },
      ),
    );
  });

  it('a trigger for another stand-still, or for an awarded or cancelled request, does nothing', () => {
    // Prepare
    const endsAt = standstillEnd(DEADLINE_MS, 2 * DAY);
    const later = standstillEnd(DEADLINE_MS, 3 * DAY);
    // Assess
    expect(
      standstillTrigger(aRequest({ status: 'evaluating', standstillEndsAt: later }), endsAt, DEADLINE_MS * 2),
    ).toBe('ignore');
    for (const status of ['awarded', 'cancelled'] as const)
      expect(standstillTrigger(aRequest({ status, standstillEndsAt: endsAt }), endsAt, DEADLINE_MS * 2)).toBe('ignore');
    expect(standstillTrigger(undefined, endsAt, DEADLINE_MS * 2)).toBe('ignore');
  });

  it('refuses the award while a complaint is open, even after the stand-still', () => {
    // Prepare
    const request = aRequest({
      status: 'evaluating',
      standstillEndsAt: standstillEnd(DEADLINE_MS, 0),
      openComplaints: 1,
    });
    // Act and assess
    expect(() =>
      award(request, { basis: basisFor(request), awardedBy: 'usr_x' }, fixedClock(DEADLINE_MS + DAY)),
    ).toThrow(expect.objectContaining({ code: 'AWARD.COMPLAINT_OPEN', kind: 'conflict' }));
  });

  it("a bidder's view never names another bidder nor shows another bid's price curve", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), (n, pick) => {
        // Prepare
        const ranking: RankedBid[] = Array.from({ length: n }, (_, i) => ({
          bidId: idOf('bid', 100 + i),
          providerId: idOf('provider', 100 + i),
          pricePerFirm: inr(100_000 * (i + 1)),
          total: inr(200_000 * (i + 1)),
          priceScore: 9000 - i,
          qualityScore: 5000,
          score: 8000 - i,
          rank: i + 1,
        }));
        const mine = ranking[pick % n]!;
        // Act
        const view = bidderView(
          { outcome: 'ranked', volume: 2, ranking, recommended: ranking[0], invalid: [] },
          { price: 60, quality: 40 },
          mine.providerId,
        );
        // Assess
        const text = JSON.stringify(view);
        expect(view?.mine).toMatchObject({ status: 'ranked', rank: mine.rank, bidId: mine.bidId });
        expect(view?.bids).toBe(n);
        for (const other of ranking.filter((b) => b !== mine)) {
          expect(text).not.toContain(other.providerId);
          expect(text).not.toContain(other.bidId);
        }
      }),
    );
  });
});
