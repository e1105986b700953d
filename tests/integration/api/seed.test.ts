import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sizeClass } from '@bds/core';
import { seedMarketplace } from '../../../functions/local/seed/marketplace';
import { CLUSTERS } from '../../../functions/local/seed/data';
import { testApp, type TestApp } from '../support/test-app';
import { APPEAL, KNIDGRO, LUDHIANA, demoActor, providerActor, tokenOf } from './support';

describe('the demo marketplace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.stop());

  it('has member registers of mixed sizes, with micro, non-mechanised and women-led firms', async () => {
    const { items } = await t.stores.firms.listByAssociation(LUDHIANA, KNIDGRO, { limit: 100 });
    expect(new Set(items.map((f) => sizeClass(f.employees)))).toEqual(new Set(['micro', 'small', 'medium']));
    expect(items.some((f) => !f.mechanised && f.womenLed)).toBe(true);
    expect((await t.stores.firms.listByAssociation(LUDHIANA, APPEAL, { limit: 100 })).items.length).toBeGreaterThan(0);
  });

  it('has open requests with pledges and sealed bids, deadlines in the future, one awarded and one split', async () => {
    const now = Date.now();
    const all = await Promise.all(
      Object.values(CLUSTERS).map((c) => t.stores.requests.listByCluster(c.id, { limit: 50 })),
    );
    const requests = all.flatMap((p) => p.items);
    const open = requests.filter((r) => r.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(4);
    for (const r of open) expect(Date.parse(r.biddingDeadline)).toBeGreaterThan(now);
    expect(open.find((r) => r.title.includes('17'))?.pledgedFirms).toBe(17);
    // One award to one provider, and one split (issue 13): the split request and its two contracts.
    const awarded = requests.filter((r) => r.status === 'awarded' && !r.splitAward && !r.contractOf);
    expect(awarded).toHaveLength(1);
    const split = requests.find((r) => r.splitAward);
    expect(split?.splitAward?.contracts.map((c) => c.volume).reduce((a, b) => a + b, 0)).toBe(6);
    const contracts = requests.filter((r) => r.contractOf?.requestId === split?.id);
    expect(contracts.map((c) => c.status)).toEqual(['awarded', 'awarded']);
    expect(new Set(contracts.map((c) => c.award?.providerId)).size).toBe(2);
    expect(
      (await t.stores.audit.list(awarded[0]!.clusterId, { limit: 20 })).items.some((e) => e.subject === awarded[0]!.id),
    ).toBe(true);
    // Sealed: the lead association sees no bid on its open IT training request; the bidder sees its own.
    const training = open.find((r) => r.title.includes('17'))!;
    const path = `/api/clusters/${LUDHIANA}/requests/${training.id}/bids`;
    expect((await t.call('GET', path, { token: await tokenOf(t, demoActor('knidgro')) })).body.items).toEqual([]);
    expect(
      (await t.call('GET', path, { token: await tokenOf(t, providerActor('itTraining')) })).body.items,
    ).toHaveLength(1);
  });

  it('seeds again without creating anything or moving a deadline', async () => {
    const before = await t.stores.requests.listByCluster(LUDHIANA, { limit: 50 });
    expect((await seedMarketplace(t.stores, () => undefined)).created).toBe(0);
    expect((await t.stores.requests.listByCluster(LUDHIANA, { limit: 50 })).items).toEqual(before.items);
  });
});
