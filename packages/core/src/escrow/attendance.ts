import { DomainError, conflict, invalid } from '../errors';
import { money, type Money } from '../money';
import { escrowErrors } from './errors';
import { DECIDED, type AcceptanceBasis, type EscrowMilestone, type EscrowRecord } from './schema';

/** The short code an association rep enters for a firm without mail (from an alphabet without 0/O, 1/I). */
export const ATTENDANCE_CODE_LENGTH = 6;
export const ATTENDANCE_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Every error of the firms' confirmations, by stable code. */
export const attendanceErrors = {
  /** Unknown, forged, used or expired alike: the answer tells nothing about which. */
  linkInvalid: () =>
    new DomainError(
      'ATTENDANCE.LINK_INVALID',
      'invalid',
      'This confirmation link is not valid, has been used or has expired. Ask your association.',
      'token',
    ),
  codeInvalid: () =>
    invalid('ATTENDANCE.CODE_INVALID', 'No firm of this milestone waits for an answer with this code.', 'code'),
  firmNotListed: (firmId: string) =>
    invalid('ATTENDANCE.FIRM_NOT_LISTED', `The provider did not list firm ${firmId} as attending.`, 'firmId'),
  alreadyAnswered: (firmId: string) =>
    conflict('ATTENDANCE.ALREADY_ANSWERED', `Firm ${firmId} has already answered for this milestone.`),
};

/** Who of the listed firms said what: confirmed (themselves or on their behalf), denied, or silent. */
export interface AttendanceCount {
  listed: number;
  confirmed: number;
  denied: number;
  silent: number;
}

/**
 * The listed firms' answers counted. A milestone reported before firms confirmed (no
 * `attendance`) counts every listed firm as confirmed: it was accepted on the provider's word.
 *
 * @example
 * attendanceCount(milestone) // { listed: 9, confirmed: 7, denied: 1, silent: 1 }
 */
export function attendanceCount(m: EscrowMilestone): AttendanceCount {
  const listed = [...new Set(m.report?.attendedFirmIds ?? [])];
  if (!m.attendance) return { listed: listed.length, confirmed: listed.length, denied: 0, silent: 0 };
  const answers = new Map(m.attendance.map((a) => [a.firmId, a.attended]));
  const confirmed = listed.filter((f) => answers.get(f) === true).length;
  const denied = listed.filter((f) => answers.get(f) === false).length;
  return { listed: listed.length, confirmed, denied, silent: listed.length - confirmed - denied };
}

/**
 * The firms the indicators count for a milestone: those that confirmed they attended (or whose
 * association entered it on their behalf); every listed firm on a milestone reported before
 * firms confirmed.
 *
 * @example
 * confirmedFirms(milestone) // ['firm_01…', 'firm_02…']
 */
export function confirmedFirms(m: EscrowMilestone): string[] {
  const listed = [...new Set(m.report?.attendedFirmIds ?? [])];
  if (!m.attendance) return listed;
  const yes = new Set(m.attendance.filter((a) => a.attended).map((a) => a.firmId));
  return listed.filter((f) => yes.has(f));
}

/**
 * How many listed firms a release on `basis` pays for. With no firm listed there is nothing to
 * confirm and a release pays in full (paid = listed = 0 reads as "all").
 *
 * @example
 * paidFirms({ listed: 9, confirmed: 7, denied: 1, silent: 1 }, 'not_denied') // 8
 */
export function paidFirms(count: AttendanceCount, basis: AcceptanceBasis): number {
  if (basis === 'full') return count.listed;
  if (basis === 'not_denied') return count.confirmed + count.silent;
  return count.confirmed;
}

/**
 * Each hold's release when `paid` of `listed` firms are paid for: floor(hold × paid ÷ listed),
 * exact in BigInt; the rest of each hold returns to its pool. Never more than a hold, never
 * negative, and released + returned = held to the paisa. `listed` 0 releases everything.
 *
 * @example
 * proportionalRelease([18_000_00], 7, 10) // [12_600_00]
 */
export function proportionalRelease(holds: readonly number[], paid: number, listed: number): number[] {
  if (listed === 0 || paid >= listed) return [...holds];
  if (paid <= 0) return holds.map(() => 0);
  return holds.map((h) => Number((BigInt(h) * BigInt(paid)) / BigInt(listed)));
}

/** What accepting a milestone on each basis would release and return, for the association to see before it decides. */
export interface ReleasePreview {
  count: AttendanceCount;
  held: Money;
  confirmed: { released: Money; returned: Money; firms: number };
  full: { released: Money; returned: Money; firms: number };
  notDenied: { released: Money; returned: Money; firms: number };
}

/**
 * The release each way of accepting would make, computed exactly as the acceptance will.
 *
 * @example
 * releasePreview(record, 0).confirmed.released // ₹12,600 for 7 of 10 firms on ₹18,000 held
 */
export function releasePreview(record: EscrowRecord, index: number): ReleasePreview {
  const m = record.milestones[index];
  if (!m) throw escrowErrors.milestoneNotFound(index);
  const count = attendanceCount(m);
  const holds = m.holds.map((h) => h.amount.amount);
  const held = holds.reduce((s, h) => s + h, 0);
  const way = (basis: AcceptanceBasis) => {
    const firms = paidFirms(count, basis);
    const released = proportionalRelease(holds, firms, count.listed).reduce((s, r) => s + r, 0);
    return { released: money(released, record.currency), returned: money(held - released, record.currency), firms };
  };
  return {
    count,
    held: money(held, record.currency),
    confirmed: way('confirmed'),
    full: way('full'),
    notDenied: way('not_denied'),
  };
}

/**
 * A listed firm answers "Did you attend?" once — itself by its link, or through its association
 * (`onBehalfBy`, the rep's user id). Only while the milestone waits for the association's
 * decision (reported or disputed); a decided milestone takes no more answers.
 *
 * @example
 * recordAttendance(record, 0, { firmId, attended: true, at }).milestones[0]?.attendance
 * // [{ firmId, attended: true, at }]
 */
export function recordAttendance(
  record: EscrowRecord,
  index: number,
  input: { firmId: string; attended: boolean; at: string; onBehalfBy?: string | undefined },
): EscrowRecord {
  const m = Number.isInteger(index) ? record.milestones[index] : undefined;
  if (!m) throw escrowErrors.milestoneNotFound(index);
  if (DECIDED.includes(m.status)) throw escrowErrors.alreadyDecided(index, m.status);
  if (m.status === 'awaiting_delivery' || !m.report) throw escrowErrors.notReported(index);
  if (!m.report.attendedFirmIds.includes(input.firmId)) throw attendanceErrors.firmNotListed(input.firmId);
  const answers = m.attendance ?? [];
  if (answers.some((a) => a.firmId === input.firmId)) throw attendanceErrors.alreadyAnswered(input.firmId);
  const answer = {
    firmId: input.firmId,
    attended: input.attended,
    at: input.at,
    ...(input.onBehalfBy ? { onBehalfBy: input.onBehalfBy } : {}),
  };
  const next = { ...m, attendance: [...answers, answer] };
  return {
    ...record,
    milestones: record.milestones.map((x) => (x.index === index ? next : x)),
    updatedAt: input.at,
  };
}
