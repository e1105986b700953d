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
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;
