import { add, money, subtract, type Money } from '../money';
import { escrowHolds, holdId } from '../ledger/escrow';
import type { HoldCommand } from '../ledger/schema';
import type { Milestone } from '../request/schema';
import type { SubsidySplit } from '../subsidy/compute';
import { splitByMilestones, type MilestoneShare } from '../subsidy/milestones';
import type { EscrowMilestone, EscrowRecord } from './schema';

/** What the award worker knows when it opens an award's escrow. */
export interface EscrowAward {
  requestId: string;
  clusterId: string;
  providerId: string;
  associationId: string;
  category: EscrowRecord['category'];
  awardedAt: string;
  milestones: readonly Milestone[];
}

const zero = (m: Money): Money => money(0, m.currency);

/**
 * The escrow record of an award, from its co-financing: one hold per milestone and paying
 * programme (ids from `holdId`), status `pending` until the holds are made. Computed once; a
 * retry reads the stored record instead, so a pool that changed meanwhile cannot change it.
 *
 * @example
 * openEscrow(award, computeSubsidy(...), { [programmeId]: 'Fair support' }, at).milestones[0]?.holds[0]?.id //
 * 'hold:req_…:m0:prg_…'
 */
export function openEscrow(
  award: EscrowAward,
  split: SubsidySplit,
  programmeNames: Readonly<Record<string, string>>,
  at: string,
): EscrowRecord {
  const shares = splitByMilestones(split, award.milestones);
  const milestones: EscrowMilestone[] = shares.map((m) => ({
    index: m.index,
    name: m.name,
    total: m.total,
    subsidy: m.subsidies.reduce((s, x) => add(s, x.amount), zero(m.total)),
    privateShare: m.privateShare,
    status: 'awaiting_delivery',
    holds: m.subsidies.map((s) => ({
      id: holdId(award.requestId, m.index, s.programmeId),
      programmeId: s.programmeId,
      funderId: s.funderId,
      amount: s.amount,
      state: 'pending' as const,
      released: zero(s.amount),
      returned: zero(s.amount),
    })),
  }));
  return {
    requestId: award.requestId,
    clusterId: award.clusterId,
    providerId: award.providerId,
    associationId: award.associationId,
    category: award.category,
    awardedAt: award.awardedAt,
    currency: split.total.currency,
    status: 'pending',
    total: split.total,
    subsidy: split.subsidy,
    privateShare: split.privateShare,
    contributions: split.contributions.map((c) => ({
      ...c,
      programmeName: programmeNames[c.programmeId] ?? c.programmeId,
    })),
    milestones,
    privateShareReceipts: [],
    refusedHolds: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The hold commands of a record's pending holds, as `escrowHolds` derives them (same ids, memos).
 *
 * @example
 * recordHolds(record).map((h) => h.id) // ['hold:req_1:m0:prg_1', 'hold:req_1:m1:prg_1']
 */
export function recordHolds(record: EscrowRecord): HoldCommand[] {
  const shares: MilestoneShare[] = record.milestones.map((m) => ({
    index: m.index,
    name: m.name,
    total: m.total,
    privateShare: m.privateShare,
    subsidies: m.holds
      .filter((h) => h.state === 'pending')
      .map((h) => ({ programmeId: h.programmeId, funderId: h.funderId, amount: h.amount })),
  }));
  return escrowHolds({ clusterId: record.clusterId, awardId: record.requestId, providerId: record.providerId }, shares);
}

/**
 * A hold the ledger refused at award time (its pool was taken by a concurrent award, or
 * closed): it is dropped, and its amount moves from the subsidy to the private share of its
 * milestone and of the award. The id is remembered so that a racing retry that did make the
 * hold voids it.
 *
 * @example
 * refuseHold(record, 'hold:req_1:m0:prg_1', at).refusedHolds // ['hold:req_1:m0:prg_1']
 */
export function refuseHold(record: EscrowRecord, id: string, at: string): EscrowRecord {
  const m = record.milestones.find((x) => x.holds.some((h) => h.id === id));
  const hold = m?.holds.find((h) => h.id === id);
  if (!m || !hold) return record;
  const milestones = record.milestones.map((x) =>
    x !== m
      ? x
      : {
          ...x,
          holds: x.holds.filter((h) => h.id !== id),
          subsidy: subtract(x.subsidy, hold.amount),
          privateShare: add(x.privateShare, hold.amount),
        },
  );
  const contributions = record.contributions
    .map((c) =>
      c.programmeId !== hold.programmeId
        ? c
        : { ...c, amount: subtract(c.amount, hold.amount), limitedBy: 'funds' as const },
    )
    .filter((c) => c.amount.amount > 0);
  return {
    ...record,
    milestones,
    contributions,
    subsidy: subtract(record.subsidy, hold.amount),
    privateShare: add(record.privateShare, hold.amount),
    refusedHolds: [...record.refusedHolds, id],
    updatedAt: at,
  };
}

/** The holds are made: the escrow is in place (a record already closed by a cancellation stays closed). */
export const markHeld = (record: EscrowRecord, at: string): EscrowRecord =>
  record.status === 'pending' ? { ...record, status: 'held', updatedAt: at } : record;
