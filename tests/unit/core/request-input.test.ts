import { describe, expect, it } from 'vitest';
import { NewServiceRequest, ServiceRequest, createRequest } from '../../../packages/core/src/request';
import {
  CLUSTER,
  CO_SPONSOR,
  LEAD,
  PROVIDER_A,
  aNewRequest,
  countingIds,
  created,
  expectDomainError,
  atDeadline,
} from './fixtures';

const ctx = () => ({ clusterId: CLUSTER, associationId: LEAD, ids: countingIds(), clock: created });

/** The paths of every issue the input schema reports. */
function issuePaths(input: unknown): string[] {
  const result = NewServiceRequest.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('posting a service request', () => {
  it('accepts a consistent request', () => {
    expect(issuePaths(aNewRequest())).toEqual([]);
  });

  it.each([
    ['a deadline after the window opens', { biddingDeadline: '2025-04-01T00:00:00.000Z' }, 'biddingDeadline'],
    [
      'a window that ends before it starts',
      { deliveryWindow: { start: '2025-04-10', end: '2025-04-01' } },
      'deliveryWindow.end',
    ],
    ['minFirms above maxFirms', { minFirms: 60, maxFirms: 50 }, 'minFirms'],
    ['weights that do not sum to 100', { weights: { price: 70, quality: 40 } }, 'weights'],
    [
      'milestone shares that do not sum to 10000',
      { milestones: [{ name: 'All', shareBasisPoints: 9_999 }] },
      'milestones',
    ],
    [
      'two milestones with one name',
      {
        milestones: [
          { name: 'Part', shareBasisPoints: 5_000 },
          { name: 'part', shareBasisPoints: 5_000 },
        ],
      },
      'milestones.1.name',
    ],
    ['an invited request with nobody invited', { visibility: 'invited', invitedProviderIds: [] }, 'invitedProviderIds'],
    [
      'invitations on a cluster-wide request',
      { visibility: 'cluster', invitedProviderIds: [PROVIDER_A] },
      'invitedProviderIds',
    ],
    [
      'a provider invited twice',
      { visibility: 'invited', invitedProviderIds: [PROVIDER_A, PROVIDER_A] },
      'invitedProviderIds',
    ],
    ['an unknown category', { category: 'fairs' }, 'category'],
    [
      'a fractional milestone share',
      { milestones: [{ name: 'All', shareBasisPoints: 9_999.5 }] },
      'milestones.0.shareBasisPoints',
    ],
  ] as const)('reports %s on its field', (_what, override, field) => {
    expect(issuePaths(aNewRequest(override as Partial<NewServiceRequest>))).toEqual([field]);
  });

  it('accepts a custom category and a 12.5 % milestone', () => {
    const input = aNewRequest({
      category: 'custom:food-hygiene',
      milestones: [
        { name: 'Advance', shareBasisPoints: 1_250 },
        { name: 'Rest', shareBasisPoints: 8_750 },
      ],
    });
    expect(issuePaths(input)).toEqual([]);
  });

  it('creates a draft, version 1, with the deadline stored in UTC', () => {
    const draft = createRequest(
      aNewRequest({ biddingDeadline: '2025-03-15T17:30:00+05:30', coSponsorIds: [CO_SPONSOR] }),
      ctx(),
    );
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      clusterId: CLUSTER,
      associationId: LEAD,
      biddingDeadline: '2025-03-15T12:00:00.000Z',
    });
    expect(ServiceRequest.safeParse(draft).success).toBe(true);
  });

  it('refuses a deadline that is not in the future', () => {
    expectDomainError(
      () => createRequest(aNewRequest(), { ...ctx(), clock: atDeadline }),
      'REQUEST.DEADLINE_PASSED',
      'invalid',
      'biddingDeadline',
    );
  });

  it('refuses a lead that co-sponsors itself', () => {
    expectDomainError(
      () => createRequest(aNewRequest({ coSponsorIds: [LEAD] }), ctx()),
      'REQUEST.CO_SPONSOR_IS_LEAD',
      'invalid',
      'coSponsorIds',
    );
  });
});
