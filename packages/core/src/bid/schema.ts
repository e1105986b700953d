import * as z from 'zod';
import { idPattern } from '../ids';
import { Money, percentText } from '../money';
import { BASIS_POINTS_WHOLE, Milestone, REQUEST_LIMITS } from '../request/schema';

/** The highest price per firm (₹1 billion in paise): × the most firms it stays a safe integer. */
export const MAX_PRICE_PER_FIRM = 100_000_000_000;

/**
 * A volume price: `pricePerFirm` applies when at least `minFirms` firms take the service (and
 * fewer than the next tier's `minFirms`). A price is at least one minor unit, so price scores
 * never divide by zero.
 */
export const PriceTier = z.object({
  minFirms: z.number().int().min(1).max(REQUEST_LIMITS.maxFirms),
  pricePerFirm: Money.extend({ amount: z.number().int().min(1).max(MAX_PRICE_PER_FIRM) }),
});
export type PriceTier = z.infer<typeof PriceTier>;

/** Tiers in ascending order of distinct lower bounds, all in one currency. */
export const PriceTiers = z
  .array(PriceTier)
  .min(1)
  .max(10)
  .superRefine((tiers, ctx) => {
    tiers.forEach((t, i) => {
      const prev = tiers[i - 1];
      if (prev && t.minFirms <= prev.minFirms) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'minFirms'],
          message: 'Tiers must be in ascending order of minFirms, with no repeats',
        });
      }
      if (t.pricePerFirm.currency !== tiers[0]?.pricePerFirm.currency) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'pricePerFirm', 'currency'],
          message: 'Every tier must be in the same currency',
        });
      }
    });
  });

/** The fields a provider writes. */
export const BidTerms = z.object({
  priceTiers: PriceTiers,
  /** The most firms the provider can serve under this bid. */
  capacity: z.number().int().min(1).max(REQUEST_LIMITS.maxFirms),
  deliveryPlan: z.string().trim().min(20).max(5_000),
  milestoneProposal: z.array(Milestone).min(1).max(REQUEST_LIMITS.milestones).optional(),
});

/** A bid as a provider submits or revises it; capacity must reach the first tier. */
export const NewBid = BidTerms.superRefine((b, ctx) => {
  const first = b.priceTiers[0];
  if (first && b.capacity < first.minFirms) {
    ctx.addIssue({
      code: 'custom',
      path: ['capacity'],
      message: `Capacity ${b.capacity} is below the first tier (${first.minFirms} firms)`,
    });
  }
  const shares = b.milestoneProposal?.reduce((s, m) => s + m.shareBasisPoints, 0);
  if (shares !== undefined && shares !== BASIS_POINTS_WHOLE) {
    ctx.addIssue({
      code: 'custom',
      path: ['milestoneProposal'],
      message: `Milestone shares must add up to 100%, not ${percentText(shares)}`,
    });
  }
});
export type NewBid = z.input<typeof NewBid>;

export const BidStatus = z.enum(['live', 'withdrawn']);
export type BidStatus = z.infer<typeof BidStatus>;

/** A sealed bid. Revising keeps the id and bumps `version`; the last version counts. */
export const Bid = BidTerms.extend({
  id: z.string().regex(idPattern('bid')),
  requestId: z.string().regex(idPattern('request')),
  clusterId: z.string().regex(idPattern('cluster')),
  providerId: z.string().regex(idPattern('provider')),
  status: BidStatus,
  version: z.number().int().min(1),
  /** When this version was submitted: a revision is a new offer, so it moves forward. */
  submittedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Bid = z.infer<typeof Bid>;

/**
 * The currency a bid is priced in (all its tiers share it).
 *
 * @example
 * bidCurrency(bid) // 'INR'
 */
export const bidCurrency = (bid: Pick<Bid, 'priceTiers'>): Money['currency'] | undefined =>
  bid.priceTiers[0]?.pricePerFirm.currency;
