import * as z from 'zod';
import { invalid } from '../errors';
import { fraction, plus, scale, type Fraction } from './fraction';

/**
 * A provider's ratings in one cluster and category, as counters: how many, and the sum of
 * their stars (each 1 to 5). Kept as counters so the close reads one item per provider, not
 * every rating ever given.
 */
export interface RatingSummary {
  count: number;
  stars: number;
}

/** What the evaluation knows of a provider's quality: accreditation and past delivery ratings. */
export interface ProviderQuality {
  accredited: boolean;
  ratings: RatingSummary;
}

/** How the 100 quality points split between accreditation and ratings. */
export const QualityPolicy = z
  .object({ accreditationPoints: z.number().int().min(0).max(100), ratingPoints: z.number().int().min(0).max(100) })
  .refine((p) => p.accreditationPoints + p.ratingPoints === 100, {
    message: 'The points must sum to 100',
    path: ['ratingPoints'],
  });
export type QualityPolicy = z.infer<typeof QualityPolicy>;

export const DEFAULT_QUALITY_POLICY: QualityPolicy = Object.freeze({ accreditationPoints: 20, ratingPoints: 80 });

/**
 * The Bayesian prior: every provider starts as if it had this many ratings of 3 stars. Five
 * means one 1-star rating moves a newcomer from 3 to 2.67 stars, not to 1: a single unhappy
 * client cannot sink a new provider, while a long record outweighs the prior.
 */
export const RATING_PRIOR = Object.freeze({ weight: 5, stars: 3 });

export const NO_RATINGS: RatingSummary = Object.freeze({ count: 0, stars: 0 });

/** A provider the quality map does not mention: a newcomer, not accredited. */
export const NEWCOMER: ProviderQuality = Object.freeze({ accredited: false, ratings: NO_RATINGS });

/**
 * Sums whole-star ratings into a summary (`EVALUATION.BAD_RATING` for anything but 1–5 stars).
 *
 * @example
 * summarizeRatings([4, 5]) // { count: 2, stars: 9 }
 */
export function summarizeRatings(stars: readonly number[]): RatingSummary {
  let sum = 0;
  for (const r of stars) {
    if (!Number.isInteger(r) || r < 1 || r > 5)
      throw invalid('EVALUATION.BAD_RATING', `Rating ${r} is not a whole number of stars from 1 to 5`, 'quality');
    sum += r;
  }
  return { count: stars.length, stars: sum };
}

/**
 * The Bayesian average of a summary in stars, exact: (prior weight × 3 + Σ stars) ÷ (prior
 * weight + count). A newcomer is at 3; every rating pulls toward itself by 1/(5 + n) of the way.
 *
 * @example
 * bayesianStars({ count: 1, stars: 1 }) // 16/6 (2.67 stars)
 */
export function bayesianStars(r: RatingSummary): Fraction {
  if (
    !Number.isInteger(r.count) ||
    r.count < 0 ||
    !Number.isInteger(r.stars) ||
    r.stars < r.count ||
    r.stars > 5 * r.count
  )
    throw invalid('EVALUATION.BAD_RATING', `${r.stars} stars cannot come from ${r.count} ratings of 1 to 5`, 'quality');
  return fraction(RATING_PRIOR.weight * RATING_PRIOR.stars + r.stars, RATING_PRIOR.weight + r.count);
}

/**
 * The quality score in points (0–100), exact: accreditation's points, plus the rating points
 * times the share the Bayesian average earns (1 star → none, 5 stars → all, 3 → half). A
 * newcomer with no ratings gets half — neutral — and few ratings move it little, so a new
 * provider is neither sunk by one bad delivery nor lifted by one good one.
 *
 * @example
 * qualityPoints({ accredited: false, ratings: NO_RATINGS }) // 40 (with the default 20/80 split)
 * qualityPoints({ accredited: true, ratings: { count: 95, stars: 475 } }) // 96: (15 + 475 − 100) / 400 of 80, plus 20
 */
export function qualityPoints(q: ProviderQuality, policy: QualityPolicy = DEFAULT_QUALITY_POLICY): Fraction {
  const accreditation = fraction(q.accredited ? policy.accreditationPoints : 0);
  const mean = bayesianStars(q.ratings);
  // (mean − 1) / 4 is the share of the rating points earned.
  const share = fraction(mean.num - mean.den, 4n * mean.den);
  return plus(accreditation, scale(share, policy.ratingPoints));
}
