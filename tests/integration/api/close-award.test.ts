import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('close, evaluate and award through the API', () => {
  const clock = testClock();
  let t: TestApp;
  let tok: Record<'knidgro' | 'appeal' | 'admin' | 'it' | 'erp', string>;
  const issue = async () => {
    const [knidgro, appeal, admin, it, erp] = await Promise.all([
      tokenOf(t, demoActor('knidgro')),
      tokenOf(t, demoActor('appeal')),
      tokenOf(t, demoActor('ludhiana-cda')),
      tokenOf(t, providerActor('itTraining')),
      tokenOf(t, providerActor('erp')),
    ]);
    tok = { knidgro, appeal, admin, it, erp };
  };
  const base = (id: string) => `/api/clusters/${LUDHIANA}/requests/${id}`;
  const later = async (ms: number) => {
    clock.advance(ms);
    await issue();
  };

  /**
   * An open request with two KNIDGRO pledges and two bids: the IT institute (accredited, dearer) and Sutra ERP
   * (cheaper, not accredited).
   */
  async function biddedRequest(minFirms = 2) {
    const id = await openRequestVia(
      t,
      tok.knidgro,
      LUDHIANA,
      newRequest(clock.now(), { minFirms, weights: { price: 90, quality: 10 } }),
    );
    for (const name of ['Bhatia Socks', 'Gill Thermals']) {
      const firmId = await registerFirmVia(t, tok.knidgro, LUDHIANA, KNIDGRO, name);
      expect((await t.call('POST', `${base(id)}/pledges`, { token: tok.knidgro, body: { firmId } })).status).toBe(201);
    }
    const it = await t.call('POST', `${base(id)}/bids`, { token: tok.it, body: newBid(7_000) });
    const erp = await t.call('POST', `${base(id)}/bids`, { token: tok.erp, body: newBid(5_000) });
    return { id, itBid: it.body.id as string, erpBid: erp.body.id as string };
  }

  beforeAll(async () => {
    t = await marketApp({ clock });
    await issue();
  });
  afterAll(() => t.stop());

  it('refuses to close before the deadline, and refuses a co-sponsor or provider as closer', async () => {
    const { id } = await biddedRequest();
    expect((await t.call('POST', `${base(id)}/close`, { token: tok.knidgro })).body.code).toBe(
      'REQUEST.DEADLINE_NOT_REACHED',
    );
    expect((await t.call('POST', `${base(id)}/close`, { token: tok.appeal })).status).toBe(403);
    expect((await t.call('POST', `${base(id)}/close`, { token: tok.it })).status).toBe(403);
  });

  it(
    'closes after the deadline, ranks the bids, and the ' + 'lead awards the recommended bid without a reason',
    async () => {
      const { id, erpBid } = await biddedRequest();
      await later(TWO_HOURS);
      const closed = await t.call('POST', `${base(id)}/close`, { token: tok.knidgro });
      expect(closed.status).toBe(200);
      expect(closed.body.request).toMatchObject({ status: 'evaluating', pledgedFirms: 2 });
      expect(closed.body.evaluation).toMatchObject({
        outcome: 'ranked',
        volume: 2,
        recommended: { bidId: erpBid, rank: 1 },
      });
      expect((await t.call('GET', `${base(id)}/evaluation`, { token: tok.admin })).body.ranking).toHaveLength(2);
      expect((await t.call('POST', `${base(id)}/close`, { token: tok.knidgro })).status).toBe(409);
      const awarded = await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: erpBid } });
      expect(awarded.status).toBe(200);
      expect(awarded.body).toMatchObject({
        status: 'awarded',
        award: { bidId: erpBid, recommendedBidId: erpBid, volume: 2, total: { amount: 2 * 500_000 } },
      });
      expect(awarded.body.award.reason).toBeUndefined();
      const trail = await t.stores.audit.list(LUDHIANA, { limit: 50 });
      expect(trail.items.find((e) => e.subject === id)).toMatchObject({
        action: 'request.awarded',
        actorRole: 'association_rep',
      });
      expect(
        (await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: erpBid } })).body.code,
      ).toBe('REQUEST.ILLEGAL_TRANSITION');
    },
  );

  it('awards another ranked bid only with a written reason, which the audit trail keeps', async () => {
    const { id, itBid } = await biddedRequest();
    await later(TWO_HOURS);
    await t.call('POST', `${base(id)}/close`, { token: tok.admin });
    const bare = await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: itBid } });
    expect(bare).toMatchObject({
      status: 422,
      body: { code: 'REQUEST.REASON_REQUIRED', errors: [{ field: 'reason' }] },
    });
    expect(
      (await t.call('POST', `${base(id)}/award`, { token: tok.appeal, body: { bidId: itBid, reason: 'x'.repeat(30) } }))
        .status,
    ).toBe(403);
    const reason = 'The institute is accredited and trains in Punjabi; our members asked for it.';
    const awarded = await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: itBid, reason } });
    expect(awarded.body).toMatchObject({ status: 'awarded', award: { bidId: itBid, reason } });
    expect(awarded.body.award.recommendedBidId).not.toBe(itBid);
    const entry = (await t.stores.audit.list(LUDHIANA, { limit: 50 })).items.find((e) => e.subject === id);
    expect(entry).toMatchObject({ action: 'request.awarded', reason, after: { bidId: itBid } });
  });

  it('ends unsuccessful, with the reason, when too few firms pledged', async () => {
    const { id } = await biddedRequest(5);
    await later(TWO_HOURS);
    const closed = await t.call('POST', `${base(id)}/close`, { token: tok.knidgro });
    expect(closed.body.request).toMatchObject({
      status: 'unsuccessful',
      unsuccessfulReason: 'Only 2 firms pledged; at least 5 were needed',
    });
    expect(closed.body.evaluation).toMatchObject({ outcome: 'unsuccessful', code: 'too_few_pledges' });
    const refused = await t.call('POST', `${base(id)}/award`, {
      token: tok.knidgro,
      body: { bidId: `bid_${'0'.repeat(26)}` },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('REQUEST.ILLEGAL_TRANSITION');
  });

  it('cancels with a reason kept in the audit trail; a short reason is refused', async () => {
    const id = await openRequestVia(t, tok.knidgro, LUDHIANA, newRequest(clock.now()));
    expect((await t.call('POST', `${base(id)}/cancel`, { token: tok.knidgro, body: { reason: 'no' } })).body.code).toBe(
      'REQUEST.REASON_REQUIRED',
    );
    expect(
      (await t.call('POST', `${base(id)}/cancel`, { token: tok.appeal, body: { reason: 'x'.repeat(25) } })).status,
    ).toBe(403);
    const reason = 'The trainers moved to another city; we will post again in spring.';
    const cancelled = await t.call('POST', `${base(id)}/cancel`, { token: tok.admin, body: { reason } });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellation: { reason } });
    expect((await t.stores.audit.list(LUDHIANA, { limit: 50 })).items.find((e) => e.subject === id)).toMatchObject({
      action: 'request.cancelled',
      reason,
      actorRole: 'cluster_admin',
    });
  });

  it('lets another association of the cluster join once', async () => {
    const id = await openRequestVia(t, tok.knidgro, LUDHIANA, newRequest(clock.now()));
    const joined = await t.call('POST', `${base(id)}/co-sponsors`, { token: tok.appeal });
    expect(joined.body.coSponsorIds).toEqual([APPEAL]);
    expect((await t.call('POST', `${base(id)}/co-sponsors`, { token: tok.appeal })).body.code).toBe(
      'REQUEST.DUPLICATE_CO_SPONSOR',
    );
    expect((await t.call('POST', `${base(id)}/co-sponsors`, { token: tok.knidgro })).body.code).toBe(
      'REQUEST.DUPLICATE_CO_SPONSOR',
    );
  });
});
