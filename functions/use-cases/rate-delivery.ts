import {
  answerRating,
  escrowErrors,
  rateMilestone,
  ratingErrors,
  type Actor,
  type EscrowRecord,
  type Rating,
  type RatingInput,
} from '@bds/core';
import type { UseCaseDeps } from './deps';

/** A milestone of an award, by cluster, request and index. */
export interface RatedMilestone {
  clusterId: string;
  requestId: string;
  index: number;
}

async function escrowOf(deps: UseCaseDeps, target: RatedMilestone): Promise<EscrowRecord> {
  const record = await deps.stores.escrow.get(target.clusterId, target.requestId);
  if (!record) throw escrowErrors.notFound();
  return record;
}

/**
 * The lead association rates an accepted milestone: core's `rateMilestone` on the escrow record
 * as read (who may rate, only once it paid), then the rating and its provider's summary in one
 * transaction (a second rating of the milestone by the same association is `RATING.ALREADY_RATED`).
 *
 * @example
 * const rating = await rateDelivery(deps, { clusterId, requestId, index: 0 }, rep, { stars: 4, comment: 'On time' });
 */
export async function rateDelivery(
  deps: UseCaseDeps,
  target: RatedMilestone,
  by: Actor,
  input: RatingInput,
): Promise<Rating> {
  const record = await escrowOf(deps, target);
  const rating = rateMilestone(record, target.index, by, input, new Date(deps.clock.now()).toISOString());
  await deps.stores.ratings.add(rating);
  return rating;
}

/**
 * The rated provider answers the rating an association gave a milestone, once: core's
 * `answerRating`, stored under the condition that it has no answer yet.
 *
 * @example
 * const rating = await answerDeliveryRating(deps, { clusterId, requestId, index: 0 }, 'asc_…', provider, 'Thank you');
 */
export async function answerDeliveryRating(
  deps: UseCaseDeps,
  target: RatedMilestone,
  raterId: string,
  by: Actor,
  text: string,
): Promise<Rating> {
  const record = await escrowOf(deps, target);
  // Another provider learns nothing: the same 404 as a rating that does not exist.
  if (by.organisationId !== record.providerId) throw ratingErrors.notFound();
  const rating = await deps.stores.ratings.get({
    clusterId: target.clusterId,
    providerId: record.providerId,
    category: record.category,
    requestId: target.requestId,
    milestoneIndex: target.index,
    raterId,
  });
  if (!rating) throw ratingErrors.notFound();
  const next = answerRating(rating, by, text, new Date(deps.clock.now()).toISOString());
  await deps.stores.ratings.answer(next);
  return next;
}
