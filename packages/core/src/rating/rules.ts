import type { Actor } from '../actor';
import { DomainError, conflict, notFound } from '../errors';
import type { EscrowRecord } from '../escrow/schema';
import type { RatingSummary } from '../evaluation/quality';
import { RatingAnswer, RatingInput, type Rating } from './schema';

/** Every error of the rating rules, by stable code. */
export const ratingErrors = {
  notFound: () => notFound('RATING.NOT_FOUND', 'There is no such rating.'),
  leadOnly: () =>
    new DomainError(
      'RATING.LEAD_ONLY',
      'forbidden',
      'Only the association that awarded the request rates its delivery.',
    ),
  notAccepted: (index: number) =>
    conflict('RATING.NOT_ACCEPTED', `Milestone ${index} is not accepted yet; rate a delivery once it is accepted.`),
  alreadyRated: () => conflict('RATING.ALREADY_RATED', 'Your association has already rated this milestone.'),
  alreadyAnswered: () => conflict('RATING.ALREADY_ANSWERED', 'This rating already has your answer; it is given once.'),
};

/**
 * A milestone may be rated once it paid: accepted, or resolved with a release. A voided or
 * still-open milestone has no delivery to judge yet.
 */
const rateable = (record: EscrowRecord, index: number): boolean => {
  const m = record.milestones[index];
  if (!m) return false;
  if (m.status === 'accepted') return true;
  return m.status === 'resolved' && m.resolution?.outcome !== 'void';
};

/**
 * The lead association rates an accepted milestone's delivery: 1–5 stars and a comment. Only
 * the association that accepts (`RATING.LEAD_ONLY`; a provider never reaches this: it cannot
 * rate itself), only once the milestone paid (`RATING.NOT_ACCEPTED`). One rating per
 * milestone and rater is the store's uniqueness condition (`RATING.ALREADY_RATED`).
 *
 * @example
 * rateMilestone(record, 0, rep, { stars: 4, comment: 'Trainers knew the machines' }, '2026-12-08T10:00:00.000Z')
 */
export function rateMilestone(
  record: EscrowRecord,
  index: number,
  actor: Actor,
  input: RatingInput,
  at: string,
): Rating {
  const parsed = RatingInput.parse(input);
  if (actor.role !== 'association_rep' || actor.organisationId !== record.associationId) throw ratingErrors.leadOnly();
  const m = record.milestones[index];
  if (!m || !rateable(record, index)) throw ratingErrors.notAccepted(index);
  return {
    clusterId: record.clusterId,
    requestId: record.requestId,
    milestoneIndex: index,
    milestoneName: m.name,
    providerId: record.providerId,
    category: record.category,
    raterId: actor.organisationId,
    stars: parsed.stars,
    comment: parsed.comment,
    at,
    by: actor.userId,
  };
}

/**
 * The rated provider answers a rating, once (`RATING.ALREADY_ANSWERED`); another provider
 * does not learn the rating exists (`RATING.NOT_FOUND`).
 *
 * @example
 * answerRating(rating, provider, 'We have added a second trainer', '2026-12-09T10:00:00.000Z').answer?.text
 */
export function answerRating(rating: Rating, actor: Actor, text: string, at: string): Rating {
  if (actor.role !== 'provider' || actor.organisationId !== rating.providerId) throw ratingErrors.notFound();
  if (rating.answer) throw ratingErrors.alreadyAnswered();
  return { ...rating, answer: RatingAnswer.parse({ text, at, by: actor.userId }) };
}

/**
 * A summary with one more rating counted.
 *
 * @example
 * addToSummary({ count: 1, stars: 4 }, 5) // { count: 2, stars: 9 }
 */
export const addToSummary = (s: RatingSummary, stars: number): RatingSummary => ({
  count: s.count + 1,
  stars: s.stars + stars,
});

/**
 * A summary's plain average in hundredths of a star (the portal shows "4.5 ★ from 2 ratings");
 * undefined without ratings.
 *
 * @example
 * averageHundredths({ count: 2, stars: 9 }) // 450
 */
export const averageHundredths = (s: RatingSummary): number | undefined =>
  s.count === 0 ? undefined : Math.round((s.stars * 100) / s.count);
