import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_TIMING } from '@bds/core';
import { testClock, type TestApp } from '../support/test-app';
import { demoActor, LUDHIANA, marketApp, newBid, newRequest, providerActor, tokenOf } from './support';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('minimum bidding period (national bounds, cluster policy)', () => {
  const clock = testClock();
  let t: TestApp;
  let tok: Record<'knidgro' | 'admin' | 'it', string>;
  const base = `/api/clusters/${LUDHIANA}/requests`;

  const draft = async (deadlineIn: number) => {
    const res = await t.call('POST', base, {
      token: tok.knidgro,
      body: newRequest(clock.now(), {
        biddingDeadline: iso(clock.now() + deadlineIn),
        deliveryWindow: {
          start: iso(clock.now() + 10 * DAY).slice(0, 10),
          end: iso(clock.now() + 40 * DAY).slice(0, 10),
        },
      }),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    // The AWS stages' bounds, not the harness's: this file is about them.
    t = await marketApp({ clock });
    t.deps.timing = NATIONAL_TIMING;
    tok = {
      knidgro: await tokenOf(t, demoActor('knidgro')),
      admin: await tokenOf(t, demoActor('ludhiana-cda')),
      it: await tokenOf(t, providerActor('itTraining')),
    };
  });
  afterAll(() => t.stop());

  it('refuses a deadline 2 seconds away (the 7-day default): 422 naming the field, still a draft', async () => {
    // Prepare
    const id = await draft(2_000);
    // Act
    const res = await t.call('POST', `${base}/${id}/publish`, { token: tok.knidgro });
    // Assess
    expect(res).toMatchObject({
      status: 422,
      type: expect.stringContaining('application/problem+json'),
      body: { code: 'REQUEST.BIDDING_PERIOD_TOO_SHORT', errors: [{ field: 'biddingDeadline' }] },
    });
    expect((await t.stores.requests.get(LUDHIANA, id))?.status).toBe('draft');
  });

  it('keeps the cluster policy within the national bounds, naming the field; nothing stored', async () => {
    // Prepare
    const policy = (await t.call('GET', `/api/clusters/${LUDHIANA}/policy`, { token: tok.admin })).body;
    // Act
    const tooShort = await t.call('PUT', `/api/clusters/${LUDHIANA}/policy`, {
      token: tok.admin,
      body: { ...policy, minBiddingPeriodSeconds: 60 },
    });
    const tooLong = await t.call('PUT', `/api/clusters/${LUDHIANA}/policy`, {
      token: tok.admin,
      body: { ...policy, standstillSeconds: 16 * 86_400 },
    });
    // Assess
    expect(tooShort).toMatchObject({ status: 422, body: { code: 'CLUSTER.POLICY_OUT_OF_BOUNDS' } });
    expect(tooShort.body.errors[0].field).toBe('minBiddingPeriodSeconds');
    expect(tooLong.body.errors[0].field).toBe('standstillSeconds');
    expect(await t.stores.clusters.getPolicy(LUDHIANA)).toBeUndefined();
  });

  it('publishes with the minimum the cluster set (2 days), refusing a deadline a day away', async () => {
    // Prepare
    const policy = (await t.call('GET', `/api/clusters/${LUDHIANA}/policy`, { token: tok.admin })).body;
    const put = await t.call('PUT', `/api/clusters/${LUDHIANA}/policy`, {
      token: tok.admin,
      body: { ...policy, minBiddingPeriodSeconds: 2 * 86_400 },
    });
    expect(put.status).toBe(200);
    const soon = await draft(DAY);
    const fine = await draft(2 * DAY + 60_000);
    // Act
    const refused = await t.call('POST', `${base}/${soon}/publish`, { token: tok.knidgro });
    const opened = await t.call('POST', `${base}/${fine}/publish`, { token: tok.knidgro });
    // Assess
    expect(refused.body.code).toBe('REQUEST.BIDDING_PERIOD_TOO_SHORT');
    expect(opened.body.status).toBe('open');
  });

  it('moves a deadline later once bids exist, never earlier; the schedule follows the stored deadline', async () => {
    // Prepare
    const id = await draft(3 * DAY);
    expect((await t.call('POST', `${base}/${id}/publish`, { token: tok.knidgro })).status).toBe(200);
    const bid = await t.call('POST', `${base}/${id}/bids`, { token: tok.it, body: newBid(6_000) });
    expect(bid.status, JSON.stringify(bid.body)).toBe(201);
    const before = await t.stores.requests.get(LUDHIANA, id);
    // Act
    const earlier = await t.call('POST', `${base}/${id}/deadline`, {
      token: tok.knidgro,
      body: { biddingDeadline: iso(clock.now() + 2 * DAY + 3_600_000) },
    });
    const tooClose = await t.call('POST', `${base}/${id}/deadline`, {
      token: tok.knidgro,
      body: { biddingDeadline: iso(clock.now() + 3_600_000) },
    });
    const fourDays = iso(clock.now() + 4 * DAY);
    const later = await t.call('POST', `${base}/${id}/deadline`, {
      token: tok.knidgro,
      body: { biddingDeadline: fourDays },
    });
    const byProvider = await t.call('POST', `${base}/${id}/deadline`, {
      token: tok.it,
      body: { biddingDeadline: iso(clock.now() + 5 * DAY) },
    });
    await t.drain();
    // Assess
    expect(earlier).toMatchObject({ status: 409, body: { code: 'REQUEST.DEADLINE_EARLIER_WITH_BIDS' } });
    expect(tooClose).toMatchObject({ status: 409, body: { code: 'REQUEST.DEADLINE_EARLIER_WITH_BIDS' } });
    expect(byProvider.status).toBe(403);
    expect(later).toMatchObject({ status: 200, body: { biddingDeadline: fourDays } });
    const stored = await t.stores.requests.get(LUDHIANA, id);
    expect(stored?.version).toBe(before!.version + 1);
    expect(t.scheduler.pending()).toContain(`deadline:${id}`);
  });

  it('moves a deadline earlier while nobody has bid, down to the minimum and no further', async () => {
    // Prepare
    const id = await draft(5 * DAY);
    expect((await t.call('POST', `${base}/${id}/publish`, { token: tok.knidgro })).status).toBe(200);
    // Act
    const tooClose = await t.call('POST', `${base}/${id}/deadline`, {
      token: tok.knidgro,
      body: { biddingDeadline: iso(clock.now() + DAY) },
    });
    const earlier = await t.call('POST', `${base}/${id}/deadline`, {
      token: tok.knidgro,
      body: { biddingDeadline: iso(clock.now() + 3 * DAY) },
    });
    // Assess
    expect(tooClose).toMatchObject({
      status: 422,
      body: { code: 'REQUEST.BIDDING_PERIOD_TOO_SHORT', errors: [{ field: 'biddingDeadline' }] },
    });
    expect(earlier.status).toBe(200);
  });
});
