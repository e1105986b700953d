import * as z from 'zod';
import { DomainError } from '../errors';
import { DEFAULT_SIZE_POLICY, SizePolicy } from '../firm/size';
import { BuiltInCategorySlug, CustomCategory } from '../taxonomy';

/**
 * The national bounds a cluster's own policy must stay within, so indicators stay comparable
 * across clusters (a "micro" firm in Tirupur is not a medium one in Pune).
 */
export const NATIONAL_BOUNDS = {
  microBelow: { min: 5, max: 20 },
  smallBelow: { min: 20, max: 100 },
  nonMechanisedUnderServedBelow: { min: 10, max: 50 },
  customCategories: 20,
  /** Days a reported milestone waits for the lead association before it is accepted automatically. */
  milestoneAutoAcceptDays: { min: 3, max: 60 },
  /** A provider's share (%) of a category's awarded value in the cluster above which the capture screen flags it. */
  providerShareThresholdPercent: { min: 30, max: 90 },
} as const;

/** The capture screen's threshold where a cluster has not chosen one (issue 13). */
export const DEFAULT_PROVIDER_SHARE_THRESHOLD_PERCENT = 60;

/** The capture screen's threshold of a policy, in basis points (its default when unset). */
export const providerShareThresholdBp = (policy: Pick<ClusterPolicy, 'providerShareThresholdPercent'>): number =>
  (policy.providerShareThresholdPercent ?? DEFAULT_PROVIDER_SHARE_THRESHOLD_PERCENT) * 100;

export const DEFAULT_MILESTONE_AUTO_ACCEPT_DAYS = 14;

/** What a cluster decides for itself: eligible categories, its own categories, size thresholds. */
export const ClusterPolicy = z.object({
  eligibleCategories: z.array(BuiltInCategorySlug).min(1),
  customCategories: z.array(CustomCategory).max(NATIONAL_BOUNDS.customCategories).default([]),
  size: SizePolicy,
  milestoneAutoAcceptDays: z.number().int().default(DEFAULT_MILESTONE_AUTO_ACCEPT_DAYS),
  /** API requests per minute for the cluster (national bounds in rate-limit.ts); absent: the national default. */
  requestsPerMinute: z.number().int().min(60).max(6_000).optional(),
  /** Shortest bidding period a request is published with, in seconds; absent: the stage's default (7 days). */
  minBiddingPeriodSeconds: z.number().int().min(0).max(100_000_000).optional(),
  /** Stand-still between a ranking and the award, in seconds; absent: the stage's default (5 days). */
  standstillSeconds: z.number().int().min(0).max(100_000_000).optional(),
  /** The capture screen's threshold (%, national bounds above); absent: 60 %. */
  providerShareThresholdPercent: z.number().int().min(0).max(100).optional(),
});
export type ClusterPolicy = z.infer<typeof ClusterPolicy>;

/** The policy of a cluster that has not set one: every built-in category, national defaults. */
export const defaultClusterPolicy = (): ClusterPolicy => ({
  eligibleCategories: BuiltInCategorySlug.options,
  customCategories: [],
  size: { ...DEFAULT_SIZE_POLICY },
  milestoneAutoAcceptDays: DEFAULT_MILESTONE_AUTO_ACCEPT_DAYS,
});

/**
 * Checks a cluster policy against the national bounds; each breach names its field.
 *
 * @example
 * assertWithinNationalBounds({ ...defaultClusterPolicy(), size: { ...DEFAULT_SIZE_POLICY, microBelow: 2 } }) // throws
 * CLUSTER.POLICY_OUT_OF_BOUNDS on size.microBelow
 */
export function assertWithinNationalBounds(policy: ClusterPolicy): void {
  for (const key of ['microBelow', 'smallBelow', 'nonMechanisedUnderServedBelow'] as const) {
    const { min, max } = NATIONAL_BOUNDS[key];
    const value = policy.size[key];
    if (value < min || value > max) {
      throw new DomainError(
        'CLUSTER.POLICY_OUT_OF_BOUNDS',
        'invalid',
        `size.${key} must be between ${min} and ${max} (national bounds); got ${value}`,
        `size.${key}`,
      );
    }
  }
  const days = policy.milestoneAutoAcceptDays;
  const bounds = NATIONAL_BOUNDS.milestoneAutoAcceptDays;
  if (days < bounds.min || days > bounds.max) {
    throw new DomainError(
      'CLUSTER.POLICY_OUT_OF_BOUNDS',
      'invalid',
      `milestoneAutoAcceptDays must be between ${bounds.min} and ${bounds.max} (national bounds); got ${days}`,
      'milestoneAutoAcceptDays',
    );
  }
  const share = policy.providerShareThresholdPercent;
  const shareBounds = NATIONAL_BOUNDS.providerShareThresholdPercent;
  if (share !== undefined && (share < shareBounds.min || share > shareBounds.max)) {
    throw new DomainError(
      'CLUSTER.POLICY_OUT_OF_BOUNDS',
      'invalid',
      `providerShareThresholdPercent must be between ${shareBounds.min} and ${shareBounds.max} ` +
        `(national bounds); got ${share}`,
      'providerShareThresholdPercent',
    );
  }
  const slugs = policy.customCategories.map((c) => c.slug);
  if (new Set(slugs).size !== slugs.length)
    throw new DomainError(
      'CLUSTER.POLICY_DUPLICATE_CATEGORY',
      'invalid',
      'Each custom category appears once',
      'customCategories',
    );
}
