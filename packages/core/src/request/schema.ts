import * as z from 'zod';
import { idPattern } from '../ids';
import { Currency, Money } from '../money';
import { CategorySlug } from '../taxonomy';

/** Every state a service request can be in; see `REQUEST_TRANSITIONS` for the moves. */
export const RequestStatus = z.enum([
  'draft',
  'open',
  'evaluating',
  'awarded',
  'in_delivery',
  'completed',
  'cancelled',
  'unsuccessful',
]);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** Milestone shares are basis points: 10000 = the whole price. */
export const BASIS_POINTS_WHOLE = 10_000;

/**
 * A payment milestone. The share is in basis points (1/100 of a percent), an integer, so
 * 12.5 % is 1250 and a three-way split is 3334/3333/3333 — whole percent could not say either,
 * and integer weights feed `Money.allocate` directly, which splits the escrow with no paisa lost.
 */
export const Milestone = z.object({
  name: z.string().trim().min(2).max(120),
  shareBasisPoints: z.number().int().min(1).max(BASIS_POINTS_WHOLE),
});
export type Milestone = z.infer<typeof Milestone>;

/** Evaluation weights (most-economically-advantageous tender), whole points summing to 100. */
export const Weights = z.object({
  price: z.number().int().min(0).max(100),
  quality: z.number().int().min(0).max(100),
});
export type Weights = z.infer<typeof Weights>;

/** Calendar dates (inclusive) within which the service is delivered. */
export const DeliveryWindow = z.object({ start: z.iso.date(), end: z.iso.date() });
export type DeliveryWindow = z.infer<typeof DeliveryWindow>;

export const Visibility = z.enum(['cluster', 'invited']);
export type Visibility = z.infer<typeof Visibility>;

/** The award as kept for the audit trail: what was picked, what was recommended, and why. */
export const Award = z.object({
  bidId: z.string().regex(idPattern('bid')),
  providerId: z.string().regex(idPattern('provider')),
  volume: z.number().int().min(1),
  pricePerFirm: Money,
  total: Money,
  recommendedBidId: z.string().regex(idPattern('bid')),
  /** Required (and at least `AWARD_REASON_MIN_LENGTH` characters) when the pick is not the recommendation. */
  reason: z.string().optional(),
  awardedBy: z.string().min(1),
  awardedAt: z.iso.datetime(),
  /**
   * Earlier awards of this category to the lead association, read from its counter and advanced
   * in the award's own transaction (the subsidy's taper reads it). Absent on awards made before
   * the counter existed, until the backfill stamps them.
   */
  repeatCount: z.number().int().min(0).optional(),
});
export type Award = z.infer<typeof Award>;

/** One contract of a split award: a provider's part of the pledged volume at its own curve's price. */
export const SplitContract = z.object({
  /** The contract's own request (status `awarded`, `contractOf` this request): its escrow and deliveries. */
  requestId: z.string().regex(idPattern('request')),
  index: z.number().int().min(0),
  bidId: z.string().regex(idPattern('bid')),
  providerId: z.string().regex(idPattern('provider')),
  volume: z.number().int().min(1),
  pricePerFirm: Money,
  total: Money,
});
export type SplitContract = z.infer<typeof SplitContract>;

/**
 * A volume split across bidders (issue 13), kept on the split request: no single bidder could serve
 * the pledged volume, so each provider got a contract of its own. `largest_score` is the rule's split
 * (highest score first, each to its capacity); `custom` the association's own, with its reason.
 */
export const SplitAward = z.object({
  contracts: z.array(SplitContract).min(2).max(10),
  strategy: z.enum(['largest_score', 'custom']),
  reason: z.string().optional(),
  volume: z.number().int().min(1),
  total: Money,
  awardedBy: z.string().min(1),
  awardedAt: z.iso.datetime(),
  /** One award for the subsidy's taper: every contract is stamped with this count, advanced once. */
  repeatCount: z.number().int().min(0).optional(),
});
export type SplitAward = z.infer<typeof SplitAward>;

/** On a contract's request: which split request it is part of, and the firms it serves. */
export const ContractOf = z.object({
  requestId: z.string().regex(idPattern('request')),
  index: z.number().int().min(0),
  count: z.number().int().min(2),
  firmIds: z
    .array(z.string().regex(idPattern('firm')))
    .min(1)
    .max(500),
});
export type ContractOf = z.infer<typeof ContractOf>;

export const Cancellation = z.object({
  reason: z.string().min(1),
  cancelledBy: z.string().min(1),
  cancelledAt: z.iso.datetime(),
});
export type Cancellation = z.infer<typeof Cancellation>;

/** Limits shared by the input schema and the stored one. */
export const REQUEST_LIMITS = {
  maxFirms: 10_000,
  milestones: 12,
  deliverables: 30,
  coSponsors: 20,
  invitedProviders: 100,
} as const;

const associationId = z.string().regex(idPattern('association'));
const providerId = z.string().regex(idPattern('provider'));

/** The fields an association writes; shared by `NewServiceRequest` and `ServiceRequest`. */
export const RequestTerms = z.object({
  title: z.string().trim().min(5).max(160),
  category: CategorySlug,
  specification: z.string().trim().min(20).max(10_000),
  deliverables: z.array(z.string().trim().min(2).max(300)).min(1).max(REQUEST_LIMITS.deliverables),
  place: z.string().trim().min(2).max(200),
  deliveryWindow: DeliveryWindow,
  biddingDeadline: z.iso.datetime({ offset: true }),
  minFirms: z.number().int().min(1).max(REQUEST_LIMITS.maxFirms),
  maxFirms: z.number().int().min(1).max(REQUEST_LIMITS.maxFirms),
  weights: Weights,
  milestones: z.array(Milestone).min(1).max(REQUEST_LIMITS.milestones),
  visibility: Visibility,
  invitedProviderIds: z.array(providerId).max(REQUEST_LIMITS.invitedProviders).default([]),
  coSponsorIds: z.array(associationId).max(REQUEST_LIMITS.coSponsors).default([]),
  currency: Currency,
});

/** A pooled-demand service request, as stored. `associationId` is the lead sponsor. */
export const ServiceRequest = RequestTerms.extend({
  id: z.string().regex(idPattern('request')),
  clusterId: z.string().regex(idPattern('cluster')),
  associationId,
  biddingDeadline: z.iso.datetime(),
  status: RequestStatus,
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  award: Award.optional(),
  unsuccessfulReason: z.string().optional(),
  cancellation: Cancellation.optional(),
  /** When the ranking's stand-still ends (set when the request is ranked): no award before it. */
  standstillEndsAt: z.iso.datetime().optional(),
  /** Complaints filed and not yet decided: no award while there is one. */
  openComplaints: z.number().int().nonnegative().optional(),
  /** A split award: the contracts, each its own request (the split request itself holds no escrow). */
  splitAward: SplitAward.optional(),
  /** A contract of a split award (its own award, escrow and deliveries). */
  contractOf: ContractOf.optional(),
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;
