import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role, type Actor } from '@bds/core';
import { measure, meterDb } from '../../../functions/adapters/dynamo/metrics';
import { CLUSTERS, PROVIDERS } from '../../../functions/local/seed/data';
import { testClock, type TestApp } from '../support/test-app';
import { demoActor, JAIPUR, LUDHIANA, marketApp, newRequest, openRequestVia, tokenOf } from './support';

const HOUR = 3_600_000;
const TIRUPUR = CLUSTERS.tirupur.id;

/** A provider admitted to three clusters (the token carries them, as sign-in resolves them). */
const provider: Actor = {
  userId: 'usr_open',
  role: 'provider',
  organisationId: PROVIDERS.itTraining.id,
  clusterIds: [LUDHIANA, JAIPUR, TIRUPUR],
};

describe('GET /api/me/open-requests: a provider’s open requests across its clusters in one call', () => {
  const clock = testClock();
  let t: TestApp;
  let token: string;
  const opened: { id: string; clusterId: string; deadline: number; category: string }[] = [];

  beforeAll(async () => {
    // Prepare: nine open requests in Ludhiana and Jaipur, deadlines interleaved between the clusters, two categories.
    t = await marketApp({ clock });
    meterDb(t.stores.db);
    const [knidgro, calico] = await Promise.all([tokenOf(t, demoActor('knidgro')), tokenOf(t, demoActor('calico'))]);
    for (let i = 0; i < 9; i++) {
      const clusterId = i % 3 === 0 ? JAIPUR : LUDHIANA;
      const deadline = clock.now() + (2 + ((i * 5) % 9)) * HOUR;
      const category = i % 2 === 0 ? 'training' : 'design';
      const id = await openRequestVia(
        t,
        clusterId === JAIPUR ? calico : knidgro,
        clusterId,
        newRequest(clock.now(), {
          title: `Open request ${i}`,
          category,
          biddingDeadline: new Date(deadline).toISOString(),
        }),
      );
      opened.push({ id, clusterId, deadline, category });
    }
    token = await tokenOf(t, provider);
  }, 120_000);
  afterAll(() => t.stop());

  const get = (query = '') => t.call('GET', `/api/me/open-requests${query}`, { token });
  const byDeadline = (list: typeof opened) => [...list].sort((a, b) => a.deadline - b.deadline).map((r) => r.id);

  it('returns every open request of the clusters, soonest deadline first, with the clusters’ names', async () => {
    // Act
    const res = await get('?limit=100');
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual(byDeadline(opened));
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.clusters).toEqual(
      expect.arrayContaining([
        { id: LUDHIANA, name: CLUSTERS.ludhiana.name },
        { id: JAIPUR, name: CLUSTERS.jaipur.name },
        { id: TIRUPUR, name: CLUSTERS.tirupur.name },
      ]),
    );
  });

  it('equals the per-cluster lists it replaces, and costs one round trip of reads', async () => {
    // Prepare: the old way, one call per cluster.
    const perCluster = await Promise.all(
      provider.clusterIds.map((c) => t.call('GET', `/api/clusters/${c}/requests?status=open&limit=100`, { token })),
    );
    const fannedOut = perCluster.flatMap((r) => r.body.items as { id: string; biddingDeadline: string }[]);
    // Act
    const { result, usage } = await measure(() => get('?limit=100'));
    // Assess
    expect(result.body.items.map((r: { id: string }) => r.id).sort()).toEqual(fannedOut.map((r) => r.id).sort());
    expect(usage).toMatchObject({ readRoundTrips: 1, writeCalls: 0 });
    expect(usage.commands.filter((c) => c === 'Query')).toHaveLength(provider.clusterIds.length);
    expect(usage.commands.filter((c) => c === 'BatchGetItem')).toHaveLength(1);
  });

  it('pages with a cursor through the merged order, without a gap or a repeat', async () => {
    // Act
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((r: { id: string }) => r.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    // Assess
    expect(seen).toEqual(byDeadline(opened));
  });

  it('filters by category and by deadline', async () => {
    // Prepare
    const cut = clock.now() + 5.5 * HOUR;
    // Act
    const design = await get('?category=design&limit=100');
    const late = await get(`?closingAfter=${new Date(cut).toISOString()}&limit=100`);
    // Assess
    expect(design.body.items.map((r: { id: string }) => r.id)).toEqual(
      byDeadline(opened.filter((r) => r.category === 'design')),
    );
    expect(late.body.items.map((r: { id: string }) => r.id)).toEqual(
      byDeadline(opened.filter((r) => r.deadline > cut)),
    );
  });

  it('leaves out requests whose deadline has passed, though still open until closed', async () => {
    // Act: three hours on, the requests closing at +2 h and +3 h are past their deadline.
    clock.advance(3 * HOUR);
    token = await tokenOf(t, provider);
    const res = await get('?limit=100');
    // Assess
    const now = clock.now();
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual(byDeadline(opened.filter((r) => r.deadline > now)));
  });

  it('refuses a cursor it did not return, naming the field', async () => {
    // Act
    const forged = Buffer.from(JSON.stringify({ PK: `CLUSTER#${LUDHIANA}`, SK: 'REQ#x' })).toString('base64url');
    const res = await get(`?cursor=${forged}`);
    // Assess
    expect(res).toMatchObject({ status: 422, body: { code: 'PAGE.BAD_CURSOR', errors: [{ field: 'cursor' }] } });
  });

  it('is a provider’s list: every other role is refused by the role gate, and no token is a 401', async () => {
    // Prepare: explicit expectations, not read from the route's access rule.
    const expected: Record<Role, number> = {
      provider: 200,
      association_rep: 403,
      cluster_admin: 403,
      state_admin: 403,
      national_admin: 403,
      funder: 403,
    };
    // Act
    const actual: Record<string, number> = {};
    for (const role of Role.options) {
      const res = await t.call('GET', '/api/me/open-requests', {
        token: await tokenOf(t, { ...provider, role, userId: `usr_${role}` }),
      });
      actual[role] = res.status;
      if (res.status === 403) expect(res.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
    }
    const anonymous = await t.call('GET', '/api/me/open-requests');
    // Assess
    expect(actual).toEqual(expected);
    expect(anonymous.status).toBe(401);
  });
});
