import * as z from 'zod';
import { idPattern } from '../ids';
import { Currency, Money } from '../money';
import { TransferId } from '../ledger/schema';
import { CategorySlug } from '../taxonomy';

/** A milestone's life: delivered (reported), then accepted, or disputed and resolved; or voided by a cancellation. */
export const MilestoneStatus = z.enum(['awaiting_delivery', 'reported', 'disputed', 'accepted', 'resolved', 'voided']);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

/** The statuses nothing can change any more: the milestone's holds are (being) posted or voided. */
export const DECIDED: readonly MilestoneStatus[] = ['accepted', 'resolved', 'voided'];

/**
 * One programme's hold for one milestone, as the escrow record knows it. `state` is decided
 * here first (the record is the arbiter), then carried to the ledger by a derived transfer id.
 */
export const EscrowHold = z.object({
  id: TransferId,
  programmeId: z.string(),
  funderId: z.string(),
  amount: Money,
  state: z.enum(['pending', 'posted', 'voided']),
  /** To the provider's payable (posted). */
  released: Money,
  /** Back to the programme's pool (voided, or the rest of a partial post). */
  returned: Money,
});
export type EscrowHold = z.infer<typeof EscrowHold>;

export const MAX_ATTENDED_FIRMS = 500;
export const DISPUTE_REASON_MIN_LENGTH = 20;

export const MilestoneReport = z.object({
  at: z.iso.datetime(),
  by: z.string().min(1),
  evidence: z.string().trim().min(10).max(4_000),
  attendedFirmIds: z.array(z.string().regex(idPattern('firm'))).max(MAX_ATTENDED_FIRMS),
  /**
   * The attended firms that were under-served as they stood when they attended (the cluster's
   * size rule at report time): the outreach indicator counts this snapshot, so a firm that
   * grows later does not rewrite history.
   */
  underServedFirmIds: z
    .array(z.string().regex(idPattern('firm')))
    .max(MAX_ATTENDED_FIRMS)
    .optional(),
});
export const MilestoneDispute = z.object({
  at: z.iso.datetime(),
  by: z.string().min(1),
  reason: z.string().trim().min(DISPUTE_REASON_MIN_LENGTH).max(2_000),
});
export const ResolutionOutcome = z.enum(['release', 'partial', 'void']);
export type ResolutionOutcome = z.infer<typeof ResolutionOutcome>;
export const MilestoneResolution = z.object({
  at: z.iso.datetime(),
  by: z.string().min(1),
  outcome: ResolutionOutcome,
  amount: Money.optional(),
  reason: z.string().trim().min(1).max(2_000),
});
/**
 * What an acceptance paid for (issue 12): `confirmed` the share of the listed firms that confirmed
 * they attended (the default), `full` everything (the association's written reason), `not_denied`
 * the firms that confirmed or stayed silent (auto-acceptance). Absent on acceptances made before
 * firms confirmed, which paid in full.
 */
export const AcceptanceBasis = z.enum(['confirmed', 'full', 'not_denied']);
export type AcceptanceBasis = z.infer<typeof AcceptanceBasis>;
export const MilestoneAcceptance = z.object({
  at: z.iso.datetime(),
  by: z.string().min(1),
  automatic: z.boolean(),
  basis: AcceptanceBasis.optional(),
  /** Why the association released in full despite firms that did not confirm (the audit trail). */
  reason: z.string().trim().max(2_000).optional(),
  /** How many of the listed firms the release paid for, of how many listed. */
  paidFirms: z.number().int().min(0).optional(),
  listedFirms: z.number().int().min(0).optional(),
});

/** A listed firm's own answer to "Did you attend?": by its mailed link, or entered on its behalf by its association. */
export const AttendanceAnswer = z.object({
  firmId: z.string().regex(idPattern('firm')),
  attended: z.boolean(),
  at: z.iso.datetime(),
  /** The rep who entered the answer with the firm's code (firms without mail); absent when the firm answered. */
  onBehalfBy: z.string().min(1).optional(),
});
export type AttendanceAnswer = z.infer<typeof AttendanceAnswer>;

export const EscrowMilestone = z.object({
  index: z.number().int().min(0),
  name: z.string(),
  total: Money,
  subsidy: Money,
  privateShare: Money,
  status: MilestoneStatus,
  holds: z.array(EscrowHold),
  report: MilestoneReport.optional(),
  dispute: MilestoneDispute.optional(),
  resolution: MilestoneResolution.optional(),
  acceptance: MilestoneAcceptance.optional(),
  /** The listed firms' answers, once each; absent on milestones reported before firms confirmed. */
  attendance: z.array(AttendanceAnswer).max(MAX_ATTENDED_FIRMS).optional(),
  autoAcceptAt: z.iso.datetime().optional(),
});
export type EscrowMilestone = z.infer<typeof EscrowMilestone>;

export const EscrowContribution = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  funderId: z.string(),
  repeatCount: z.number().int().min(0),
  shareBasisPoints: z.number().int().min(0),
  amount: Money,
  limitedBy: z.enum(['share', 'cap', 'budget', 'funds', 'total']),
});
export type EscrowContribution = z.infer<typeof EscrowContribution>;

export const PrivateShareReceipt = z.object({
  receiptId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  at: z.iso.datetime(),
  by: z.string().min(1),
  amount: Money,
  note: z.string().trim().max(500).optional(),
});
export type PrivateShareReceipt = z.infer<typeof PrivateShareReceipt>;

/** pending: the holds are being made; held: escrow in place; closed: every milestone decided. */
export const EscrowStatus = z.enum(['pending', 'held', 'closed']);
export type EscrowStatus = z.infer<typeof EscrowStatus>;

/**
 * An award's escrow record: the split computed once at award time (never recomputed), each
 * milestone's holds and decisions, and the private-share receipts the provider confirmed.
 */
export const EscrowRecord = z.object({
  requestId: z.string().regex(idPattern('request')),
  clusterId: z.string().regex(idPattern('cluster')),
  providerId: z.string().regex(idPattern('provider')),
  /** The lead association: it accepts or disputes. */
  associationId: z.string().regex(idPattern('association')),
  category: CategorySlug,
  awardedAt: z.iso.datetime(),
  currency: Currency,
  status: EscrowStatus,
  total: Money,
  subsidy: Money,
  privateShare: Money,
  contributions: z.array(EscrowContribution),
  milestones: z.array(EscrowMilestone).min(1),
  privateShareReceipts: z.array(PrivateShareReceipt),
  /**
   * Holds the ledger refused at award time (a concurrent award took the pool): their amounts moved to the private
   * share.
   */
  refusedHolds: z.array(TransferId),
  /** Earlier awards of the category to the association (the subsidy rule's n), kept even when no programme paid. */
  repeatCount: z.number().int().min(0).optional(),
  cancelledAt: z.iso.datetime().optional(),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type EscrowRecord = z.infer<typeof EscrowRecord>;
