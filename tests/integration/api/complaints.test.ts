import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock, type TestApp } from '../support/test-app';
import {
  demoActor,
  JAIPUR,
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
const REASON = 'The ERP bid cannot deliver in the window it promised; its plan names one trainer only.';
const DECISION = 'The plan names two trainers on page two; the ranking stands as published.';

/** Complaints during the stand-still (issue 13): who may file, read and decide, and what each does to the award. */
describe('complaints against a published ranking', () => {
  const clock = testClock();
  let t: TestApp;
  let tok: Record<'knidgro' | 'admin' | 'jaipurAdmin' | 'it' | 'erp' | 'nift' | 'fairs', string>;
  const issue = async () => {
    tok = {
      knidgro: await tokenOf(t, demoActor('knidgro')),
      admin: await tokenOf(t, demoActor('ludhiana-cda')),
      jaipurAdmin: await tokenOf(t, demoActor('jaipur-cda')),
      it: await tokenOf(t, providerActor('itTraining')),
      erp: await tokenOf(t, providerActor('erp')),
      nift: await tokenOf(t, providerActor('nift')),
      fairs: await tokenOf(t, providerActor('fairs')),
    };
  };
  const base = (id: string, cluster = LUDHIANA) => `/api/clusters/${cluster}/requests/${id}`;
  const complaintsOf = async (id: string) =>
    (await t.call('GET', `${base(id)}/complaints`, { token: tok.admin })).body.items as { id: string }[];

  /**
   * Two pledges; bids by IT (₹7,000), Sutra ERP (₹5,000, ranked first) and NIFT (₹4,000 but only from 5 firms:
   * left out below its first tier); closed by the lead, so a 2-day stand-still runs.
   */
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
    const fromFive = {
      ...newBid(4_000),
      priceTiers: [{ minFirms: 5, pricePerFirm: { amount: 400_000, currency: 'INR' } }],
    };
    const nift = await t.call('POST', `${base(id)}/bids`, { token: tok.nift, body: fromFive });
    expect([it.status, erp.status, nift.status]).toEqual([201, 201, 201]);
    clock.advance(TWO_HOURS);
    await issue();
    const closed = await t.call('POST', `${base(id)}/close`, { token: tok.knidgro });
    expect(closed.body.evaluation.invalid).toMatchObject([{ bidId: nift.body.id, reason: 'below_first_tier' }]);
    return {
      id,
      itBid: it.body.id as string,
      erpBid: erp.body.id as string,
      niftBid: nift.body.id as string,
      endsAt: closed.body.request.standstillEndsAt as string,
    };
  }

  beforeAll(async () => {
    t = await marketApp({ clock });
    await issue();
    await setStandstill(t, tok.admin, LUDHIANA, 2 * 86_400);
  });
  afterAll(() => t.stop());

  it('blocks the award while a complaint is open (409 AWARD.COMPLAINT_OPEN); dismissed, it goes ahead', async () => {
    // Prepare
    const { id, erpBid, endsAt } = await ranked();
    // Act
    const filed = await t.call('POST', `${base(id)}/complaints`, {
      token: tok.it,
      body: { reason: REASON, evidence: 'Delivery plan, page 2.' },
    });
    clock.set(Date.parse(endsAt) + 1);
    await issue();
    const blocked = await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: erpBid } });
    const request = await t.call('GET', base(id), { token: tok.knidgro });
    const dismissed = await t.call('POST', `${base(id)}/complaints/${filed.body.id}/decision`, {
      token: tok.admin,
      body: { outcome: 'dismissed', reason: DECISION },
    });
    const again = await t.call('POST', `${base(id)}/complaints/${filed.body.id}/decision`, {
      token: tok.admin,
      body: { outcome: 'dismissed', reason: DECISION },
    });
    const awarded = await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: erpBid } });
    // Assess
    expect(filed).toMatchObject({ status: 201, body: { status: 'open', reason: REASON, requestId: id } });
    expect(blocked).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { code: 'AWARD.COMPLAINT_OPEN' },
    });
    expect(request.body.openComplaints).toBe(1);
    expect(dismissed).toMatchObject({
      status: 200,
      body: { complaint: { status: 'dismissed', decision: { outcome: 'dismissed', reason: DECISION } } },
    });
    expect(dismissed.body.request.openComplaints).toBe(0);
    expect(again).toMatchObject({ status: 409, body: { code: 'COMPLAINT.ALREADY_DECIDED' } });
    expect(awarded).toMatchObject({ status: 200, body: { status: 'awarded' } });
    const trail = (await t.stores.audit.list(LUDHIANA, { limit: 50 })).items.filter((e) => e.subject === id);
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(['complaint.filed', 'complaint.dismissed', 'request.awarded']),
    );
  });

  it('refuses a second complaint, a non-bidder, a short reason, a late complaint; nothing stored', async () => {
    // Prepare
    const { id, endsAt } = await ranked();
    const first = await t.call('POST', `${base(id)}/complaints`, { token: tok.it, body: { reason: REASON } });
    // Act
    const second = await t.call('POST', `${base(id)}/complaints`, { token: tok.it, body: { reason: REASON } });
    const stranger = await t.call('POST', `${base(id)}/complaints`, { token: tok.fairs, body: { reason: REASON } });
    const short = await t.call('POST', `${base(id)}/complaints`, { token: tok.erp, body: { reason: 'Too cheap.' } });
    clock.set(Date.parse(endsAt));
    await issue();
    const late = await t.call('POST', `${base(id)}/complaints`, { token: tok.erp, body: { reason: REASON } });
    // Assess
    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 409, body: { code: 'COMPLAINT.ALREADY_FILED' } });
    expect(stranger).toMatchObject({ status: 403, body: { code: 'COMPLAINT.NOT_BIDDER' } });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('reason');
    expect(late).toMatchObject({
      status: 409,
      type: expect.stringContaining('application/problem+json'),
      body: { code: 'COMPLAINT.AFTER_STANDSTILL' },
    });
    expect(await complaintsOf(id)).toHaveLength(1);
    expect((await t.call('GET', base(id), { token: tok.knidgro })).body.openComplaints).toBe(1);
  });

  it('hostile tenants: a bidder reads only its own, a foreign admin gets 404, a provider cannot decide', async () => {
    // Prepare
    const { id } = await ranked();
    const filed = await t.call('POST', `${base(id)}/complaints`, { token: tok.it, body: { reason: REASON } });
    const decide = `${base(id)}/complaints/${filed.body.id}/decision`;
    const body = { outcome: 'dismissed', reason: DECISION };
    // Act
    const otherBidder = await t.call('GET', `${base(id)}/complaints`, { token: tok.erp });
    const own = await t.call('GET', `${base(id)}/complaints`, { token: tok.it });
    const foreignRead = await t.call('GET', `${base(id)}/complaints`, { token: tok.jaipurAdmin });
    const foreignDecide = await t.call('POST', decide, { token: tok.jaipurAdmin, body });
    const viaJaipur = await t.call('POST', `${base(id, JAIPUR)}/complaints/${filed.body.id}/decision`, {
      token: tok.jaipurAdmin,
      body,
    });
    const byProvider = await t.call('POST', decide, { token: tok.erp, body });
    const foreignList = await t.call('GET', `/api/clusters/${LUDHIANA}/complaints`, { token: tok.jaipurAdmin });
    // Assess
    expect(otherBidder).toMatchObject({ status: 200, body: { items: [] } });
    expect(own.body.items).toMatchObject([{ id: filed.body.id }]);
    for (const res of [foreignRead, foreignDecide, foreignList]) expect(res.status).toBe(404);
    expect(viaJaipur.status).toBe(404);
    expect(byProvider).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect((await complaintsOf(id))[0]).toMatchObject({ status: 'open' });
  });

  it('upheld, re-evaluated: the wrongly excluded bid is restored and ranked, a new stand-still starts', async () => {
    // Prepare
    const { id, niftBid, endsAt } = await ranked();
    const filed = await t.call('POST', `${base(id)}/complaints`, {
      token: tok.nift,
      body: { reason: 'Our bid serves two firms at the first tier price; the tier table was misread.' },
    });
    clock.advance(DAY);
    await issue();
    const open = await t.call('GET', `/api/clusters/${LUDHIANA}/complaints`, { token: tok.admin });
    // Act
    const wrong = await t.call('POST', `${base(id)}/complaints/${filed.body.id}/decision`, {
      token: tok.admin,
      body: { outcome: 'upheld', remedy: 'reevaluate', reason: DECISION, restoreBidIds: [`bid_${'1'.repeat(26)}`] },
    });
    const upheld = await t.call('POST', `${base(id)}/complaints/${filed.body.id}/decision`, {
      token: tok.admin,
      body: { outcome: 'upheld', remedy: 'reevaluate', reason: DECISION, restoreBidIds: [niftBid] },
    });
    await t.drain();
    const mine = await t.call('GET', `${base(id)}/my-ranking`, { token: tok.nift });
    // Assess
    expect(open.body.items.find((c: { id: string }) => c.id === filed.body.id)).toMatchObject({
      requestTitle: 'IT training for KNIDGRO and APPEAL members',
      providerName: 'National Institute of Fashion Technology',
    });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'COMPLAINT.NOT_RESTORABLE' } });
    expect(upheld).toMatchObject({
      status: 200,
      body: { complaint: { status: 'upheld', decision: { remedy: 'reevaluate', restoredBidIds: [niftBid] } } },
    });
    expect(upheld.body.evaluation.recommended.bidId).toBe(niftBid);
    expect(Date.parse(upheld.body.request.standstillEndsAt)).toBe(
      Date.parse(upheld.body.evaluation.evaluatedAt) + 2 * DAY,
    );
    expect(Date.parse(upheld.body.request.standstillEndsAt)).toBeGreaterThan(Date.parse(endsAt));
    expect(mine.body.mine).toMatchObject({ status: 'ranked', rank: 1 });
    const published = (await t.stores.inbox.list(providerActor('nift').organisationId, { limit: 50 })).items.filter(
      (n) => n.requestId === id && n.kind === 'ranking.published',
    );
    expect(published).toHaveLength(2);
  });

  it('upheld, cancelled: the request is cancelled; the complainant, the lead and every bidder are told', async () => {
    // Prepare
    const { id } = await ranked();
    const filed = await t.call('POST', `${base(id)}/complaints`, { token: tok.it, body: { reason: REASON } });
    // Act
    const upheld = await t.call('POST', `${base(id)}/complaints/${filed.body.id}/decision`, {
      token: tok.admin,
      body: { outcome: 'upheld', remedy: 'cancel', reason: 'The specification named one bidder’s product by brand.' },
    });
    await t.drain();
    // Assess
    expect(upheld).toMatchObject({ status: 200, body: { request: { status: 'cancelled', openComplaints: 0 } } });
    const inbox = async (org: string) =>
      (await t.stores.inbox.list(org, { limit: 100 })).items.filter((n) => n.requestId === id);
    const kinds = async (org: string) => (await inbox(org)).map((n) => n.kind).sort();
    expect(await kinds(LUDHIANA)).toEqual(['complaint.filed']);
    expect(await kinds(KNIDGRO)).toEqual(expect.arrayContaining(['complaint.filed', 'complaint.decided']));
    expect(await kinds(providerActor('itTraining').organisationId)).toEqual(
      expect.arrayContaining(['complaint.filed', 'complaint.decided']),
    );
    expect(await kinds(providerActor('erp').organisationId)).toContain('complaint.decided');
    const decided = (await inbox(KNIDGRO)).find((n) => n.kind === 'complaint.decided');
    expect(decided?.text).toContain('cancelled');
  });
});
