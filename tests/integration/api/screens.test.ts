import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../../functions/local/seed/data';
import { recomputeClusterScreens } from '../../../functions/use-cases/screens';
import { testClock, type TestApp } from '../support/test-app';
import {
  demoActor,
  KNIDGRO,
  LUDHIANA,
  marketApp,
  newBid,
  newRequest,
  openRequestVia,
  providerActor,
  registerFirmVia,
  tokenOf,
  TWO_HOURS,
} from './support';

const NOTE = 'Only one institute trains in Ludhiana; SIDBI is asked to invite Delhi providers.';
const screensOf = (clusterId: string) => `/api/clusters/${clusterId}/screens`;

/** Collusion and capture screens (issue 13): recomputed by the worker, reviewed by admins, counted publicly. */
describe('collusion and capture screens', () => {
  const clock = testClock();
  let t: TestApp;
  let tok: Record<'knidgro' | 'admin' | 'jaipurAdmin' | 'nac' | 'punjab' | 'it' | 'erp' | 'sidbi', string>;
  const issue = async () => {
    tok = {
      knidgro: await tokenOf(t, demoActor('knidgro')),
      admin: await tokenOf(t, demoActor('ludhiana-cda')),
      jaipurAdmin: await tokenOf(t, demoActor('jaipur-cda')),
      nac: await tokenOf(t, demoActor('nac')),
      punjab: await tokenOf(t, demoActor('punjab')),
      it: await tokenOf(t, providerActor('itTraining')),
      erp: await tokenOf(t, providerActor('erp')),
      sidbi: await tokenOf(t, demoActor('sidbi')),
    };
  };
  const base = (id: string) => `/api/clusters/${LUDHIANA}/requests/${id}`;
  const requestIds: string[] = [];

  /** A training request with two pledges and the given bids, closed by the lead; the worker drained. */
  async function closedWith(bids: ['it' | 'erp', number][]): Promise<string> {
    await issue();
    const id = await openRequestVia(t, tok.knidgro, LUDHIANA, newRequest(clock.now()));
    for (const name of ['Screen Socks', 'Screen Thermals']) {
      const firmId = await registerFirmVia(t, tok.knidgro, LUDHIANA, KNIDGRO, `${name} ${requestIds.length}`);
      expect((await t.call('POST', `${base(id)}/pledges`, { token: tok.knidgro, body: { firmId } })).status).toBe(201);
    }
    for (const [who, rupees] of bids)
      expect((await t.call('POST', `${base(id)}/bids`, { token: tok[who], body: newBid(rupees) })).status).toBe(201);
    clock.advance(TWO_HOURS);
    await issue();
    expect((await t.call('POST', `${base(id)}/close`, { token: tok.knidgro })).status).toBe(200);
    await t.drain();
    requestIds.push(id);
    return id;
  }

  beforeAll(async () => {
    t = await marketApp({ clock });
    await issue();
    for (let i = 0; i < 3; i++) await closedWith([['it', 6_000 + i]]);
  }, 120_000);
  afterAll(() => t.stop());

  it('the worker flags three single-bid requests of a category, stating which and the numbers', async () => {
    // Act
    const res = await t.call('GET', screensOf(LUDHIANA), { token: tok.admin });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.requestsScreened).toBe(3);
    const flag = res.body.items.find((f: { kind: string }) => f.kind === 'single_bid');
    expect(flag).toMatchObject({
      category: 'training',
      requestIds: [...requestIds].sort(),
      figures: { singleBid: 3, requests: 3, shareBp: 10_000, limitBp: 5_000 },
      providerIds: [PROVIDERS.itTraining.id],
      reviewedCurrent: false,
    });
    expect(flag.bids).toHaveLength(3);
    expect(res.body.names[PROVIDERS.itTraining.id]).toBe(PROVIDERS.itTraining.name);
    expect(res.body.names[requestIds[0]!]).toBe('IT training for KNIDGRO and APPEAL members');
  });

  it('recomputing is idempotent: the stored result is the same after running again', async () => {
    // Prepare
    const before = await t.stores.screens.get(LUDHIANA);
    // Act
    await recomputeClusterScreens(t.deps, LUDHIANA);
    await recomputeClusterScreens(t.deps, LUDHIANA);
    // Assess
    expect(await t.stores.screens.get(LUDHIANA)).toEqual(before);
  });

  it('who may read and review: the cluster’s and national admins; others refused, nothing stored', async () => {
    // Prepare
    await issue();
    const flagId = (await t.call('GET', screensOf(LUDHIANA), { token: tok.admin })).body.items[0].id as string;
    const review = (token: string | undefined, body: unknown = { note: NOTE }) =>
      t.call('POST', `${screensOf(LUDHIANA)}/${flagId}/review`, { ...(token ? { token } : {}), body });
    // Act
    const reads = {
      admin: await t.call('GET', screensOf(LUDHIANA), { token: tok.admin }),
      nac: await t.call('GET', screensOf(LUDHIANA), { token: tok.nac }),
      punjab: await t.call('GET', screensOf(LUDHIANA), { token: tok.punjab }),
      jaipurAdmin: await t.call('GET', screensOf(LUDHIANA), { token: tok.jaipurAdmin }),
      association: await t.call('GET', screensOf(LUDHIANA), { token: tok.knidgro }),
      provider: await t.call('GET', screensOf(LUDHIANA), { token: tok.it }),
      funder: await t.call('GET', screensOf(LUDHIANA), { token: tok.sidbi }),
      anonymous: await t.call('GET', screensOf(LUDHIANA)),
    };
    const refused = {
      jaipurAdmin: await review(tok.jaipurAdmin),
      association: await review(tok.knidgro),
      provider: await review(tok.it),
      anonymous: await review(undefined),
      emptyNote: await review(tok.admin, { note: '  ' }),
      noNote: await review(tok.admin, {}),
      unknownFlag: await t.call('POST', `${screensOf(LUDHIANA)}/scr_0123456789abcdef/review`, {
        token: tok.admin,
        body: { note: NOTE },
      }),
      badFlagId: await t.call('POST', `${screensOf(LUDHIANA)}/not-a-flag/review`, {
        token: tok.admin,
        body: { note: NOTE },
      }),
    };
    const stored = await t.stores.screens.get(LUDHIANA);
    // Assess
    expect([reads.admin.status, reads.nac.status, reads.punjab.status]).toEqual([200, 200, 200]);
    expect(reads.jaipurAdmin).toMatchObject({ status: 404, body: { code: 'CLUSTER.NOT_FOUND' } });
    for (const r of [reads.association, reads.provider, reads.funder])
      expect(r).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect(reads.anonymous.status).toBe(401);
    expect(refused.jaipurAdmin).toMatchObject({ status: 404, body: { code: 'CLUSTER.NOT_FOUND' } });
    for (const r of [refused.association, refused.provider])
      expect(r).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect(refused.anonymous.status).toBe(401);
    for (const r of [refused.emptyNote, refused.noNote]) {
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(JSON.stringify(r.body)).toContain('note');
    }
    expect(refused.unknownFlag).toMatchObject({ status: 404, body: { code: 'SCREEN.NOT_FOUND' } });
    expect(refused.badFlagId.status).toBe(400);
    expect(stored.reviews).toEqual([]);
  });

  it('marks a flag reviewed with a note in the audit trail; new evidence shows it as not yet reviewed', async () => {
    // Prepare
    await issue();
    const flagId = (await t.call('GET', screensOf(LUDHIANA), { token: tok.admin })).body.items[0].id as string;
    // Act
    const reviewed = await t.call('POST', `${screensOf(LUDHIANA)}/${flagId}/review`, {
      token: tok.admin,
      body: { note: NOTE },
    });
    const after = await t.call('GET', screensOf(LUDHIANA), { token: tok.nac });
    const audit = await t.call('GET', `/api/clusters/${LUDHIANA}/audit?action=screen.reviewed`, { token: tok.admin });
    await closedWith([['it', 6_100]]); // a fourth single bid: the same flag, new numbers
    await issue();
    const later = await t.call('GET', screensOf(LUDHIANA), { token: tok.admin });
    // Assess
    expect(reviewed).toMatchObject({ status: 200, body: { flagId, note: NOTE } });
    expect(after.body.items[0]).toMatchObject({ id: flagId, review: { note: NOTE }, reviewedCurrent: true });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: 'screen.reviewed',
      after: { screen: 'single_bid', category: 'training', note: NOTE },
    });
    expect(later.body.items[0]).toMatchObject({
      id: flagId,
      figures: { singleBid: 4, requests: 4 },
      review: { note: NOTE },
      reviewedCurrent: false,
    });
  });

  it('open data counts the flags per cluster without naming a provider, a request or a price', async () => {
    // Act
    const res = await t.call('GET', '/api/open-data/screens');
    // Assess
    expect(res.status).toBe(200);
    const ludhiana = res.body.clusters.find((c: { clusterId: string }) => c.clusterId === LUDHIANA);
    expect(ludhiana).toMatchObject({
      requestsScreened: 4,
      flags: { single_bid: 1, identical_prices: 0, cover_bidding: 0, bid_rotation: 0, provider_share: 0 },
      reviewed: 0,
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(PROVIDERS.itTraining.id);
    for (const id of requestIds) expect(text).not.toContain(id);
  });
});
