/**
 * The money API's shapes as the portal reads them (docs/money-api.md): programmes, an award's
 * escrow and milestones, payouts, the inbox and the dead-letter queues. Core's schema types
 * are imported as types only, so no zod reaches the bundle.
 */
import type { LedgerEntry, ProgrammeInput, ProgrammeView as CoreProgrammeView, SubsidyProgramme } from '@bds/core';

export interface Money {
  amount: number;
  currency: string;
}

export type Programme = SubsidyProgramme;
export type ProgrammeView = CoreProgrammeView;

/** What a funder sends to open a programme; the schedule is in basis points (5000 = 50 %). */
export type NewProgramme = ProgrammeInput;

export type StatementEntry = LedgerEntry;

/** One award a programme co-finances: where its money went. */
export interface ProgrammeAward {
  clusterId: string;
  requestId: string;
  title: string;
  providerId: string;
  providerName: string;
  held: Money;
  released: Money;
  returned: Money;
}

export type MilestoneStatus = 'awaiting_delivery' | 'reported' | 'disputed' | 'accepted' | 'resolved' | 'voided';
export type ResolveOutcome = 'release' | 'partial' | 'void';

export interface MilestoneMoney {
  index: number;
  name: string;
  total: Money;
  subsidy: Money;
  privateShare: Money;
  status: MilestoneStatus;
  /** Everything held for the milestone, then what of it went to the provider, back to the pools, or is still held. */
  held: Money;
  released: Money;
  returned: Money;
  pending?: Money;
  report?: { at: string; by: string; evidence: string; attendedFirmIds: string[] };
  dispute?: { at: string; by: string; reason: string };
  resolution?: { at: string; by: string; outcome: ResolveOutcome; amount?: Money; reason: string };
  autoAcceptAt?: string;
}

export interface Contribution {
  programmeId: string;
  programmeName: string;
  funderId: string;
  repeatCount: number;
  shareBasisPoints: number;
  amount: Money;
  limitedBy?: string;
}

/** An awarded request's money: subsidy by programme, the private share, and each milestone's escrow. */
export interface RequestMoney {
  status: 'pending' | 'held' | 'closed';
  total: Money;
  subsidy: Money;
  privateShare: Money;
  contributions: Contribution[];
  milestones: MilestoneMoney[];
  privateShareReceipts: { receiptId?: string; at: string; amount: Money; note?: string }[];
}

export interface Resolution {
  outcome: ResolveOutcome;
  amount?: Money;
  reason: string;
}

/** Money released to a provider and not yet paid out, and what was paid. */
export interface Payable {
  payable: Money;
  paidOut: Money;
  releases: { transferId: string; at: string; amount: Money; memo?: string }[];
  nextCursor?: string | null;
}

export type PayoutStatus = 'preparing' | 'exported' | 'paid';

export interface PayoutLine {
  providerId: string;
  providerName: string;
  amount: Money;
}

/** A batch as listed (no lines) or opened (with its lines). */
export interface PayoutBatch {
  payoutId: string;
  status: PayoutStatus;
  createdAt: string;
  paidAt?: string;
  reference?: string;
  lines?: PayoutLine[];
}

/** A provider's line in a payout batch, as the provider sees it. */
export interface ProviderPayoutLine extends PayoutLine {
  payoutId: string;
  status: PayoutStatus;
  createdAt: string;
  paidAt?: string;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  text: string;
  clusterId: string;
  requestId?: string;
  /** A path of the portal to open. */
  link?: string;
  createdAt: string;
  readAt?: string;
}

export interface DeadLetter {
  queue: string;
  messageId: string;
  type?: string;
  clusterId?: string;
  correlationId?: string;
  error?: string;
  receiveCount: number;
  sentAt: string;
  body: string;
}

/** The worker queues and the dead letters of the one asked for (or of all). */
export interface DeadLetters {
  queues: string[];
  items: DeadLetter[];
}
