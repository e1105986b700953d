import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  setStandstill,
} from './support';

const DAY = 86_400_000;

/** The stand-still: ranking published to each bidder, no award before its end, its one schedule. */
describe('stand-still between the ranking and the award', () => {
  const clock = testClock();
  let t: TestApp;
  let tok: Record<'knidgro' | 'admin' | 'it' | 'erp' | 'lab', string>;
  const issue = async () => {
    tok = {
      knidgro: await tokenOf(t, demoActor('knidgro')),
      admin: await tokenOf(t, demoActor('ludhiana-cda')),
      it: await tokenOf(t, providerActor('itTraining')),
      erp: await tokenOf(t, providerActor('erp')),
      lab: await tokenOf(t, providerActor('nift')),
    };
  };
  const base = (id: string) => `/api/clusters/${LUDHIANA}/requests/${id}`;

  /** A request with two pledges and two bids (Sutra ERP cheaper: ranked first), closed by the lead. */
  async function ranked() {
    const id = await openRequestVia(
      t,
      tok.knidgro,
      LUDHIANA,
      newRequest(clock.now(), { weights: { price: 90, quality: 10 } }),
    );
    for (const name of ['Bhatia Socks', 'Gill Thermals']) {
      const firmId = await registerFirmVia(t, tok.knidgro, LUDHIANA, KNIDGRO, name);
      expect((await t.call('POST', `${base(id)}/pledges`, { token: tok.knidgro, body: { firmId } })).status).toBe(201);
    }
    const it = await t.call('POST', `${base(id)}/bids`, { token: tok.it, body: newBid(7_000) });
    const erp = await t.call('POST', `${base(id)}/bids`, { token: tok.erp, body: newBid(5_000) });
    clock.advance(TWO_HOURS);
    await issue();
    const closed = await t.call('POST', `${base(id)}/close`, { token: tok.knidgro });
    expect(closed.body.request.status).toBe('evaluating');
    return { id, itBid: it.body.id as string, erpBid: erp.body.id as string, closed: closed.body };
  }

  beforeAll(async () => {
    t = await marketApp({ clock });
    await issue();
    await setStandstill(t, tok.admin, LUDHIANA, 2 * 86_400);
  });
  afterAll(() => t.stop());

  it('refuses the award until the stand-still ends (409 AWARD.STANDSTILL_RUNNING), then awards', async () => {
    // Prepare
    const { id, erpBid, closed } = await ranked();
    const endsAt = closed.request.standstillEndsAt as string;
    expect(Date.parse(endsAt)).toBe(Date.parse(closed.evaluation.evaluatedAt) + 2 * DAY);
    // Act
    const early = await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: erpBid } });
    // Real time runs on under the test clock: 5 s before the end stays before it while the call runs.
    clock.set(Date.parse(endsAt) - 5_000);
    await issue();
    const justBefore = await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: erpBid } });
    clock.set(Date.parse(endsAt));
    await issue();
    const atEnd = await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: erpBid } });
    // Assess
    for (const refused of [early, justBefore])
      expect(refused).toMatchObject({
        status: 409,
        type: expect.stringContaining('application/problem+json'),
        body: { code: 'AWARD.STANDSTILL_RUNNING' },
      });
    expect(atEnd).toMatchObject({ status: 200, body: { status: 'awarded' } });
  });

  it('shows a bidder its own rank, score parts, the winning price and the bid count, and no other bidder', async () => {
    // Prepare
    const { id, itBid, erpBid } = await ranked();
    // Act
    const loser = await t.call('GET', `${base(id)}/my-ranking`, { token: tok.it });
    const winner = await t.call('GET', `${base(id)}/my-ranking`, { token: tok.erp });
    const stranger = await t.call('GET', `${base(id)}/my-ranking`, { token: tok.lab });
    // Assess
    expect(loser).toMatchObject({
      status: 200,
      body: {
        bids: 2,
        volume: 2,
        weights: { price: 90, quality: 10 },
        winning: { pricePerFirm: { amount: 500_000, currency: 'INR' }, total: { amount: 1_000_000 } },
        mine: { status: 'ranked', bidId: itBid, rank: 2 },
      },
    });
    expect(loser.body.mine.score).toBeLessThan(winner.body.mine.score);
    expect(loser.body.mine).toHaveProperty('priceScore');
    expect(loser.body.mine).toHaveProperty('qualityScore');
    const text = JSON.stringify(loser.body);
    expect(text).not.toContain(erpBid);
    expect(text).not.toContain(providerActor('erp').organisationId);
    expect(stranger).toMatchObject({ status: 404, body: { code: 'EVALUATION.NO_BID' } });
  });

  it('tells each bidder its rank when published, and the lead association when the stand-still is over', async () => {
    // Prepare
    const { id, closed } = await ranked();
    await t.drain();
    const inboxOf = async (org: string) => (await t.stores.inbox.list(org, { limit: 50 })).items;
    expect(t.scheduler.pending()).toContain(`standstill:${id}`);
    // Act: an early fire changes nothing; the due one tells the lead once, even delivered again.
    t.scheduler.fireDue();
    await t.drain();
    expect(t.scheduler.pending()).toContain(`standstill:${id}`);
    clock.set(Date.parse(closed.request.standstillEndsAt) + 1);
    t.scheduler.fireDue();
    await t.drain();
    expect(t.scheduler.pending()).not.toContain(`standstill:${id}`);
    // Assess
    const published = (await inboxOf(providerActor('itTraining').organisationId)).filter(
      (n) => n.kind === 'ranking.published' && n.requestId === id,
    );
    expect(published).toHaveLength(1);
    expect(published[0]!.text).toContain('ranked 2 of 2');
    const ended = (await inboxOf(KNIDGRO)).filter((n) => n.kind === 'standstill.ended' && n.requestId === id);
    expect(ended).toHaveLength(1);
  });
});
