import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import {
  LOCAL_TIMING,
  NATIONAL_TIMING,
  assertBiddingPeriod,
  assertTimingWithinBounds,
  minBiddingPeriodMs,
  moveDeadline,
  publish,
  standstillMs,
  timingForStage,
} from '../../../packages/core/src/request';
import { DEADLINE_MS, aRequest, created, expectDomainError } from './fixtures';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('bidding period and stand-still bounds', () => {
  it('AWS stages: 7 days to bid (1 to 60), 5 days of stand-still (2 to 15); local lets a cluster set a minute', () => {
    // Assess
    expect(timingForStage('prod')).toBe(NATIONAL_TIMING);
    expect(timingForStage('local')).toBe(LOCAL_TIMING);
    expect(minBiddingPeriodMs(undefined, NATIONAL_TIMING)).toBe(7 * DAY);
    expect(standstillMs(undefined, NATIONAL_TIMING)).toBe(5 * DAY);
    expect(minBiddingPeriodMs(undefined, LOCAL_TIMING)).toBe(7 * DAY);
    expect(() => assertTimingWithinBounds({ minBiddingPeriodSeconds: 60 }, LOCAL_TIMING)).not.toThrow();
    expectDomainError(
      () => assertTimingWithinBounds({ minBiddingPeriodSeconds: 60 }, NATIONAL_TIMING),
      'CLUSTER.POLICY_OUT_OF_BOUNDS',
      undefined,
      'minBiddingPeriodSeconds',
    );
    expectDomainError(
      () => assertTimingWithinBounds({ standstillSeconds: 16 * 86_400 }, NATIONAL_TIMING),
      'CLUSTER.POLICY_OUT_OF_BOUNDS',
      undefined,
      'standstillSeconds',
    );
  });

  it('a policy is accepted exactly when each duration lies within the bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 86_400 }), fc.integer({ min: 0, max: 30 * 86_400 }), (bid, still) => {
        // Act
        let refused = false;
        try {
          assertTimingWithinBounds({ minBiddingPeriodSeconds: bid, standstillSeconds: still }, NATIONAL_TIMING);
        } catch {
          refused = true;
        }
        // Assess
        const within = (s: number, b: { min: number; max: number }) => s * 1000 >= b.min && s * 1000 <= b.max;
        expect(refused).toBe(
          !(within(bid, NATIONAL_TIMING.biddingPeriod) && within(still, NATIONAL_TIMING.standstill)),
        );
      }),
    );
  });

  it('a deadline is refused exactly when it leaves less than the minimum period, naming biddingDeadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: -DAY, max: 10 * DAY }), fc.integer({ min: 0, max: 8 * DAY }), (ahead, min) => {
        // Prepare
        const now = DEADLINE_MS - 30 * DAY;
        // Act
        let code: string | undefined;
        try {
          assertBiddingPeriod(iso(now + ahead), now, min);
        } catch (e) {
          code = (e as { code: string }).code;
        }
        // Assess
        expect(code).toBe(ahead < min ? 'REQUEST.BIDDING_PERIOD_TOO_SHORT' : undefined);
      }),
    );
  });

  it('publishing a draft whose deadline is 2 seconds away is refused with the 7-day default, nothing changed', () => {
    // Prepare
    const draft = aRequest({ status: 'draft' });
    const clock = fixedClock(DEADLINE_MS - 2_000);
    // Act and assess
    expectDomainError(
      () => publish(draft, clock, minBiddingPeriodMs(undefined, NATIONAL_TIMING)),
      'REQUEST.BIDDING_PERIOD_TOO_SHORT',
      undefined,
      'biddingDeadline',
    );
    expect(publish(draft, fixedClock(DEADLINE_MS - 8 * DAY), 7 * DAY).status).toBe('open');
  });

  it('moves a deadline later with bids, never earlier with bids; earlier without bids within the minimum', () => {
    // Prepare
    const open = aRequest({ status: 'open' });
    const later = iso(DEADLINE_MS + DAY);
    const earlier = iso(DEADLINE_MS - DAY);
    // Act
    const moved = moveDeadline(open, { deadline: later, bidCount: 2, minBiddingPeriodMs: DAY }, created);
    // Assess
    expect(moved).toMatchObject({ biddingDeadline: later, status: 'open', version: open.version + 1 });
    expectDomainError(
      () => moveDeadline(open, { deadline: earlier, bidCount: 1, minBiddingPeriodMs: 0 }, created),
      'REQUEST.DEADLINE_EARLIER_WITH_BIDS',
      'conflict',
    );
    expect(
      moveDeadline(open, { deadline: earlier, bidCount: 0, minBiddingPeriodMs: DAY }, created).biddingDeadline,
    ).toBe(earlier);
    expectDomainError(
      () =>
        moveDeadline(open, { deadline: iso(DEADLINE_MS - DAY), bidCount: 0, minBiddingPeriodMs: 30 * DAY }, created),
      'REQUEST.BIDDING_PERIOD_TOO_SHORT',
      undefined,
      'biddingDeadline',
    );
    expectDomainError(
      () => moveDeadline(open, { deadline: '2025-04-02T00:00:00Z', bidCount: 0, minBiddingPeriodMs: 0 }, created),
      'REQUEST.DEADLINE_AFTER_WINDOW',
    );
  });
});
