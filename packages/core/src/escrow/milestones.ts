import type { Actor } from '../actor';
import { allocate, money, type Money } from '../money';
import type { PostCommand, VoidCommand } from '../ledger/schema';
import { escrowErrors } from './errors';
import { attendanceCount, paidFirms, proportionalRelease } from './attendance';
import {
  DECIDED,
  DISPUTE_REASON_MIN_LENGTH,
  MAX_ATTENDED_FIRMS,
  type EscrowHold,
  type EscrowMilestone,
  type AcceptanceBasis,
  type EscrowRecord,
  type ResolutionOutcome,
} from './schema';

const DAY_MS = 86_400_000;

/** A decision and the ledger commands that carry it out (idempotent ids derived from the holds). */
export interface MilestoneDecision {
  record: EscrowRecord;
  commands: (PostCommand | VoidCommand)[];
}

/** `post:<holdId>` releases a hold; `void:<holdId>` returns it. */
export const postId = (hold: string): string => `post:${hold}`;
export const voidId = (hold: string): string => `void:${hold}`;

function milestoneOf(record: EscrowRecord, index: number): EscrowMilestone {
  const m = Number.isInteger(index) ? record.milestones[index] : undefined;
  if (!m) throw escrowErrors.milestoneNotFound(index);
  return m;
}

function ready(record: EscrowRecord): void {
  if (record.status === 'pending' && !record.cancelledAt) throw escrowErrors.notReady();
}

function undecided(m: EscrowMilestone): void {
  if (DECIDED.includes(m.status)) throw escrowErrors.alreadyDecided(m.index, m.status);
}

function withMilestone(record: EscrowRecord, next: EscrowMilestone, at: string): EscrowRecord {
  const milestones = record.milestones.map((m) => (m.index === next.index ? next : m));
  const closed = milestones.every((m) => DECIDED.includes(m.status));
  return { ...record, milestones, status: closed ? 'closed' : record.status, updatedAt: at };
}

const isLead = (actor: Actor, record: EscrowRecord) =>
  actor.role === 'association_rep' && actor.organisationId === record.associationId;
const isAwardedProvider = (actor: Actor, record: EscrowRecord) =>
  actor.role === 'provider' && actor.organisationId === record.providerId;
const isAdmin = (actor: Actor) =>
  actor.role === 'cluster_admin' || actor.role === 'state_admin' || actor.role === 'national_admin';

/**
 * The ledger commands that carry out a milestone's decided holds (all milestones when no index
 * is given). Derived from the record alone, so anyone may run them again: a retry replays.
 *
 * @example
 * settlement(record, 0) // [{ kind: 'post', id: 'post:hold:req_1:m0:prg_1', pendingId: 'hold:req_1:m0:prg_1' }]
 */
export function settlement(record: EscrowRecord, index?: number): (PostCommand | VoidCommand)[] {
  const milestones = index === undefined ? record.milestones : [milestoneOf(record, index)];
  return milestones.flatMap((m) =>
    m.holds.flatMap((h): (PostCommand | VoidCommand)[] => {
      if (h.state === 'voided') return [{ kind: 'void', id: voidId(h.id), pendingId: h.id }];
      if (h.state !== 'posted') return [];
      const partial = h.released.amount < h.amount.amount;
      return [{ kind: 'post', id: postId(h.id), pendingId: h.id, ...(partial ? { amount: h.released } : {}) }];
    }),
  );
}

function decide(
  record: EscrowRecord,
  m: EscrowMilestone,
  holds: EscrowHold[],
  change: Partial<EscrowMilestone>,
  at: string,
): MilestoneDecision {
  const next = withMilestone(record, { ...m, ...change, holds }, at);
  return { record: next, commands: settlement(next, m.index) };
}

const post = (h: EscrowHold, released: number): EscrowHold =>
  released === 0
    ? { ...h, state: 'voided', returned: h.amount }
    : {
        ...h,
        state: 'posted',
        released: money(released, h.amount.currency),
        returned: money(h.amount.amount - released, h.amount.currency),
      };

/**
 * The awarded provider reports a milestone delivered, with evidence and the pledged firms that
 * attended. It is accepted automatically `autoAcceptDays` later unless the lead answers.
 *
 * @example
 * reportMilestone(record, 0, provider, { evidence: 'Ten days held; register attached', attendedFirmIds: [firmId] }, {
 * pledgedFirmIds: new Set([firmId]), at, autoAcceptDays: 14 }).milestones[0]?.status // 'reported'
 */
export function reportMilestone(
  record: EscrowRecord,
  index: number,
  actor: Actor,
  input: { evidence: string; attendedFirmIds?: readonly string[] },
  ctx: {
    pledgedFirmIds: ReadonlySet<string>;
    at: string;
    autoAcceptDays: number;
    underServedFirmIds?: ReadonlySet<string>;
  },
): EscrowRecord {
  if (!isAwardedProvider(actor, record)) throw escrowErrors.notParty('Only the awarded provider reports a milestone.');
  ready(record);
  const m = milestoneOf(record, index);
  undecided(m);
  if (m.status !== 'awaiting_delivery') throw escrowErrors.alreadyReported(index);
  const evidence = input.evidence.trim();
  if (evidence.length < 10 || evidence.length > 4_000)
    throw escrowErrors.evidenceInvalid('Describe the evidence in 10 to 4,000 characters.');
  const attended = [...new Set(input.attendedFirmIds ?? [])];
  if (attended.length > MAX_ATTENDED_FIRMS) throw escrowErrors.firmNotPledged(`(more than ${MAX_ATTENDED_FIRMS})`);
  const stranger = attended.find((f) => !ctx.pledgedFirmIds.has(f));
  if (stranger) throw escrowErrors.firmNotPledged(stranger);
  const autoAcceptAt = new Date(Date.parse(ctx.at) + ctx.autoAcceptDays * DAY_MS).toISOString();
  // Who was under-served is fixed as the firms stood now (outreach must not change when a firm grows).
  const underServed = ctx.underServedFirmIds
    ? { underServedFirmIds: attended.filter((f) => ctx.underServedFirmIds!.has(f)) }
    : {};
  const report = { at: ctx.at, by: actor.userId, evidence, attendedFirmIds: attended, ...underServed };
  // The listed firms now answer for themselves (issue 12): none has yet.
  return withMilestone(record, { ...m, status: 'reported', report, attendance: [], autoAcceptAt }, ctx.at);
}

/** How the lead association accepts: pay for the confirmed firms (default), or in full with a written reason. */
export interface AcceptOptions {
  release?: 'confirmed' | 'full' | undefined;
  reason?: string | undefined;
}

/**
 * The lead association accepts a reported (or disputed: it withdraws its dispute) milestone. By
 * default only the share of the listed firms that confirmed they attended is released; the holds
 * of the others go back to their pools. `release: 'full'` pays everything and needs a reason of
 * 20 characters or more, kept on the acceptance.
 *
 * @example
 * acceptMilestone(record, 0, lead, at).commands.map((c) => c.id) // ['post:hold:req_1:m0:prg_1']
 */
export function acceptMilestone(
  record: EscrowRecord,
  index: number,
  actor: Actor,
  at: string,
  opts: AcceptOptions = {},
): MilestoneDecision {
  if (!isLead(actor, record)) throw escrowErrors.notParty('Only the lead association accepts a milestone.');
  const basis = opts.release ?? 'confirmed';
  let reason: string | undefined;
  if (basis === 'full') {
    reason = opts.reason?.trim() ?? '';
    if (reason.length < DISPUTE_REASON_MIN_LENGTH) throw escrowErrors.reasonTooShort(DISPUTE_REASON_MIN_LENGTH);
  } else if (opts.reason !== undefined) throw escrowErrors.reasonNotAllowed();
  return accept(record, index, { at, by: actor.userId, automatic: false, basis, ...(reason ? { reason } : {}) });
}

function accept(
  record: EscrowRecord,
  index: number,
  acceptance: { at: string; by: string; automatic: boolean; basis: AcceptanceBasis; reason?: string },
): MilestoneDecision {
  ready(record);
  const m = milestoneOf(record, index);
  undecided(m);
  if (m.status === 'awaiting_delivery') throw escrowErrors.notReported(index);
  const count = attendanceCount(m);
  const paid = paidFirms(count, acceptance.basis);
  const released = proportionalRelease(
    m.holds.map((h) => h.amount.amount),
    paid,
    count.listed,
  );
  return decide(
    record,
    m,
    m.holds.map((h, i) => post(h, released[i] ?? 0)),
    { status: 'accepted', acceptance: { ...acceptance, paidFirms: paid, listedFirms: count.listed } },
    acceptance.at,
  );
}

/**
 * A reported milestone nobody answered is accepted when its `autoAcceptAt` has come. Anything
 * else (answered, disputed, cancelled, or a trigger that came early) is left alone: undefined.
 *
 * @example
 * autoAcceptMilestone(record, 0, laterThanAutoAcceptAt)?.record.milestones[0]?.acceptance?.automatic // true
 */
export function autoAcceptMilestone(record: EscrowRecord, index: number, at: string): MilestoneDecision | undefined {
  const m = record.milestones[index];
  if (!m || m.status !== 'reported' || !m.autoAcceptAt || Date.parse(at) < Date.parse(m.autoAcceptAt)) return undefined;
  // Silence is not denial: the firms that said nothing are paid for, those that denied never.
  return accept(record, index, { at, by: 'system:auto-accept', automatic: true, basis: 'not_denied' });
}

/**
 * The lead association disputes a reported milestone; the holds stay until an admin resolves it.
 *
 * @example
 * disputeMilestone(record, 0, lead, 'Only four of the ten days were held', at).milestones[0]?.status // 'disputed'
 */
export function disputeMilestone(
  record: EscrowRecord,
  index: number,
  actor: Actor,
  reason: string,
  at: string,
): EscrowRecord {
  if (!isLead(actor, record)) throw escrowErrors.notParty('Only the lead association disputes a milestone.');
  ready(record);
  const m = milestoneOf(record, index);
  undecided(m);
  if (m.status === 'awaiting_delivery') throw escrowErrors.notReported(index);
  if (m.status === 'disputed') throw escrowErrors.alreadyDisputed(index);
  const text = reason.trim();
  if (text.length < DISPUTE_REASON_MIN_LENGTH) throw escrowErrors.reasonTooShort(DISPUTE_REASON_MIN_LENGTH);
  return withMilestone(record, { ...m, status: 'disputed', dispute: { at, by: actor.userId, reason: text } }, at);
}

/**
 * An admin resolves a dispute: release everything, release `amount` (≤ held; each hold gives
 * its share, largest remainder, the rest returns to its pool), or void everything.
 *
 * @example
 * resolveMilestone(record, 0, admin, { outcome: 'partial', amount: money(10_000_00, 'INR'), reason: 'Four of ten days'
 * }, at).commands[0] // { kind: 'post', amount: ₹10,000 … }
 */
export function resolveMilestone(
  record: EscrowRecord,
  index: number,
  actor: Actor,
  input: { outcome: ResolutionOutcome; amount?: Money | undefined; reason: string },
  at: string,
): MilestoneDecision {
  if (!isAdmin(actor)) throw escrowErrors.notParty('Only a cluster, state or national admin resolves a dispute.');
  ready(record);
  const m = milestoneOf(record, index);
  undecided(m);
  if (m.status !== 'disputed') throw escrowErrors.notDisputed(index);
  const held = m.holds.reduce((s, h) => s + h.amount.amount, 0);
  let released: number[];
  if (input.outcome === 'partial') {
    if (!input.amount) throw escrowErrors.amountRequired();
    if (input.amount.currency !== record.currency) throw escrowErrors.currencyMismatch(record.currency);
    if (input.amount.amount <= 0) throw escrowErrors.amountNotPositive();
    if (input.amount.amount > held)
      throw escrowErrors.amountExceedsHeld({ amount: held, currency: record.currency }, input.amount);
    // Σ weights ≥ amount, so largest-remainder parts never exceed their hold.
    released = allocate(
      input.amount,
      m.holds.map((h) => h.amount.amount),
    ).map((x) => x.amount);
  } else {
    if (input.amount) throw escrowErrors.amountNotAllowed();
    released = m.holds.map((h) => (input.outcome === 'release' ? h.amount.amount : 0));
  }
  const resolution = {
    at,
    by: actor.userId,
    outcome: input.outcome,
    reason: input.reason.trim(),
    ...(input.amount ? { amount: input.amount } : {}),
  };
  return decide(
    record,
    m,
    m.holds.map((h, i) => post(h, released[i] ?? 0)),
    { status: 'resolved', resolution },
    at,
  );
}

/**
 * A cancelled award: every milestone not yet decided is voided and its holds return to their
 * pools. Decided milestones keep what they released. Running it twice changes nothing.
 *
 * @example
 * cancelEscrow(record, at).commands.every((c) => c.kind === 'void') // true
 */
export function cancelEscrow(record: EscrowRecord, at: string): MilestoneDecision {
  if (record.cancelledAt) return { record, commands: settlement(record).filter((c) => c.kind === 'void') };
  const milestones = record.milestones.map((m): EscrowMilestone =>
    DECIDED.includes(m.status)
      ? m
      : {
          ...m,
          status: 'voided',
          holds: m.holds.map((h) => ({ ...h, state: 'voided', returned: h.amount })),
        },
  );
  const next: EscrowRecord = { ...record, milestones, status: 'closed', cancelledAt: at, updatedAt: at };
  const voided = milestones.filter((m, i) => m !== record.milestones[i]);
  return {
    record: next,
    commands: voided.flatMap((m) =>
      m.holds.map((h): VoidCommand => ({ kind: 'void', id: voidId(h.id), pendingId: h.id })),
    ),
  };
}
