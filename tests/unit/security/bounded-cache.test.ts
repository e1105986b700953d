import { describe, expect, it } from 'vitest';
import type { Actor, Cluster } from '@bds/core';
import { boundedCache } from '../../../functions/api/security/cache';
import { clusterGuard } from '../../../functions/api/security/cluster-guard';
import type { AnyRoute } from '../../../functions/api/route';
import type { Deps } from '../../../functions/api/deps';

const nationalAdmin: Actor = { userId: 'usr_nac', role: 'national_admin', organisationId: 'org_nac', clusterIds: [] };
const writeRoute = { method: 'put' } as AnyRoute;

describe('bounded cache', () => {
  it('keeps at most maxEntries, dropping the least recently used', async () => {
    // Prepare
    const cache = boundedCache<number>({ ttlMs: 60_000, maxEntries: 3, now: () => 0 });
    const load = (n: number) => async () => n;
    // Act
    for (const k of ['a', 'b', 'c']) await cache.get(k, load(1));
    await cache.get('a', load(99)); // a is now the most recent
    await cache.get('d', load(4));
    // Assess
    expect(cache.size).toBe(3);
    expect(await cache.get('a', load(2))).toBe(1);
    expect(await cache.get('b', load(5))).toBe(5); // b was evicted, so it loads again
  });

  it('reloads after the time to live', async () => {
    let now = 0;
    const cache = boundedCache<string>({ ttlMs: 1_000, maxEntries: 10, now: () => now });
    await cache.get('k', async () => 'old');
    now = 1_000;
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });
});

describe('tenant guard cache', () => {
  it('stays bounded however many distinct cluster ids callers send', async () => {
    // Prepare: a store whose every read finds nothing (no cluster has these made-up ids)
    let reads = 0;
    const stores = { clusters: { get: async (): Promise<Cluster | undefined> => (reads++, undefined) } };
    const guard = clusterGuard({ clock: { now: () => 0 }, stores } as unknown as Pick<Deps, 'clock' | 'stores'>);
    // Act
    for (let i = 0; i < 5_000; i++) await guard(nationalAdmin, `clu_${i.toString(36)}`, writeRoute);
    // Assess
    expect(reads).toBe(5_000);
    expect(guard.cache.size).toBeLessThanOrEqual(2_000);
  });
});
