import * as z from 'zod';
import { idPattern } from '../ids';
import { CategorySlug } from '../taxonomy';

export const RATING_COMMENT_MAX = 1_000;
export const RATING_ANSWER_MAX = 1_000;

/** Whole stars, 1 (poor) to 5 (excellent). */
export const Stars = z.number().int().min(1).max(5);

/** What a rater sends: the stars and a comment saying why. */
export const RatingInput = z.object({
  stars: Stars,
  comment: z.string().trim().min(1).max(RATING_COMMENT_MAX),
});
export type RatingInput = z.infer<typeof RatingInput>;

/** The provider's one answer to a rating. */
export const RatingAnswer = z.object({
  text: z.string().trim().min(1).max(RATING_ANSWER_MAX),
  at: z.iso.datetime(),
  by: z.string().min(1),
});
export type RatingAnswer = z.infer<typeof RatingAnswer>;

/**
 * A rating of one accepted milestone by one rater (the lead association): per cluster and
 * category, so a provider's record in Jaipur's printing does not speak for Ludhiana's IT.
 */
export const Rating = z.object({
  clusterId: z.string().regex(idPattern('cluster')),
  requestId: z.string().regex(idPattern('request')),
  milestoneIndex: z.number().int().min(0),
  milestoneName: z.string(),
  providerId: z.string().regex(idPattern('provider')),
  category: CategorySlug,
  /** The rating organisation (the association); one rating per milestone per rater. */
  raterId: z.string().regex(idPattern('association')),
  stars: Stars,
  comment: z.string().trim().min(1).max(RATING_COMMENT_MAX),
  at: z.iso.datetime(),
  by: z.string().min(1),
  answer: RatingAnswer.optional(),
});
export type Rating = z.infer<typeof Rating>;
