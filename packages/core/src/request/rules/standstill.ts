import { conflict } from '../../errors';
import type { ServiceRequest } from '../schema';

/**
 * The end of the stand-still of a ranking made at `rankedAt` (ms): bidders may contest the
 * recommendation until then, and the association may not award before it.
 *
 * @example
 * standstillEnd(Date.parse('2030-01-01T00:00:00Z'), 2 * 86_400_000) // '2030-01-03T00:00:00.000Z'
 */
export const standstillEnd = (rankedAt: number, standstillMs: number): string =>
  new Date(rankedAt + standstillMs).toISOString();

/**
 * True while the request's stand-still runs at `now`. A request ranked before stand-stills
 * existed (no `standstillEndsAt`) has none.
 *
 * @example
 * standstillRunning({ standstillEndsAt: '2030-01-03T00:00:00.000Z' }, Date.parse('2030-01-02T00:00:00Z')) // true
 */
export const standstillRunning = (request: Pick<ServiceRequest, 'standstillEndsAt'>, now: number): boolean =>
  request.standstillEndsAt !== undefined && now < Date.parse(request.standstillEndsAt);

/**
 * Refuses an award while the stand-still runs (`AWARD.STANDSTILL_RUNNING`) or a complaint is open
 * (`AWARD.COMPLAINT_OPEN`), both conflicts: the award waits, it is not wrong. Decided by the clock
 * and the stored end alone, so no timer, early or repeated, can open the award before its time.
 *
 * @example
 * assertMayAward(ranked, clock.now()) // throws AWARD.STANDSTILL_RUNNING until ranked.standstillEndsAt
 */
export function assertMayAward(
  request: Pick<ServiceRequest, 'standstillEndsAt' | 'openComplaints'>,
  now: number,
): void {
  if (standstillRunning(request, now)) {
    throw conflict(
      'AWARD.STANDSTILL_RUNNING',
      `The stand-still runs until ${request.standstillEndsAt}: bidders may contest the ranking until then`,
    );
  }
  if ((request.openComplaints ?? 0) > 0) {
    throw conflict('AWARD.COMPLAINT_OPEN', 'A complaint is open: the award waits for the cluster admin to decide it');
  }
}

/** What the stand-still's timer does when it fires. */
export type StandstillTrigger = 'rearm' | 'ended' | 'ignore';

/**
 * What a stand-still timer armed for `endsAt` does at `now`: `rearm` when early, `ended` when due
 * for the stand-still the request still has, `ignore` when stale (the request was awarded,
 * cancelled, or re-ranked with a new stand-still). The timer only tells; the award checks the clock.
 *
 * @example
 * standstillTrigger({ status: 'evaluating', standstillEndsAt: end }, end, Date.parse(end) - 1) // 'rearm'
 */
export function standstillTrigger(
  request: Pick<ServiceRequest, 'status' | 'standstillEndsAt'> | undefined,
  endsAt: string,
  now: number,
): StandstillTrigger {
  if (request?.status !== 'evaluating' || request.standstillEndsAt !== endsAt) return 'ignore';
  return now < Date.parse(endsAt) ? 'rearm' : 'ended';
}
