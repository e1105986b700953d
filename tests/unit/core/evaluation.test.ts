import { describe, expect, it } from 'vitest';
import {
  NO_RATINGS,
  evaluate,
  qualityPoints,
  summarizeRatings,
  type ProviderQuality,
} from '../../../packages/core/src/evaluation';
import { PROVIDER_A, PROVIDER_B, aBid, aRequest, expectDomainError, idOf, inr, tiers } from './fixtures';

const evaluating = aRequest({ status: 'evaluating', minFirms: 10, maxFirms: 50, weights: { price: 60, quality: 40 } });
const none = new Map<string, ProviderQuality>();
const toNumber = (f: { num: bigint; den: bigint }) => Number(f.num) / Number(f.den);

describe('quality score', () => {
  it('maps the Bayesian average onto the rating points, a newcomer to neutral, accreditation on top', () => {
    // 100 five-star ratings: (5 × 3 + 500) / 105 stars → (515 − 105) / 420 of 80 points.
    expect(toNumber(qualityPoints({ accredited: true, ratings: summarizeRatings(Array(100).fill(5)) }))).toBeCloseTo(
      20 + (80 * 410) / 420,
    );
    expect(toNumber(qualityPoints({ accredited: false, ratings: NO_RATINGS }))).toBe(40);
    expect(toNumber(qualityPoints({ accredited: true, ratings: NO_RATINGS }))).toBe(60);
    expect(toNumber(qualityPoints({ accredited: false, ratings: summarizeRatings([3]) }))).toBe(40);
    // One 1-star rating of a newcomer: (15 + 1) / 6 = 2.67 stars, not 1.
    expect(toNumber(qualityPoints({ accredited: false, ratings: summarizeRatings([1]) }))).toBeCloseTo((80 * 10) / 24);
    expect(
      toNumber(
        qualityPoints({ accredited: false, ratings: NO_RATINGS }, { accreditationPoints: 0, ratingPoints: 100 }),
      ),
    ).toBe(50);
  });

  it('refuses ratings outside whole 1–5 stars, and summaries no ratings could make', () => {
    expectDomainError(() => summarizeRatings([4.5]), 'EVALUATION.BAD_RATING', 'invalid', 'quality');
    expectDomainError(() => summarizeRatings([0]), 'EVALUATION.BAD_RATING');
    expectDomainError(
      () => qualityPoints({ accredited: false, ratings: { count: 2, stars: 11 } }),
      'EVALUATION.BAD_RATING',
    );
    expectDomainError(
      () => qualityPoints({ accredited: false, ratings: { count: 2, stars: 1 } }),
      'EVALUATION.BAD_RATING',
    );
  });
});

describe('evaluation', () => {
  it('weighs price and quality (MEAT) and recommends the best score', () => {
    // Prepare: A is cheapest (8,000,000 for 20 firms), B costs 25 % more but is accredited with
    // 35 five-star ratings: (15 + 175) / 40 = 4.75 stars → 3.75 / 4 of 80 = 75, plus 20.
    const a = aBid({ id: idOf('bid', 1), providerId: PROVIDER_A, priceTiers: tiers([[10, 400_000]]) });
    const b = aBid({ id: idOf('bid', 2), providerId: PROVIDER_B, priceTiers: tiers([[10, 500_000]]) });
    const quality = new Map([[PROVIDER_B, { accredited: true, ratings: summarizeRatings(Array(35).fill(5)) }]]);
    // Act
    const result = evaluate(evaluating, [a, b], 20, quality);
    // Assess: A = 0.6 × 100 + 0.4 × 40 = 76; B = 0.6 × 80 + 0.4 × 95 = 86.
    expect(result).toMatchObject({
      outcome: 'ranked',
      volume: 20,
      invalid: [],
      ranking: [
        {
          bidId: b.id,
          providerId: PROVIDER_B,
          pricePerFirm: inr(500_000),
          total: inr(10_000_000),
          priceScore: 8_000,
          qualityScore: 9_500,
          score: 8_600,
          rank: 1,
        },
        {
          bidId: a.id,
          providerId: PROVIDER_A,
          pricePerFirm: inr(400_000),
          total: inr(8_000_000),
          priceScore: 10_000,
          qualityScore: 4_000,
          score: 7_600,
          rank: 2,
        },
      ],
      recommended: { bidId: b.id },
    });
  });

  it('decides an exact tie on the lower total, not on float rounding', () => {
    // Prepare: with weights 1/99, A = (100 + 99 × 460/7) / 100 and B = (100 × 2/35 + 99 × 200/3) / 100 are both
    // exactly 46240/700, but in floating point B comes out 1e-14 ahead. B also bid earlier and has the smaller id,
    // so only an exact comparison followed by the lower-total tie-break puts A first.
    const request = aRequest({ status: 'evaluating', minFirms: 1, maxFirms: 1, weights: { price: 1, quality: 99 } });
    const a = aBid({
      id: idOf('bid', 2),
      providerId: PROVIDER_A,
      priceTiers: tiers([[1, 2]]),
      capacity: 1,
      submittedAt: '2025-03-10T00:00:00.000Z',
    });
    const b = aBid({
      id: idOf('bid', 1),
      providerId: PROVIDER_B,
      priceTiers: tiers([[1, 35]]),
      capacity: 1,
      submittedAt: '2025-03-01T00:00:00.000Z',
    });
    const quality = new Map([
      // Nine and ten five-star ratings: (15 + 45) / 14 and (15 + 50) / 15 stars → 460/7 and 200/3 points.
      [PROVIDER_A, { accredited: false, ratings: { count: 9, stars: 45 } }],
      [PROVIDER_B, { accredited: false, ratings: { count: 10, stars: 50 } }],
    ]);
    const floatA = (1 * 100 + 99 * ((20 * 23) / 7)) / 100;
    const floatB = (1 * ((100 * 2) / 35) + 99 * ((20 * 10) / 3)) / 100;
    expect(floatB).toBeGreaterThan(floatA); // the trap a float implementation falls into
    // Act
    const result = evaluate(request, [b, a], 1, quality);
    // Assess
    expect(result.outcome === 'ranked' && result.ranking.map((r) => [r.bidId, r.score])).toEqual([
      [a.id, 6_605],
      [b.id, 6_605],
    ]);
  });

  it('caps the volume at maxFirms', () => {
    const result = evaluate(evaluating, [aBid({ capacity: 60 })], 70, none);
    expect(result).toMatchObject({
      outcome: 'ranked',
      pledgedFirms: 70,
      volume: 50,
      recommended: { total: inr(15_000_000) },
    });
  });

  it('ends unsuccessful with too few pledges', () => {
    expect(evaluate(evaluating, [aBid()], 9, none)).toMatchObject({
      outcome: 'unsuccessful',
      code: 'too_few_pledges',
      reason: expect.stringContaining('Only 9 firms'),
    });
  });

  it('lists every invalid bid with its reason, and ends unsuccessful when none is valid', () => {
    // Prepare
    const bids = [
      aBid({ id: idOf('bid', 1), status: 'withdrawn' }),
      aBid({ id: idOf('bid', 2), providerId: PROVIDER_B, priceTiers: tiers([[10, 5]], 'USD') }),
      aBid({ id: idOf('bid', 3), providerId: idOf('provider', 3), capacity: 15 }),
      aBid({ id: idOf('bid', 4), providerId: idOf('provider', 4), priceTiers: tiers([[25, 5]]) }),
      aBid({ id: idOf('bid', 5), providerId: idOf('provider', 5), requestId: idOf('request', 9) }),
      aBid({ id: idOf('bid', 6), providerId: idOf('provider', 6), version: 1 }),
      aBid({
        id: idOf('bid', 7),
        providerId: idOf('provider', 6),
        version: 2,
        capacity: 4,
        priceTiers: tiers([[1, 5]]),
      }),
      aBid({ id: idOf('bid', 8), providerId: idOf('provider', 8) }),
    ];
    // Act
    // Together the capacities (15 + 4 + 0 of 20) cannot cover the volume either: no split ranking.
    const result = evaluate(evaluating, bids, 20, none, { remainingCapacity: new Map([[idOf('provider', 8), 0]]) });
    // Assess
    expect(result).toMatchObject({ outcome: 'unsuccessful', code: 'no_valid_bid' });
    expect(result.invalid.map((i) => [i.bidId, i.reason])).toEqual([
      [idOf('bid', 1), 'withdrawn'],
      [idOf('bid', 2), 'currency_mismatch'],
      [idOf('bid', 3), 'over_capacity'],
      [idOf('bid', 4), 'below_first_tier'],
      [idOf('bid', 5), 'wrong_request'],
      [idOf('bid', 6), 'superseded'],
      [idOf('bid', 7), 'over_capacity'],
      [idOf('bid', 8), 'over_remaining_capacity'],
    ]);
  });

  it('ranks the bids left out for capacity for a split when together they can serve the volume (issue 13)', () => {
    // Prepare: neither can serve 20 firms; 10 + 10 can.
    const bids = [
      aBid({ id: idOf('bid', 1), capacity: 10 }),
      aBid({ id: idOf('bid', 2), providerId: PROVIDER_B, capacity: 10, priceTiers: tiers([[10, 450_000]]) }),
    ];
    // Act
    const result = evaluate(evaluating, bids, 20, none);
    // Assess: priced at what each can take, the cheaper per firm first; nothing left out.
    expect(result).toMatchObject({ outcome: 'ranked', split: true, volume: 20, invalid: [] });
    if (result.outcome !== 'ranked') throw new Error('ranked');
    expect(result.ranking.map((r) => [r.bidId, r.capacity, r.total.amount])).toEqual([
      [idOf('bid', 2), 10, 4_500_000],
      [idOf('bid', 1), 10, 5_000_000],
    ]);
  });

  it('ends unsuccessful when nobody bid', () => {
    expect(evaluate(evaluating, [], 20, none)).toMatchObject({
      outcome: 'unsuccessful',
      code: 'no_valid_bid',
      reason: 'No provider bid',
    });
  });

  it('evaluates only a closed request', () => {
    expectDomainError(
      () => evaluate(aRequest({ status: 'open' }), [aBid()], 20, none),
      'EVALUATION.NOT_CLOSED',
      'conflict',
    );
    expectDomainError(
      () => evaluate(evaluating, [aBid()], 2.5, none),
      'EVALUATION.BAD_PLEDGE_COUNT',
      'invalid',
      'pledgedFirms',
    );
  });
});
