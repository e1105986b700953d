import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDERS, PROVIDERS } from '../../../functions/local/seed/data';
import { testClock, type TestApp } from '../support/test-app';
import { DEPOSITED, escrowWorld, inr, type EscrowWorld } from './escrow-support';
import { JAIPUR, KNIDGRO, LUDHIANA, TWO_HOURS, demoActor, providerActor, tokenOf } from './support';

/**
 * GET …/award-preview: what the lead association reads before it confirms an award. It must say
 * exactly what the escrow worker then holds, and write nothing.
 */
describe('award preview', () => {
  const clock = testClock();
  let w: EscrowWorld;
  let t: TestApp;
  let request: { id: string; firms: string[]; bidId: string };
  const preview = (token: string, query = '', id = request.id, cluster = LUDHIANA) =>
    t.call('GET', `/api/clusters/${cluster}/requests/${id}/award-preview${query}`, { token });

  beforeAll(async () => {
    // Prepare: a fair-participation request of KNIDGRO with two pledged firms and one bid, not yet closed
    w = await escrowWorld(clock);
    t = w.t;
    await t.stores.funders.put(FUNDERS.sidbi);
    request = await w.fair({ label: 'Preview stall', rupeesPerFirm: 30_001, award: false });
  }, 120_000);
  afterAll(() => t.stop());

  it('is refused before the request is ranked, as the award would be', async () => {
    // Act
    const res = await preview(w.tok.knidgro);

    // Assess: an open request cannot be awarded yet
    expect(res).toMatchObject({ status: 409, body: { code: 'REQUEST.ILLEGAL_TRANSITION' } });
  });

  it('states what the award would hold and what each firm pays, and writes nothing', async () => {
    // Prepare
    clock.advance(TWO_HOURS);
    await w.issue();
    expect((await t.call('POST', `${w.base(request.id)}/close`, { token: w.tok.knidgro })).status).toBe(200);
    const poolBefore = await w.pool();

    // Act
    const recommended = await preview(w.tok.knidgro);
    const picked = await preview(w.tok.knidgro, `?bidId=${request.bidId}`);

    // Assess: the first award of the category gets 50 %; ₹60,002 between two firms is ₹15,000.50 each
    expect(recommended.status).toBe(200);
    expect(picked.body).toEqual(recommended.body);
    expect(recommended.body).toEqual({
      bidId: request.bidId,
      providerId: PROVIDERS.fairs.id,
      providerName: PROVIDERS.fairs.name,
      volume: 2,
      pricePerFirm: inr(30_001_00),
      total: inr(60_002_00),
      subsidy: inr(30_001_00),
      privateShare: inr(30_001_00),
      perFirm: inr(15_000_50),
      even: true,
      contributions: [
        {
          programmeId: w.programme.id,
          programmeName: 'Fair participation support',
          funderName: FUNDERS.sidbi.name,
          amount: inr(30_001_00),
        },
      ],
    });
    expect(await w.pool()).toBe(poolBefore);
    expect(poolBefore).toBe(DEPOSITED);
    const count = await t.stores.repeatCounts.read({
      clusterId: LUDHIANA,
      associationId: KNIDGRO,
      category: 'market-access',
    });
    expect(count).toBe(0);
  });

  it('matches what the escrow worker holds once the award is made', async () => {
    // Prepare
    const shown = (await preview(w.tok.knidgro)).body;

    // Act
    const awarded = await t.call('POST', `${w.base(request.id)}/award`, {
      token: w.tok.knidgro,
      body: { bidId: request.bidId },
    });
    await t.drain();

    // Assess
    expect(awarded.status).toBe(200);
    const money = (await t.call('GET', `${w.base(request.id)}/money`, { token: w.tok.knidgro })).body;
    expect(money).toMatchObject({ status: 'held', total: shown.total, subsidy: shown.subsidy });
    expect(money.privateShare).toEqual(shown.privateShare);
    expect(money.contributions.map((c: { amount: unknown }) => c.amount)).toEqual(
      shown.contributions.map((c: { amount: unknown }) => c.amount),
    );
    // Awarded: there is nothing left to preview
    expect((await preview(w.tok.knidgro)).status).toBe(409);
  });

  it('names the field for a malformed bid and refuses one that is not ranked', async () => {
    // Prepare
    const other = await w.fair({ label: 'Preview rank', award: false });
    clock.advance(TWO_HOURS);
    await w.issue();
    await t.call('POST', `${w.base(other.id)}/close`, { token: w.tok.knidgro });

    // Act
    const malformed = await preview(w.tok.knidgro, '?bidId=not-a-bid', other.id);
    const unranked = await preview(w.tok.knidgro, `?bidId=bid_${'1'.repeat(26)}`, other.id);

    // Assess
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'bidId' })]);
    expect(unranked).toMatchObject({ status: 422, body: { code: 'REQUEST.BID_NOT_RANKED' } });
    expect(JSON.stringify(unranked.body)).not.toContain('bid_1111');
  });

  it('is for the lead association only: another association, the bidder, another cluster learn nothing', async () => {
    // Prepare
    const other = await w.fair({ label: 'Preview guard', award: false });
    clock.advance(TWO_HOURS);
    await w.issue();
    await t.call('POST', `${w.base(other.id)}/close`, { token: w.tok.knidgro });
    const [appeal, jaipurAdmin, calico] = await Promise.all([
      tokenOf(t, demoActor('appeal')),
      tokenOf(t, demoActor('jaipur-cda')),
      tokenOf(t, demoActor('calico')),
    ]);

    // Act
    const answers = {
      appeal: await preview(appeal, '', other.id),
      bidder: await preview(w.tok.fairs, '', other.id),
      clusterAdmin: await preview(w.tok.admin, '', other.id),
      jaipurAdmin: await preview(jaipurAdmin, '', other.id),
      calicoHere: await preview(calico, '', other.id),
      calicoThere: await preview(calico, '', other.id, JAIPUR),
      otherProvider: await preview(await tokenOf(t, providerActor('itTraining')), '', other.id),
    };

    // Assess: no answer carries a figure
    expect(answers.appeal).toMatchObject({ status: 403, body: { code: 'REQUEST.NOT_SPONSOR' } });
    for (const res of [answers.bidder, answers.otherProvider, answers.clusterAdmin, answers.jaipurAdmin])
      expect(res).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect(answers.calicoHere).toMatchObject({ status: 404, body: { code: 'CLUSTER.NOT_FOUND' } });
    expect(answers.calicoThere).toMatchObject({ status: 404, body: { code: 'REQUEST.NOT_FOUND' } });
    for (const res of Object.values(answers)) expect(res.body.subsidy).toBeUndefined();
  });
});
