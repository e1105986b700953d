import { invalid } from '../errors';
import { money, type Money } from '../money';
import { BASIS_POINTS_WHOLE } from '../request/schema';
import type { ShareSchedule, SubsidyProgramme } from './schema';

/**
 * The share, in basis points, for an award with `repeatCount` earlier awards of the same
 * category to the same association; 0 once the schedule is exhausted.
 *
 * @example
 * shareAt([5000, 3800, 2600, 700], 0) // 5000: the first award gets half
 * shareAt([5000, 3800, 2600, 700], 4) // 0: the fifth is bought at market price
 */
export function shareAt(schedule: ShareSchedule, repeatCount: number): number {
  if (!Number.isSafeInteger(repeatCount) || repeatCount < 0) {
    throw invalid(
      'SUBSIDY.BAD_REPEAT_COUNT',
      `A repeat count is a whole number ≥ 0, not ${repeatCount}`,
      'repeatCount',
    );
  }
  return schedule[repeatCount] ?? 0;
}

/**
 * The schedule a programme applies to an award: the innovative one when the category is
 * innovative and the programme has one, the ordinary one otherwise.
 *
 * @example
 * scheduleFor({ ...programme, innovativeSchedule: [7500] }, true) // [7500]
 */
export function scheduleFor(
  programme: Pick<SubsidyProgramme, 'schedule' | 'innovativeSchedule'>,
  innovative: boolean,
): ShareSchedule {
  return innovative && programme.innovativeSchedule ? programme.innovativeSchedule : programme.schedule;
}

/**
 * `basisPoints` of an amount, rounded down to the minor unit (a subsidy never rounds up).
 * BigInt keeps amount × basis points exact beyond 2^53.
 *
 * @example
 * applyBasisPoints(money(100_001, 'INR'), 3800) // 38_000 paise
 */
export function applyBasisPoints(amount: Money, basisPoints: number): Money {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0 || basisPoints > BASIS_POINTS_WHOLE) {
    throw invalid(
      'SUBSIDY.BAD_SHARE',
      `A share is 0..${BASIS_POINTS_WHOLE} basis points, not ${basisPoints}`,
      'basisPoints',
    );
  }
  const exact = (BigInt(amount.amount) * BigInt(basisPoints)) / BigInt(BASIS_POINTS_WHOLE);
  return money(Number(exact), amount.currency);
}
