import { describe, expect, it } from 'vitest';
import { reviseBid, submitBid, withdrawBid, type NewBid } from '../../../packages/core/src/bid';
import {
  PROVIDER_A,
  PROVIDER_B,
  aRequest,
  atDeadline,
  beforeDeadline,
  countingIds,
  created,
  expectDomainError,
  tiers,
} from './fixtures';

const request = aRequest(); // open, INR, 10–50 firms
const terms = (overrides: Partial<NewBid> = {}): NewBid => ({
  priceTiers: tiers([
    [10, 500_000],
    [20, 400_000],
  ]),
  capacity: 50,
  deliveryPlan: 'Install in week one, train in weeks two and three.',
  ...overrides,
});
const asA = { providerId: PROVIDER_A, ids: countingIds(), clock: beforeDeadline };
const submitted = submitBid(request, [], terms(), { ...asA, clock: created });

describe('bids', () => {
  it('submits a live bid, version 1, stamped with the request and provider', () => {
    expect(submitted).toMatchObject({
      requestId: request.id,
      clusterId: request.clusterId,
      providerId: PROVIDER_A,
      status: 'live',
      version: 1,
    });
    expect(submitted.id).toMatch(/^bid_/);
  });

  it('keeps one live bid per provider per request', () => {
    expectDomainError(() => submitBid(request, [submitted], terms(), asA), 'BID.ALREADY_SUBMITTED', 'conflict');
    expect(submitBid(request, [submitted], terms(), { ...asA, providerId: PROVIDER_B }).providerId).toBe(PROVIDER_B);
    const withdrawn = withdrawBid(request, submitted, asA);
    expect(submitBid(request, [withdrawn], terms(), asA).status).toBe('live');
  });

  it('revises in place: same id, version + 1, new terms, new submission time', () => {
    const revised = reviseBid(
      request,
      { ...submitted, milestoneProposal: [{ name: 'All', shareBasisPoints: 10_000 }] },
      terms({ capacity: 40 }),
      asA,
    );
    const at = new Date(beforeDeadline.now()).toISOString();
    expect(revised).toMatchObject({
      id: submitted.id,
      version: 2,
      capacity: 40,
      status: 'live',
      submittedAt: at,
      updatedAt: at,
    });
    expect(submitted.submittedAt).not.toBe(at);
    expect(revised).not.toHaveProperty('milestoneProposal');
  });

  it('refuses revising or withdrawing at or after the deadline', () => {
    expectDomainError(
      () => reviseBid(request, submitted, terms(), { providerId: PROVIDER_A, clock: atDeadline }),
      'BID.DEADLINE_PASSED',
      'conflict',
    );
    expectDomainError(
      () => withdrawBid(request, submitted, { providerId: PROVIDER_A, clock: atDeadline }),
      'BID.DEADLINE_PASSED',
    );
    expectDomainError(() => submitBid(request, [], terms(), { ...asA, clock: atDeadline }), 'BID.DEADLINE_PASSED');
    expectDomainError(() => submitBid(aRequest({ status: 'cancelled' }), [], terms(), asA), 'BID.REQUEST_NOT_OPEN');
  });

  it('lets only the bidder change a bid, and only while it is live', () => {
    expectDomainError(
      () => withdrawBid(request, submitted, { providerId: PROVIDER_B, clock: beforeDeadline }),
      'BID.NOT_OWNER',
      'forbidden',
    );
    const withdrawn = withdrawBid(request, submitted, asA);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 2 });
    expectDomainError(() => reviseBid(request, withdrawn, terms(), asA), 'BID.NOT_LIVE', 'conflict');
  });

  it('checks the terms against the request', () => {
    expectDomainError(
      () => submitBid(request, [], terms({ priceTiers: tiers([[10, 5]], 'USD') }), asA),
      'BID.CURRENCY_MISMATCH',
      'invalid',
      'priceTiers',
    );
    expectDomainError(
      () => submitBid(request, [], terms({ priceTiers: tiers([[51, 5]]), capacity: 60 }), asA),
      'BID.TIERS_OUT_OF_RANGE',
      'invalid',
      'priceTiers',
    );
    expectDomainError(
      () => submitBid(request, [], terms({ priceTiers: tiers([[5, 5]]), capacity: 9 }), asA),
      'BID.CAPACITY_TOO_LOW',
      'invalid',
      'capacity',
    );
    const invited = aRequest({ visibility: 'invited', invitedProviderIds: [PROVIDER_B] });
    expectDomainError(() => submitBid(invited, [], terms(), asA), 'BID.NOT_INVITED', 'forbidden', 'providerId');
    // A first tier above minFirms is allowed: the provider declines small volumes.
    expect(submitBid(request, [], terms({ priceTiers: tiers([[20, 4]]) }), asA).priceTiers[0]?.minFirms).toBe(20);
  });
});
