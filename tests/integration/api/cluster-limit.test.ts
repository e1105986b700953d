import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSOCIATIONS, CLUSTERS } from '../../../functions/local/seed/data';
import type { TestApp } from '../support/test-app';
import { demoActor, LUDHIANA, marketApp, tokenOf } from './support';

describe('per-cluster request limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await marketApp();
  });
  afterAll(() => t.stop());

  it('a cluster hammered past its limit gets 429 with Retry-After while another cluster keeps succeeding', async () => {
    // Prepare: Pune at the national floor, 60 requests a minute
    const pune = CLUSTERS.pune.id;
    const admin = await tokenOf(t, {
      userId: 'usr_pune_cda',
      role: 'cluster_admin',
      organisationId: pune,
      clusterIds: [pune],
    });
    const rep = await tokenOf(t, {
      userId: 'usr_pfpc',
      role: 'association_rep',
      organisationId: ASSOCIATIONS.pfpc.id,
      clusterIds: [pune],
    });
    const policy = (await t.call('GET', `/api/clusters/${pune}/policy`, { token: admin })).body;
    expect(
      (
        await t.call('PUT', `/api/clusters/${pune}/policy`, {
          token: admin,
          body: { ...policy, requestsPerMinute: 60 },
        })
      ).status,
    ).toBe(200);
    // A limit change reaches every instance within its 30 s policy cache.
    // The hammering starts a second into a fresh minute window, so it cannot straddle two windows.
    const now = t.clock.now();
    (t.clock as unknown as { set(ms: number): void }).set(now - (now % 60_000) + 2 * 60_000 + 1_000);
    const knidgro = await tokenOf(t, demoActor('knidgro'));
    // Act: 100 calls on Pune and 40 on Ludhiana, interleaved and concurrent
    const calls = Array.from({ length: 140 }, (_, i) =>
      i % 7 < 5
        ? t.call('GET', `/api/clusters/${pune}/requests`, { token: rep }).then((r) => ({ cluster: 'pune', ...r }))
        : t
            .call('GET', `/api/clusters/${LUDHIANA}/requests`, { token: knidgro })
            .then((r) => ({ cluster: 'ludhiana', ...r })),
    );
    const results = await Promise.all(calls);
    // Assess
    const puneResults = results.filter((r) => r.cluster === 'pune');
    const limited = puneResults.filter((r) => r.status === 429);
    expect(puneResults.filter((r) => r.status === 200).length).toBeLessThanOrEqual(60);
    expect(limited.length).toBeGreaterThanOrEqual(100 - 60 - 2); // the policy read and write count too
    for (const r of limited) {
      expect(r.type).toContain('application/problem+json');
      expect(r.body.code).toBe('CLUSTER.RATE_LIMITED');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(results.filter((r) => r.cluster === 'ludhiana').map((r) => r.status)).toEqual(Array(40).fill(200));
  });
});
