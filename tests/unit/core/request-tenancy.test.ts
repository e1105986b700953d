import { describe, expect, it } from 'vitest';
import { assertRequestInCluster, categoryAllowed, type ClusterFacts } from '../../../packages/core/src/request';
import { defaultClusterPolicy } from '../../../packages/core/src/identity';
import { CLUSTER, expectDomainError, idOf } from './fixtures';

const OTHER_CLUSTER = idOf('cluster', 2);
const LOCAL_ASSOC = idOf('association', 1);
const FOREIGN_ASSOC = idOf('association', 2);
const APPROVED = idOf('provider', 1);
const STRANGER = idOf('provider', 2);

const facts = (overrides: Partial<ClusterFacts> = {}): ClusterFacts => ({
  clusterId: CLUSTER,
  policy: {
    eligibleCategories: ['training'],
    customCategories: [{ slug: 'custom:food-hygiene', label: 'Food hygiene', innovative: false }],
  },
  associations: [
    { id: LOCAL_ASSOC, clusterId: CLUSTER },
    { id: FOREIGN_ASSOC, clusterId: OTHER_CLUSTER },
  ],
  approvedProviderIds: [APPROVED],
  ...overrides,
});
const parties = { category: 'training' as const, coSponsorIds: [] as string[], invitedProviderIds: [] as string[] };

describe('a request names only what belongs to its cluster', () => {
  it('accepts an eligible category, a local co-sponsor and an approved provider', () => {
    expect(() =>
      assertRequestInCluster({ ...parties, coSponsorIds: [LOCAL_ASSOC], invitedProviderIds: [APPROVED] }, facts()),
    ).not.toThrow();
    expect(() => assertRequestInCluster({ ...parties, category: 'custom:food-hygiene' }, facts())).not.toThrow();
  });

  it.each([['design'], ['custom:never-defined']])('refuses %s when the policy allows only training', (category) => {
    expectDomainError(
      () => assertRequestInCluster({ ...parties, category: category as 'design' }, facts()),
      'REQUEST.CATEGORY_NOT_ALLOWED',
      'invalid',
      'category',
    );
  });

  it("refuses another cluster's association as co-sponsor, naming its position", () => {
    const act = () => assertRequestInCluster({ ...parties, coSponsorIds: [LOCAL_ASSOC, FOREIGN_ASSOC] }, facts());
    expectDomainError(act, 'REQUEST.CROSS_CLUSTER', 'forbidden', 'coSponsorIds.1');
  });

  it('refuses a co-sponsor id that exists nowhere', () => {
    const act = () => assertRequestInCluster({ ...parties, coSponsorIds: [idOf('association', 9)] }, facts());
    expectDomainError(act, 'REQUEST.CROSS_CLUSTER', 'forbidden', 'coSponsorIds.0');
  });

  it('refuses inviting a provider not approved in the cluster', () => {
    const act = () => assertRequestInCluster({ ...parties, invitedProviderIds: [APPROVED, STRANGER] }, facts());
    expectDomainError(act, 'REQUEST.PROVIDER_NOT_IN_CLUSTER', 'invalid', 'invitedProviderIds.1');
  });

  it('the national default policy allows every built-in category', () => {
    expect(categoryAllowed('export-advice', defaultClusterPolicy())).toBe(true);
    expect(categoryAllowed('custom:x', defaultClusterPolicy())).toBe(false);
  });
});
