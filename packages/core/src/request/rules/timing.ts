import { DomainError, invalid } from '../../errors';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration the cluster policy may set, in milliseconds: its national bounds and the value when unset. */
export interface DurationBounds {
  min: number;
  max: number;
  default: number;
}

/**
 * The national bounds of procurement timing for one stage: the shortest bidding period a request
 * may be published with, and the stand-still between the ranking and the award. A cluster's
 * policy picks a value within them (in seconds); without one, the default applies.
 */
export interface ProcurementTiming {
  biddingPeriod: DurationBounds;
  standstill: DurationBounds;
}

/** Every AWS stage: a week to bid (a day at least), five days to contest a ranking (two to fifteen). */
export const NATIONAL_TIMING: ProcurementTiming = {
  biddingPeriod: { min: DAY, max: 60 * DAY, default: 7 * DAY },
  standstill: { min: 2 * DAY, max: 15 * DAY, default: 5 * DAY },
};

/** The local stage (`npm start`): the same defaults, but a cluster admin may set a minute, so demos need not wait. */
export const LOCAL_TIMING: ProcurementTiming = {
  biddingPeriod: { ...NATIONAL_TIMING.biddingPeriod, min: MINUTE },
  standstill: { ...NATIONAL_TIMING.standstill, min: MINUTE },
};

/**
 * The national bounds of a deployment stage: `local` is the one-process stack, every other stage is AWS.
 *
 * @example
 * timingForStage('prod').biddingPeriod.min // 86_400_000 (24 hours)
 */
export const timingForStage = (stage: string | undefined): ProcurementTiming =>
  stage === 'local' ? LOCAL_TIMING : NATIONAL_TIMING;

/** The timing a cluster's policy sets, in whole seconds (absent: the stage's default). */
export interface TimingPolicy {
  minBiddingPeriodSeconds?: number | undefined;
  standstillSeconds?: number | undefined;
}

/**
 * The shortest bidding period a cluster's request may be published with, in milliseconds.
 *
 * @example
 * minBiddingPeriodMs(undefined, NATIONAL_TIMING) // 604_800_000 (7 days)
 */
export const minBiddingPeriodMs = (policy: TimingPolicy | undefined, timing: ProcurementTiming): number =>
  policy?.minBiddingPeriodSeconds === undefined
    ? timing.biddingPeriod.default
    : policy.minBiddingPeriodSeconds * SECOND;

/**
 * The stand-still of a cluster's rankings, in milliseconds.
 *
 * @example
 * standstillMs({ standstillSeconds: 172_800 }, NATIONAL_TIMING) // 172_800_000 (2 days)
 */
export const standstillMs = (policy: TimingPolicy | undefined, timing: ProcurementTiming): number =>
  policy?.standstillSeconds === undefined ? timing.standstill.default : policy.standstillSeconds * SECOND;

/**
 * Checks a policy's timing against the stage's bounds (`CLUSTER.POLICY_OUT_OF_BOUNDS`, naming the field).
 *
 * @example
 * assertTimingWithinBounds({ minBiddingPeriodSeconds: 60 }, NATIONAL_TIMING) // throws on minBiddingPeriodSeconds
 */
export function assertTimingWithinBounds(policy: TimingPolicy, timing: ProcurementTiming): void {
  const fields = [
    ['minBiddingPeriodSeconds', policy.minBiddingPeriodSeconds, timing.biddingPeriod],
    ['standstillSeconds', policy.standstillSeconds, timing.standstill],
  ] as const;
  for (const [field, seconds, bounds] of fields) {
    if (seconds === undefined) continue;
    const ms = seconds * SECOND;
    if (ms < bounds.min || ms > bounds.max) {
      throw new DomainError(
        'CLUSTER.POLICY_OUT_OF_BOUNDS',
        'invalid',
        `${field} must be between ${bounds.min / SECOND} and ${bounds.max / SECOND} seconds (national bounds); ` +
          `got ${seconds}`,
        field,
      );
    }
  }
}

/**
 * Refuses a bidding deadline closer than the minimum period (`REQUEST.BIDDING_PERIOD_TOO_SHORT`, 422 on
 * `biddingDeadline`): providers need time to read, price and bid.
 *
 * @example
 * assertBiddingPeriod('2030-01-01T00:00:02Z', Date.parse('2030-01-01T00:00:00Z'), 7 * 86_400_000) // throws
 */
export function assertBiddingPeriod(deadline: string, now: number, minMs: number): void {
  if (Date.parse(deadline) - now < minMs) {
    const earliest = new Date(now + minMs).toISOString();
    throw invalid(
      'REQUEST.BIDDING_PERIOD_TOO_SHORT',
      `The bidding deadline must leave providers at least ${describeDuration(minMs)}: ${earliest} or later`,
      'biddingDeadline',
    );
  }
}

/**
 * A duration in the largest whole unit that fits (days, hours, minutes, seconds), for messages.
 *
 * @example
 * describeDuration(7 * 86_400_000) // '7 days'
 */
export function describeDuration(ms: number): string {
  const units = [
    [DAY, 'day'],
    [HOUR, 'hour'],
    [MINUTE, 'minute'],
    [SECOND, 'second'],
  ] as const;
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms === size ? '' : 's'}`;
  }
  return `${Math.ceil(ms / SECOND)} seconds`;
}
