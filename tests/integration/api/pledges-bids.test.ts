import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSOCIATIONS } from '../../../functions/local/seed/data';
import { testClock, type TestApp } from '../support/test-app';
import {
  APPEAL,
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

describe('pledges and bids through the API', () => {
  const clock = testClock();
  let t: TestApp;
  let tokens: Record<'knidgro' | 'appeal' | 'it' | 'erp', string>;
  const issueTokens = async () => {
    const [knidgro, appeal, it, erp] = await Promise.all([
      tokenOf(t, demoActor('knidgro')),
      tokenOf(t, demoActor('appeal')),
      tokenOf(t, providerActor('itTraining')),
      tokenOf(t, providerActor('erp')),
    ]);
    tokens = { knidgro, appeal, it, erp };
  };
  const base = (requestId: string) => `/api/clusters/${LUDHIANA}/requests/${requestId}`;
  const freshRequest = async () => {
    const id = await openRequestVia(t, tokens.knidgro, LUDHIANA, newRequest(clock.now()));
    await t.call('POST', `${base(id)}/co-sponsors`, { token: tokens.appeal });
    return id;
  };

  beforeAll(async () => {
    t = await marketApp({ clock });
    await issueTokens();
  });
  afterAll(() => t.stop());

  it(
    'pledges firms of the lead and of a co-sponsor; the ' + 'request counts them; each association lists its own',
    async () => {
      const id = await freshRequest();
      const k1 = await registerFirmVia(t, tokens.knidgro, LUDHIANA, KNIDGRO, 'Oswal Hand Knits');
      const a1 = await registerFirmVia(t, tokens.appeal, LUDHIANA, APPEAL, 'Duke Mini Exports');
      const made = await t.call('POST', `${base(id)}/pledges`, { token: tokens.knidgro, body: { firmId: k1 } });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ firmId: k1, associationId: KNIDGRO, firmName: 'Oswal Hand Knits' });
      expect((await t.call('POST', `${base(id)}/pledges`, { token: tokens.appeal, body: { firmId: a1 } })).status).toBe(
        201,
      );
      expect((await t.call('GET', base(id), { token: tokens.knidgro })).body.pledgedFirms).toBe(2);
      const own = await t.call('GET', `${base(id)}/pledges`, { token: tokens.appeal });
      expect(own.body.items.map((p: { firmId: string }) => p.firmId)).toEqual([a1]);
    },
  );

  it('two pledges of the same firm at once: exactly one 201, the other a clear 409', async () => {
    const id = await freshRequest();
    const firmId = await registerFirmVia(t, tokens.knidgro, LUDHIANA, KNIDGRO, 'Twin Knits');
    const both = await Promise.all(
      [0, 1].map(() => t.call('POST', `${base(id)}/pledges`, { token: tokens.knidgro, body: { firmId } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)?.body).toMatchObject({
      code: 'PLEDGE.DUPLICATE',
      errors: [{ field: 'firmId' }],
    });
    expect((await t.call('GET', base(id), { token: tokens.knidgro })).body.pledgedFirms).toBe(1);
  });

  it("refuses a firm outside the association's register, and an association that does not sponsor", async () => {
    const id = await freshRequest();
    const appealFirm = await registerFirmVia(t, tokens.appeal, LUDHIANA, APPEAL, 'Not Yours Knits');
    expect(
      (await t.call('POST', `${base(id)}/pledges`, { token: tokens.knidgro, body: { firmId: appealFirm } })).body.code,
    ).toBe('FIRM.NOT_FOUND');
    const soloId = await openRequestVia(t, tokens.knidgro, LUDHIANA, newRequest(clock.now()));
    const refused = await t.call('POST', `${base(soloId)}/pledges`, {
      token: tokens.appeal,
      body: { firmId: appealFirm },
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'PLEDGE.WRONG_ASSOCIATION' } });
  });

  it('withdraws a pledge until the deadline', async () => {
    const id = await freshRequest();
    const firmId = await registerFirmVia(t, tokens.knidgro, LUDHIANA, KNIDGRO, 'Second Thoughts Knits');
    await t.call('POST', `${base(id)}/pledges`, { token: tokens.knidgro, body: { firmId } });
    expect((await t.call('DELETE', `${base(id)}/pledges/${firmId}`, { token: tokens.knidgro })).status).toBe(204);
    expect((await t.call('DELETE', `${base(id)}/pledges/${firmId}`, { token: tokens.knidgro })).status).toBe(404);
    expect((await t.call('GET', base(id), { token: tokens.knidgro })).body.pledgedFirms).toBe(0);
  });

  it('submits, revises and withdraws a bid; the last version counts', async () => {
    const id = await freshRequest();
    const first = await t.call('POST', `${base(id)}/bids`, { token: tokens.it, body: newBid(6_500) });
    expect(first.status).toBe(201);
    expect((await t.call('POST', `${base(id)}/bids`, { token: tokens.it, body: newBid(6_000) })).body.code).toBe(
      'BID.ALREADY_SUBMITTED',
    );
    const revised = await t.call('PUT', `${base(id)}/bids/mine`, { token: tokens.it, body: newBid(6_000) });
    expect(revised.body).toMatchObject({
      id: first.body.id,
      version: 2,
      priceTiers: [{ pricePerFirm: { amount: 600_000 } }, { minFirms: 10 }],
    });
    expect((await t.call('GET', `${base(id)}/bids/mine`, { token: tokens.it })).body.version).toBe(2);
    const withdrawn = await t.call('DELETE', `${base(id)}/bids/mine`, { token: tokens.it });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', version: 3 });
    expect((await t.call('PUT', `${base(id)}/bids/mine`, { token: tokens.it, body: newBid(5_000) })).body.code).toBe(
      'BID.NOT_LIVE',
    );
    const again = await t.call('POST', `${base(id)}/bids`, { token: tokens.it, body: newBid(5_500) });
    expect(again).toMatchObject({ status: 201, body: { status: 'live', version: 1 } });
    const mine = await t.call('GET', '/api/bids', { token: tokens.it });
    expect(mine.body.items.filter((b: { requestId: string }) => b.requestId === id)).toHaveLength(1);
  });

  it('revise vs withdraw at once: one succeeds, the other is a 409', async () => {
    const id = await freshRequest();
    await t.call('POST', `${base(id)}/bids`, { token: tokens.erp, body: newBid(40_000) });
    const [revise, withdraw] = await Promise.all([
      t.call('PUT', `${base(id)}/bids/mine`, { token: tokens.erp, body: newBid(39_000) }),
      t.call('DELETE', `${base(id)}/bids/mine`, { token: tokens.erp }),
    ]);
    expect([revise.status, withdraw.status].sort()).toEqual([200, 409]);
    const loser = revise.status === 409 ? revise : withdraw;
    expect(['BID.VERSION_CONFLICT', 'BID.NOT_LIVE']).toContain(loser.body.code);
  });

  it('after the deadline pledges and bids are refused, and an association cannot join any more', async () => {
    const id = await freshRequest();
    const firmId = await registerFirmVia(t, tokens.knidgro, LUDHIANA, KNIDGRO, 'Late Knits');
    await t.call('POST', `${base(id)}/bids`, { token: tokens.it, body: newBid(6_500) });
    // The scheduler would close the request at its deadline; here it is late (schedule dropped),
    // so the request is still open past its deadline and the guards inside the writes must refuse.
    await t.drain();
    await t.scheduler.cancel(`deadline:${id}`);
    clock.advance(TWO_HOURS);
    await issueTokens();
    try {
      expect((await t.call('POST', `${base(id)}/pledges`, { token: tokens.knidgro, body: { firmId } })).body.code).toBe(
        'PLEDGE.DEADLINE_PASSED',
      );
      expect((await t.call('PUT', `${base(id)}/bids/mine`, { token: tokens.it, body: newBid(1_000) })).body.code).toBe(
        'BID.DEADLINE_PASSED',
      );
      expect((await t.call('DELETE', `${base(id)}/bids/mine`, { token: tokens.it })).body.code).toBe(
        'BID.DEADLINE_PASSED',
      );
      expect((await t.call('POST', `${base(id)}/bids`, { token: tokens.erp, body: newBid(1_000) })).status).toBe(409);
      const shg = {
        ...ASSOCIATIONS.knidgro,
        id: t.deps.ids.next('association'),
        name: 'Ludhiana Hosiery SHG',
        shortName: 'LHSHG',
      };
      await t.stores.clusters.putAssociation(shg);
      const late = await tokenOf(t, {
        userId: 'usr_shg',
        role: 'association_rep',
        organisationId: shg.id,
        clusterIds: [LUDHIANA],
      });
      expect((await t.call('POST', `${base(id)}/co-sponsors`, { token: late })).body.code).toBe(
        'REQUEST.DEADLINE_PASSED',
      );
    } finally {
      clock.advance(-TWO_HOURS);
      await issueTokens();
    }
  });
});
