import * as z from 'zod';
import { invalid } from '../errors';
import { fraction, plus, scale, type Fraction } from './fraction';

/** What the evaluation knows of a provider's quality: accreditation and past delivery ratings. */
export interface ProviderQuality {
  accredited: boolean;
  /** Whole stars, 1 to 5, one per accepted past delivery. */
  ratings: readonly number[];
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

/** A provider the quality map does not mention: a newcomer, not accredited. */
export const NEWCOMER: ProviderQuality = Object.freeze({ accredited: false, ratings: [] });

/**
 * The quality score in points (0–100), exact. Ratings map linearly onto their points (1 star →
 * 0, 5 stars → all); a newcomer with no ratings gets half of them — neutral, as if rated 3 —
 * so it is neither punished nor favoured for having no history. Accreditation adds its points.
 * With the default 20/80 split a newcomer scores 50 ± 10 for accreditation.
 *
 * @example
 * qualityPoints({ accredited: true, ratings: [5, 5] }) // 100
 * qualityPoints({ accredited: false, ratings: [] }) // 40
 */
export function qualityPoints(q: ProviderQuality, policy: QualityPolicy = DEFAULT_QUALITY_POLICY): Fraction {
  const accreditation = fraction(q.accredited ? policy.accreditationPoints : 0);
  if (q.ratings.length === 0) return plus(accreditation, fraction(policy.ratingPoints, 2));
  let stars = 0;
  for (const r of q.ratings) {
    if (!Number.isInteger(r) || r < 1 || r > 5)
      throw invalid('EVALUATION.BAD_RATING', `Rating ${r} is not a whole number of stars from 1 to 5`, 'quality');
    stars += r - 1;
  }
  // mean − 1 over 4 is the share of the rating points earned: stars / (4 n).
  return plus(accreditation, scale(fraction(stars, 4 * q.ratings.length), policy.ratingPoints));
}
