import { describe, expect, it } from 'vitest';
import { closeAndEvaluate } from '../../../packages/core/src/marketplace-close';
import {
  PROVIDER_A,
  PROVIDER_B,
  aBid,
  aRequest,
  atDeadline,
  beforeDeadline,
  expectDomainError,
  idOf,
  tiers,
} from './fixtures';

const open = aRequest({ minFirms: 10, maxFirms: 50, weights: { price: 50, quality: 50 } });
const bidA = { ...aBid({ id: idOf('bid', 1), providerId: PROVIDER_A }), providerAccredited: false };
const bidB = {
  ...aBid({
    id: idOf('bid', 2),
    providerId: PROVIDER_B,
    priceTiers: tiers([
      [10, 520_000],
      [20, 410_000],
    ]),
  }),
  providerAccredited: true,
};

describe('closeAndEvaluate', () => {
  it('closes at the deadline and ranks the live bids, accreditation counting for quality', () => {
    const { next, result } = closeAndEvaluate(open, [bidA, bidB], 20, atDeadline);
    expect(next).toMatchObject({ status: 'evaluating', version: open.version + 1 });
    expect(result.outcome).toBe('ranked');
    // B is 2.5 % dearer at 20 firms but accredited: with quality weighing half, it wins.
    if (result.outcome === 'ranked') expect(result.recommended.bidId).toBe(bidB.id);
    const unaccredited = closeAndEvaluate(open, [bidA, { ...bidB, providerAccredited: false }], 20, atDeadline).result;
    if (unaccredited.outcome === 'ranked') expect(unaccredited.recommended.bidId).toBe(bidA.id);
  });

  it('ends unsuccessful with the reason when too few firms pledged', () => {
    const { next, result } = closeAndEvaluate(open, [bidA], 6, atDeadline);
    expect(result).toMatchObject({ outcome: 'unsuccessful', code: 'too_few_pledges' });
    expect(next).toMatchObject({
      status: 'unsuccessful',
      unsuccessfulReason: 'Only 6 firms pledged; at least 10 were needed',
    });
  });

  it('leaves a withdrawn bid out entirely, not even listed as invalid', () => {
    const { next, result } = closeAndEvaluate(open, [{ ...bidA, status: 'withdrawn' }], 20, atDeadline);
    expect(result).toMatchObject({ outcome: 'unsuccessful', code: 'no_valid_bid', invalid: [] });
    expect(next.unsuccessfulReason).toBe('No provider bid');
  });

  it('refuses before the deadline, and a request that is not open', () => {
    expectDomainError(
      () => closeAndEvaluate(open, [bidA], 20, beforeDeadline),
      'REQUEST.DEADLINE_NOT_REACHED',
      'conflict',
    );
    expectDomainError(
      () => closeAndEvaluate({ ...open, status: 'draft' }, [bidA], 20, atDeadline),
      'REQUEST.ILLEGAL_TRANSITION',
      'conflict',
    );
  });
});
