import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptMilestone } from '../../../packages/core/src/escrow';
import {
  DEFAULT_QUALITY_POLICY,
  NO_RATINGS,
  RATING_PRIOR,
  qualityPoints,
  summarizeRatings,
} from '../../../packages/core/src/evaluation';
import { compareFractions, type Fraction } from '../../../packages/core/src/evaluation/fraction';
import { addToSummary, answerRating, averageHundredths, rateMilestone } from '../../../packages/core/src/rating';
import { AT, LATER, coSponsor, confirmed, lead, otherProvider, provider, record } from '../escrow/fixtures';
import { expectDomainError } from './fixtures';

const stars = fc.integer({ min: 1, max: 5 });
const history = fc.array(stars, { maxLength: 60 });
const policy = fc.integer({ min: 0, max: 100 }).map((a) => ({ accreditationPoints: a, ratingPoints: 100 - a }));
const points = (ratings: readonly number[], accredited = false, p = DEFAULT_QUALITY_POLICY): Fraction =>
  qualityPoints({ accredited, ratings: summarizeRatings(ratings) }, p);
const toNumber = (f: Fraction) => Number(f.num) / Number(f.den);

describe('quality: accreditation plus a Bayesian average of ratings (properties)', () => {
  it('is bounded: 0 to 100 points, the rating part never above its share', () => {
    fc.assert(
      fc.property(history, fc.boolean(), policy, (ratings, accredited, p) => {
        const q = toNumber(points(ratings, accredited, p));
        expect(q).toBeGreaterThanOrEqual(accredited ? p.accreditationPoints : 0);
        expect(q).toBeLessThanOrEqual(accredited ? 100 : p.ratingPoints);
      }),
    );
  });

  it('is monotone in ratings: one more star on any rating, or a better extra rating, never lowers the score', () => {
    fc.assert(
      fc.property(fc.array(stars, { minLength: 1, maxLength: 60 }), fc.nat(), stars, stars, (ratings, at, a, b) => {
        const i = at % ratings.length;
        const better = ratings.map((r, j) => (j === i ? Math.min(5, r + 1) : r));
        expect(compareFractions(points(better), points(ratings))).toBeGreaterThanOrEqual(0);
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(compareFractions(points([...ratings, high]), points([...ratings, low]))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a rating above the current average raises it, one below lowers it, three stars leaves a newcomer neutral', () => {
    fc.assert(
      fc.property(history, stars, (ratings, next) => {
        const before = toNumber(points(ratings));
        const after = toNumber(points([...ratings, next]));
        const { count, stars: sum } = summarizeRatings(ratings);
        const mean = (RATING_PRIOR.weight * RATING_PRIOR.stars + sum) / (RATING_PRIOR.weight + count);
        if (next > mean) expect(after).toBeGreaterThan(before);
        if (next < mean) expect(after).toBeLessThan(before);
      }),
    );
    expect(toNumber(points([3, 3, 3]))).toBe(toNumber(points([])));
  });

  it('few ratings stay near the prior: up to its weight of them move a newcomer ≤ ¼ of the rating points', () => {
    fc.assert(
      fc.property(fc.array(stars, { maxLength: RATING_PRIOR.weight }), policy, (ratings, p) => {
        const neutral = toNumber(qualityPoints({ accredited: false, ratings: NO_RATINGS }, p));
        const moved = Math.abs(toNumber(points(ratings, false, p)) - neutral);
        // n ratings move the mean at most 2n/(w+n) stars of the 4 between 1 and 5: ≤ 1 star when n ≤ w.
        expect(moved).toBeLessThanOrEqual(p.ratingPoints / 4 + 1e-9);
      }),
    );
    // One 1-star rating of a newcomer costs 6.67 of its 40 points, not all of them.
    expect(toNumber(points([1]))).toBeGreaterThan(33);
  });

  it('a long record outweighs the prior: 100 one-star ratings are near the floor, 100 five-star near the top', () => {
    expect(toNumber(points(Array(100).fill(1)))).toBeLessThan(4);
    expect(toNumber(points(Array(100).fill(5)))).toBeGreaterThan(76);
  });

  it('summaries add up as the ratings do', () => {
    fc.assert(
      fc.property(history, stars, (ratings, next) => {
        expect(addToSummary(summarizeRatings(ratings), next)).toEqual(summarizeRatings([...ratings, next]));
      }),
    );
    expect(averageHundredths({ count: 2, stars: 9 })).toBe(450);
    expect(averageHundredths(NO_RATINGS)).toBeUndefined();
  });
});

describe('rating an accepted milestone', () => {
  const accepted = () => acceptMilestone(confirmed(record()), 0, lead, LATER).record;

  it('the lead association rates an accepted milestone, per cluster and category', () => {
    const rating = rateMilestone(accepted(), 0, lead, { stars: 4, comment: '  Trainers knew the machines ' }, LATER);
    expect(rating).toMatchObject({
      milestoneIndex: 0,
      milestoneName: 'Course delivered',
      providerId: provider.organisationId,
      raterId: lead.organisationId,
      category: 'training',
      stars: 4,
      comment: 'Trainers knew the machines',
      by: lead.userId,
    });
  });

  it('refuses a provider (it cannot rate itself), a co-sponsor, a milestone not yet accepted, bad stars', () => {
    const input = { stars: 5, comment: 'Good' };
    expectDomainError(() => rateMilestone(accepted(), 0, provider, input, LATER), 'RATING.LEAD_ONLY', 'forbidden');
    expectDomainError(() => rateMilestone(accepted(), 0, coSponsor, input, LATER), 'RATING.LEAD_ONLY', 'forbidden');
    expectDomainError(() => rateMilestone(confirmed(record()), 0, lead, input, AT), 'RATING.NOT_ACCEPTED', 'conflict');
    expectDomainError(() => rateMilestone(accepted(), 1, lead, input, LATER), 'RATING.NOT_ACCEPTED', 'conflict');
    expect(() => rateMilestone(accepted(), 0, lead, { stars: 6, comment: 'Good' }, LATER)).toThrow();
    expect(() => rateMilestone(accepted(), 0, lead, { stars: 3, comment: '   ' }, LATER)).toThrow();
  });

  it('the rated provider answers once; another provider does not learn the rating exists', () => {
    const rating = rateMilestone(accepted(), 0, lead, { stars: 2, comment: 'Late twice' }, LATER);
    const answered = answerRating(rating, provider, 'The trainer was ill; we have added a second one', LATER);
    expect(answered.answer).toMatchObject({
      text: 'The trainer was ill; we have added a second one',
      by: provider.userId,
    });
    expectDomainError(() => answerRating(answered, provider, 'Again', LATER), 'RATING.ALREADY_ANSWERED', 'conflict');
    expectDomainError(() => answerRating(rating, otherProvider, 'Not mine', LATER), 'RATING.NOT_FOUND', 'not_found');
    expectDomainError(() => answerRating(rating, lead, 'Not mine', LATER), 'RATING.NOT_FOUND', 'not_found');
  });
});
