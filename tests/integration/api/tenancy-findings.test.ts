import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Provider } from '@bds/core';
import { ASSOCIATIONS, CLUSTERS, PROVIDERS } from '../../../functions/local/seed/data';
import type { TestApp } from '../support/test-app';
import { demoActor, LUDHIANA, marketApp, newRequest, openRequestVia, providerActor, tokenOf } from './support';

// Regression tests for what a hostile tenant got through (issue 14), one finding each.
describe('tenancy findings', () => {
  let t: TestApp;
  let knidgro: string;
  let ludhianaAdmin: string;
  let nac: string;
  beforeAll(async () => {
    t = await marketApp();
    [knidgro, ludhianaAdmin, nac] = await Promise.all([
      tokenOf(t, demoActor('knidgro')),
      tokenOf(t, demoActor('ludhiana-cda')),
      tokenOf(t, demoActor('nac')),
    ]);
  });
  afterAll(() => t.stop());

  it("a request cannot name another cluster's association as co-sponsor at creation", async () => {
    const body = newRequest(Date.now(), { coSponsorIds: [ASSOCIATIONS.appeal.id, ASSOCIATIONS.calico.id] });
    const res = await t.call('POST', `/api/clusters/${LUDHIANA}/requests`, { token: knidgro, body });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'REQUEST.CROSS_CLUSTER', errors: [{ field: 'coSponsorIds.1' }] });
  });

  it('a request cannot invite a provider that is not approved in the cluster', async () => {
    const body = newRequest(Date.now(), { visibility: 'invited', invitedProviderIds: [PROVIDERS.lab.id] });
    const res = await t.call('POST', `/api/clusters/${LUDHIANA}/requests`, { token: knidgro, body });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'REQUEST.PROVIDER_NOT_IN_CLUSTER',
      errors: [{ field: 'invitedProviderIds.0' }],
    });
  });

  it("a request's category must be one the cluster's policy allows", async () => {
    // Prepare: Pune allows training only
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
    const policy = await t.call('GET', `/api/clusters/${pune}/policy`, { token: admin });
    const set = await t.call('PUT', `/api/clusters/${pune}/policy`, {
      token: admin,
      body: { ...policy.body, eligibleCategories: ['training'] },
    });
    expect(set.status).toBe(200);
    // Act
    const design = await t.call('POST', `/api/clusters/${pune}/requests`, {
      token: rep,
      body: newRequest(Date.now(), { category: 'design' }),
    });
    const custom = await t.call('POST', `/api/clusters/${pune}/requests`, {
      token: rep,
      body: newRequest(Date.now(), { category: 'custom:never-defined' }),
    });
    const training = await t.call('POST', `/api/clusters/${pune}/requests`, {
      token: rep,
      body: newRequest(Date.now(), { category: 'training' }),
    });
    // Assess
    for (const res of [design, custom])
      expect(res.body).toMatchObject({
        status: 422,
        code: 'REQUEST.CATEGORY_NOT_ALLOWED',
        errors: [{ field: 'category' }],
      });
    expect(training.status).toBe(201);
  });

  it('the activity feed shows an invitation-only request only to whoever may read it', async () => {
    // Prepare: KNIDGRO invites the IT institute only; the ERP firm is approved in Ludhiana too
    const body = newRequest(Date.now(), {
      title: 'Invited-only ERP pilot',
      visibility: 'invited',
      invitedProviderIds: [PROVIDERS.itTraining.id],
    });
    const requestId = await openRequestVia(t, knidgro, LUDHIANA, body);
    await t.drain();
    const feed = async (token: string) =>
      JSON.stringify((await t.call('GET', `/api/clusters/${LUDHIANA}/activity?limit=100`, { token })).body);
    // Act
    const [invited, stranger, admin] = await Promise.all([
      feed(await tokenOf(t, providerActor('itTraining'))),
      feed(await tokenOf(t, providerActor('erp'))),
      feed(ludhianaAdmin),
    ]);
    // Assess
    expect(invited).toContain(requestId);
    expect(admin).toContain(requestId);
    expect(stranger).not.toContain(requestId);
    expect(stranger).not.toContain('Invited-only ERP pilot');
  });

  it('approving one provider in several clusters at once loses none of them', async () => {
    // Prepare: three providers, each applying to all four clusters
    const clusters = Object.values(CLUSTERS).map((c) => c.id);
    const providers: Provider[] = [1, 2, 3].map((n) => ({
      id: `prv_race${n}`,
      name: `Race Provider ${n}`,
      city: 'Surat',
      categories: ['training'],
      accredited: false,
      capacity: 2,
      clusterIds: [],
      blocked: false,
      createdAt: new Date().toISOString(),
    }));
    for (const p of providers) {
      await t.stores.providers.putWithRegistrations(p, p.createdAt);
      const token = await tokenOf(t, { userId: `usr_${p.id}`, role: 'provider', organisationId: p.id, clusterIds: [] });
      for (const clusterId of clusters)
        expect((await t.call('POST', '/api/registrations', { token, body: { clusterId } })).status).toBe(201);
    }
    // Act: every approval at once
    const decisions = await Promise.all(
      providers.flatMap((p) =>
        clusters.map((c) =>
          t.call('POST', `/api/clusters/${c}/registrations/${p.id}/decision`, {
            token: nac,
            body: { decision: 'approve' },
          }),
        ),
      ),
    );
    // Assess
    expect(decisions.map((d) => d.status)).toEqual(decisions.map(() => 200));
    for (const p of providers)
      expect((await t.stores.providers.get(p.id))?.clusterIds.sort()).toEqual([...clusters].sort());
  });

  it('a standing change does not undo an approval made at the same time', async () => {
    const p: Provider = {
      id: 'prv_standing',
      name: 'Standing Provider',
      city: 'Agra',
      categories: ['design'],
      accredited: false,
      capacity: 1,
      clusterIds: [],
      blocked: false,
      createdAt: new Date().toISOString(),
    };
    await t.stores.providers.putWithRegistrations(p, p.createdAt);
    const token = await tokenOf(t, { userId: 'usr_standing', role: 'provider', organisationId: p.id, clusterIds: [] });
    expect((await t.call('POST', '/api/registrations', { token, body: { clusterId: LUDHIANA } })).status).toBe(201);
    await Promise.all([
      t.call('POST', `/api/clusters/${LUDHIANA}/registrations/${p.id}/decision`, {
        token: nac,
        body: { decision: 'approve' },
      }),
      t.call('POST', `/api/providers/${p.id}/standing`, {
        token: nac,
        body: { accredited: true, reason: 'Accredited by the NAC panel' },
      }),
    ]);
    const after = await t.stores.providers.get(p.id);
    expect(after).toMatchObject({ accredited: true, clusterIds: [LUDHIANA] });
  });
});
