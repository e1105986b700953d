import { money, type Money } from '../money';
import type { EscrowHold, EscrowRecord } from './schema';
import { attendanceCount } from './attendance';

const sum = (holds: readonly EscrowHold[], pick: (h: EscrowHold) => number, currency: Money['currency']): Money =>
  money(
    holds.reduce((s, h) => s + pick(h), 0),
    currency,
  );

/**
 * An award's money as the API shows it (docs/money-api.md): per milestone, `held` is what was
 * put in escrow, of which `released` went to the provider, `returned` back to the pools, and
 * `pending` is still held. held = released + returned + pending, always.
 *
 * @example
 * moneyView(record).milestones[0]?.held // ₹35,000 for 70 % of a ₹1 lakh award at 50 %
 */
export function moneyView(record: EscrowRecord) {
  const c = record.currency;
  return {
    requestId: record.requestId,
    clusterId: record.clusterId,
    providerId: record.providerId,
    status: record.status,
    total: record.total,
    subsidy: record.subsidy,
    privateShare: record.privateShare,
    contributions: record.contributions,
    // Who answered what stays with the associations (GET …/attendance): the provider sees only the counts.
    milestones: record.milestones.map((milestone) => {
      const { holds, attendance: _answers, ...m } = milestone;
      return {
        ...m,
        ...(m.report ? { attendanceCount: attendanceCount(milestone) } : {}),
        held: sum(holds, (h) => h.amount.amount, c),
        released: sum(holds, (h) => h.released.amount, c),
        returned: sum(holds, (h) => h.returned.amount, c),
        pending: sum(holds, (h) => (h.state === 'pending' ? h.amount.amount : 0), c),
        holds: holds.map((h) => ({ id: h.id, programmeId: h.programmeId, amount: h.amount, state: h.state })),
      };
    }),
    privateShareReceipts: record.privateShareReceipts.map(({ by: _by, ...r }) => r),
    ...(record.cancelledAt ? { cancelledAt: record.cancelledAt } : {}),
  };
}
export type MoneyView = ReturnType<typeof moneyView>;
