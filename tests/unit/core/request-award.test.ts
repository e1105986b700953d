import { describe, expect, it } from 'vitest';
import { award, awardBasis, type AwardBasis, type AwardCandidate } from '../../../packages/core/src/request';
import { PROVIDER_A, PROVIDER_B, aRequest, atDeadline, expectDomainError, idOf, inr } from './fixtures';

const USER = idOf('user', 3);
const first: AwardCandidate = {
  bidId: idOf('bid', 1),
  providerId: PROVIDER_A,
  pricePerFirm: inr(400_000),
  total: inr(8_000_000),
  rank: 1,
};
const second: AwardCandidate = {
  bidId: idOf('bid', 2),
  providerId: PROVIDER_B,
  pricePerFirm: inr(450_000),
  total: inr(9_000_000),
  rank: 2,
};
const evaluating = aRequest({ status: 'evaluating' });
const basis: AwardBasis = { requestId: evaluating.id, volume: 20, ranking: [first, second], recommended: first };
const REASON = 'Provider B runs its training in Punjabi, which most of our members need';

describe('awarding a request', () => {
  it('awards the recommended bid by default and records it for the audit trail', () => {
    const awarded = award(evaluating, { basis, awardedBy: USER }, atDeadline);
    expect(awarded.status).toBe('awarded');
    expect(awarded.award).toEqual({
      bidId: first.bidId,
      providerId: PROVIDER_A,
      volume: 20,
      pricePerFirm: inr(400_000),
      total: inr(8_000_000),
      recommendedBidId: first.bidId,
      awardedBy: USER,
      awardedAt: '2025-03-15T12:00:00.000Z',
    });
  });

  it('awards another ranked bid only with a written reason, which it keeps', () => {
    expectDomainError(
      () => award(evaluating, { basis, bidId: second.bidId, awardedBy: USER }, atDeadline),
      'REQUEST.REASON_REQUIRED',
      'invalid',
      'reason',
    );
    expectDomainError(
      () => award(evaluating, { basis, bidId: second.bidId, reason: 'cheaper', awardedBy: USER }, atDeadline),
      'REQUEST.REASON_REQUIRED',
    );
    const awarded = award(evaluating, { basis, bidId: second.bidId, reason: REASON, awardedBy: USER }, atDeadline);
    expect(awarded.award).toMatchObject({
      bidId: second.bidId,
      recommendedBidId: first.bidId,
      reason: REASON,
      total: inr(9_000_000),
    });
  });

  it('refuses a bid that is not ranked and an evaluation of another request', () => {
    expectDomainError(
      () => award(evaluating, { basis, bidId: idOf('bid', 9), reason: REASON, awardedBy: USER }, atDeadline),
      'REQUEST.BID_NOT_RANKED',
      'invalid',
      'bidId',
    );
    expectDomainError(
      () => award(evaluating, { basis: { ...basis, requestId: idOf('request', 9) }, awardedBy: USER }, atDeadline),
      'REQUEST.EVALUATION_MISMATCH',
    );
  });

  it('awards only an evaluating request', () => {
    expectDomainError(
      () => award(aRequest({ status: 'open' }), { basis, awardedBy: USER }, atDeadline),
      'REQUEST.ILLEGAL_TRANSITION',
      'conflict',
    );
  });
});

describe('the basis of an award', () => {
  it('is the ranking of the stored evaluation, without what the award does not keep', () => {
    // Prepare: a stored evaluation carries more than the basis (its outcome, who evaluated)
    const stored = { ...basis, outcome: 'ranked', evaluatedBy: USER };
    // Act + Assess
    expect(awardBasis(evaluating, stored)).toEqual(basis);
  });

  it('lets the state machine speak first, then refuses an evaluation without a ranking', () => {
    expectDomainError(() => awardBasis(aRequest({ status: 'awarded' }), basis), 'REQUEST.ILLEGAL_TRANSITION');
    expectDomainError(() => awardBasis(aRequest({ status: 'cancelled' }), undefined), 'REQUEST.ILLEGAL_TRANSITION');
    expectDomainError(() => awardBasis(evaluating, undefined), 'EVALUATION.NOT_RANKED', 'conflict');
    const unsuccessful = { requestId: evaluating.id, ranking: [] };
    expectDomainError(() => awardBasis(evaluating, unsuccessful), 'EVALUATION.NOT_RANKED', 'conflict');
  });
});
