import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, DEMO_USERS } from '../../../functions/local/seed/data';
import type { testClock } from '../support/test-app';
import { testApp, type TestApp } from '../support/test-app';

const email = (slug: string) => DEMO_USERS.find((u) => u.slug === slug)!.email;
const PASSWORD = 'a long enough passphrase';

/** The invitation link in the newest mail to `to`, as the person would click it. */
async function linkFor(t: TestApp, to: string): Promise<string> {
  const mail = await t.call('GET', `/api/outbox?email=${encodeURIComponent(to)}`);
  const text: string = mail.body.items[0].text;
  return text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!;
}

const newCluster = (state = 'Gujarat') => ({
  name: `Morbi ceramics ${Math.random().toString(36).slice(2, 7)}`,
  sector: 'Ceramic tiles',
  state,
  district: 'Morbi',
  firmCount: 800,
  phase: 'diagnostic',
  currency: 'INR',
  supportedUntil: '2030-03-31',
  admin: { email: `cda-${Math.random().toString(36).slice(2, 8)}@morbi.example`, name: 'Kiran Patel' },
});

describe('national onboarding, end to end through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.stop());

  it(
    'onboards a cluster, its admin accepts once, invites a rep; ' +
      'a provider applies, is approved and then sees requests',
    async () => {
      // A national admin creates the cluster and invites its admin in one step.
      const nac = await t.signIn(email('nac'));
      const input = newCluster();
      const created = await t.call('POST', '/api/clusters', { token: nac, body: input });
      expect(created.status).toBe(201);
      const clusterId: string = created.body.cluster.id;

      // The cluster admin accepts the invitation from the mail; a second use fails.
      const token = await linkFor(t, input.admin.email);
      expect((await t.call('GET', `/api/invitations/${token}`)).body).toMatchObject({
        role: 'cluster_admin',
        accepted: false,
      });
      const accepted = await t.call('POST', `/api/invitations/${token}/accept`, { body: { password: PASSWORD } });
      expect(accepted.status).toBe(201);
      expect(accepted.body.user).toMatchObject({ role: 'cluster_admin', clusterIds: [clusterId] });
      expect((await t.call('POST', `/api/invitations/${token}/accept`, { body: { password: PASSWORD } })).status).toBe(
        409,
      );
      const cda = accepted.body.accessToken as string;

      // The cluster admin registers an association and invites its representative.
      const association = await t.call('POST', `/api/clusters/${clusterId}/associations`, {
        token: cda,
        body: { name: 'Morbi Ceramic Association', shortName: 'MCA', kind: 'association', memberCount: 40 },
      });
      expect(association.status).toBe(201);
      const repEmail = `rep-${Math.random().toString(36).slice(2, 8)}@mca.example`;
      expect(
        (
          await t.call('POST', '/api/invitations', {
            token: cda,
            body: {
              email: repEmail,
              name: 'Hetal Shah',
              role: 'association_rep',
              clusterId,
              associationId: association.body.id,
            },
          })
        ).status,
      ).toBe(201);
      const rep = await t.call('POST', `/api/invitations/${await linkFor(t, repEmail)}/accept`, {
        body: { password: PASSWORD },
      });
      expect(rep.body.user).toMatchObject({ role: 'association_rep', organisationId: association.body.id });

      // The rep posts and publishes a request.
      const now = Date.now();
      const request = await t.call('POST', `/api/clusters/${clusterId}/requests`, {
        token: rep.body.accessToken,
        body: {
          title: 'Kiln energy audit for 12 units',
          category: 'quality-certification',
          specification: 'An energy audit of gas-fired kilns with a report per unit and a joint action plan.',
          deliverables: ['Audit report per unit'],
          place: 'Morbi',
          deliveryWindow: {
            start: new Date(now + 40 * 864e5).toISOString().slice(0, 10),
            end: new Date(now + 60 * 864e5).toISOString().slice(0, 10),
          },
          biddingDeadline: new Date(now + 30 * 864e5).toISOString(),
          minFirms: 10,
          maxFirms: 12,
          weights: { price: 50, quality: 50 },
          milestones: [{ name: 'Audits done', shareBasisPoints: 10000 }],
          visibility: 'cluster',
          currency: 'INR',
        },
      });
      expect(request.status).toBe(201);
      await t.call('POST', `/api/clusters/${clusterId}/requests/${request.body.id}/publish`, {
        token: rep.body.accessToken,
      });

      // Two providers sign up (each finishes with its mailed link) and apply; only one is approved.
      const signUp = async (name: string) => {
        const address = `${name.toLowerCase().replace(/\W/g, '')}-${Math.random().toString(36).slice(2, 6)}@p.example`;
        const body = { name, city: 'Rajkot', categories: ['quality-certification'], contactName: 'Owner' };
        const asked = await t.call('POST', '/api/providers', { body: { ...body, email: address, password: PASSWORD } });
        expect(asked.status).toBe(202);
        const link = (await t.deps.outbox!.list(address))[0]!.text;
        const token = /#token=([A-Za-z0-9_-]+)/.exec(link)![1]!;
        return t.call('POST', '/api/providers/sign-up/confirm', { body: { token } });
      };
      const approved = await signUp('Saurashtra Energy Auditors');
      const waiting = await signUp('Gujarat Quality Services');
      for (const p of [approved, waiting])
        expect(
          (await t.call('POST', '/api/registrations', { token: p.body.accessToken, body: { clusterId } })).status,
        ).toBe(201);
      const pending = await t.call('GET', `/api/clusters/${clusterId}/registrations`, { token: cda });
      expect(pending.body.items.map((r: { status: string }) => r.status)).toEqual(['pending', 'pending']);
      const decided = await t.call(
        'POST',
        `/api/clusters/${clusterId}/registrations/${approved.body.user.organisationId}/decision`,
        { token: cda, body: { decision: 'approve' } },
      );
      expect(decided.body.status).toBe('approved');

      // The approved provider refreshes its session and sees the open request; the other sees none.
      const refreshed = await t.call('POST', '/api/auth/refresh', {
        body: { refreshToken: approved.body.refreshToken },
      });
      const seen = await t.call('GET', `/api/clusters/${clusterId}/requests`, { token: refreshed.body.accessToken });
      expect(seen.body.items.map((r: { id: string }) => r.id)).toContain(request.body.id);
      const notSeen = await t.call('GET', `/api/clusters/${clusterId}/requests`, { token: waiting.body.accessToken });
      expect(notSeen.status).toBe(404);
      expect(JSON.stringify(notSeen.body)).not.toContain(request.body.id);

      // Every privileged step is in the cluster's audit trail.
      const audit = await t.call('GET', `/api/clusters/${clusterId}/audit`, { token: cda });
      expect(audit.body.items.map((a: { action: string }) => a.action).sort()).toEqual(
        ['association.create', 'cluster.onboard', 'invitation.create', 'registration.approve'].sort(),
      );
    },
  );

  it('a state admin onboards only in their own state', async () => {
    const punjab = await t.signIn(email('punjab'));
    expect((await t.call('POST', '/api/clusters', { token: punjab, body: newCluster('Punjab') })).status).toBe(201);
    const elsewhere = await t.call('POST', '/api/clusters', { token: punjab, body: newCluster('Kerala') });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('CLUSTER.OUTSIDE_STATE');
  });

  it('a suspended cluster can be read but not changed, until reactivated', async () => {
    const nac = await t.signIn(email('nac'));
    const cda = await t.signIn(email('jaipur-cda'));
    const jaipur = CLUSTERS.jaipur.id;
    const body = { name: 'Sanganer Printers Network', shortName: 'SPN', kind: 'network', memberCount: 30 };
    expect(
      (
        await t.call('POST', `/api/clusters/${jaipur}/status`, {
          token: nac,
          body: { status: 'suspended', reason: 'Annual review pending' },
        })
      ).body.status,
    ).toBe('suspended');
    (t.clock as ReturnType<typeof testClock>).advance(60_000);
    const refused = await t.call('POST', `/api/clusters/${jaipur}/associations`, { token: cda, body });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CLUSTER.READ_ONLY');
    expect((await t.call('GET', `/api/clusters/${jaipur}/associations`, { token: cda })).status).toBe(200);
    await t.call('POST', `/api/clusters/${jaipur}/status`, {
      token: nac,
      body: { status: 'active', reason: 'Review completed' },
    });
    (t.clock as ReturnType<typeof testClock>).advance(60_000);
    expect((await t.call('POST', `/api/clusters/${jaipur}/associations`, { token: cda, body })).status).toBe(201);
  });

  it('refresh tokens rotate: the old one stops working; sign-out ends the session', async () => {
    const first = await t.call('POST', '/api/auth/sign-in', {
      body: { email: email('calico'), password: 'demo-bds-2026' },
    });
    const second = await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(second.status).toBe(200);
    expect(
      (await t.call('POST', '/api/auth/refresh', { body: { refreshToken: first.body.refreshToken } })).status,
    ).toBe(401);
    expect(
      (await t.call('POST', '/api/auth/sign-out', { body: { refreshToken: second.body.refreshToken } })).status,
    ).toBe(204);
    expect(
      (await t.call('POST', '/api/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status,
    ).toBe(401);
  });

  it('throttles failed sign-ins per account with a 429 and a retry time', async () => {
    const target = email('appeal');
    for (let i = 0; i < 5; i++)
      expect(
        (await t.call('POST', '/api/auth/sign-in', { body: { email: target, password: `wrong-${i}` } })).status,
      ).toBe(401);
    const blocked = await t.call('POST', '/api/auth/sign-in', { body: { email: target, password: 'demo-bds-2026' } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
  });

  it('takes a state or union territory from the official list only, naming the field otherwise', async () => {
    // Prepare
    const nac = await t.signIn(email('nac'));

    // Act
    const misspelt = await t.call('POST', '/api/clusters', { token: nac, body: newCluster('Panjab') });
    const stateAdmin = await t.call('POST', '/api/invitations', {
      token: nac,
      body: { email: 'officer@ut.example', name: 'UT Officer', role: 'state_admin', state: 'Pondicherry' },
    });

    // Assess: refused before anything is written, the field named
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.errors.map((e: { field: string }) => e.field)).toEqual(['state']);
    expect(stateAdmin.status).toBe(400);
    expect(stateAdmin.body.errors.map((e: { field: string }) => e.field)).toEqual(['state']);
    expect((await t.call('POST', '/api/clusters', { token: nac, body: newCluster('Puducherry') })).status).toBe(201);
  });

  it('refuses bodies that try to set their own role, cluster or organisation', async () => {
    const knidgro = await t.signIn(email('knidgro'));
    const res = await t.call('POST', `/api/clusters/${CLUSTERS.ludhiana.id}/associations`, {
      token: knidgro,
      body: { name: 'X Association', shortName: 'XA', kind: 'network' },
    });
    expect(res.status).toBe(403);
    const sneaky = await t.call('POST', '/api/providers', {
      body: {
        name: 'Sneaky Ltd',
        city: 'Delhi',
        categories: ['training'],
        contactName: 'S',
        email: 'sneaky@x.example',
        password: PASSWORD,
        role: 'national_admin',
        clusterIds: [CLUSTERS.ludhiana.id],
      },
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['clusterIds', 'role']);
  });

  it('a cluster sets its own policy within national bounds, and the change is audited', async () => {
    const cda = await t.signIn(email('ludhiana-cda'));
    const path = `/api/clusters/${CLUSTERS.ludhiana.id}/policy`;
    const current = (await t.call('GET', path, { token: cda })).body;
    expect(current.size).toEqual({ microBelow: 10, smallBelow: 50, nonMechanisedUnderServedBelow: 20 });
    const outOfBounds = await t.call('PUT', path, {
      token: cda,
      body: { ...current, size: { ...current.size, microBelow: 3 } },
    });
    expect(outOfBounds.status).toBe(422);
    expect(outOfBounds.body.errors[0].field).toBe('size.microBelow');
    const own = {
      ...current,
      eligibleCategories: ['training', 'it-software'],
      customCategories: [{ slug: 'custom:knitting-machines', label: 'Knitting machine servicing' }],
    };
    expect((await t.call('PUT', path, { token: cda, body: own })).status).toBe(200);
    expect((await t.call('GET', path, { token: cda })).body.customCategories[0].slug).toBe('custom:knitting-machines');
    const audit = await t.call('GET', `/api/clusters/${CLUSTERS.ludhiana.id}/audit`, { token: cda });
    expect(audit.body.items[0].action).toBe('cluster.policy');
  });
});
