import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../../functions/local/seed/data';
import { testClock, type TestApp } from '../support/test-app';
import { DAY, DEPOSITED, escrowWorld, inr, type EscrowWorld } from './escrow-support';
import {
  KNIDGRO,
  LUDHIANA,
  TWO_HOURS,
  newBid,
  newRequest,
  openRequestVia,
  registerFirmVia,
  setStandstill,
} from './support';

const FAIRS = PROVIDERS.fairs.id;
const IT = PROVIDERS.itTraining.id;
const REASON = 'India Trade Fair Associates is already booked for the Delhi fair with three of our firms';
const COMPLAINT = 'Our capacity was read wrongly: we can take every pledged firm at this fair.';
const DECISION = 'The bid states a capacity of three firms; the evaluation read it as written.';

/**
 * Issue 13: a KNIDGRO fair-participation request pledged by five firms and bid by two providers of
 * three firms each — no single bidder can serve it, so the award is a split: one contract each,
 * each with its own escrow, and the stand-still and complaints block it as they block an award.
 */
describe('split awards through the API', () => {
  const clock = testClock();
  let w: EscrowWorld;
  let t: TestApp;
  let id: string;
  let firms: string[];
  let bids: { fairs: string; it: string };
  const base = (r: string) => w.base(r);

  beforeAll(async () => {
    // Prepare: a one-hour stand-still; five pledged firms; two bids of capacity 3 (fairs cheaper per firm).
    w = await escrowWorld(clock);
    t = w.t;
    await setStandstill(t, w.tok.admin, LUDHIANA, 3_600);
    id = await openRequestVia(
      t,
      w.tok.knidgro,
      LUDHIANA,
      newRequest(clock.now(), { title: 'Split knitwear fair', category: 'market-access' }),
    );
    firms = [];
    for (const n of [1, 2, 3, 4, 5]) {
      const firmId = await registerFirmVia(t, w.tok.knidgro, LUDHIANA, KNIDGRO, `Split fair firm ${n}`);
      expect((await t.call('POST', `${base(id)}/pledges`, { token: w.tok.knidgro, body: { firmId } })).status).toBe(
        201,
      );
      firms.push(firmId);
      clock.advance(1_000);
    }
    const fairs = await t.call('POST', `${base(id)}/bids`, { token: w.tok.fairs, body: newBid(30_000, 3) });
    const it = await t.call('POST', `${base(id)}/bids`, { token: w.tok.itTraining, body: newBid(35_000, 3) });
    expect([fairs.status, it.status]).toEqual([201, 201]);
    bids = { fairs: fairs.body.id, it: it.body.id };
    clock.advance(TWO_HOURS);
    await w.issue();
    expect((await t.call('POST', `${base(id)}/close`, { token: w.tok.knidgro })).status).toBe(200);
    await t.drain();
  }, 240_000);
  afterAll(() => t.stop());

  it('ranks the two bids for a split and previews no single award', async () => {
    // Act
    const evaluation = await t.call('GET', `${base(id)}/evaluation`, { token: w.tok.knidgro });
    const preview = await t.call('GET', `${base(id)}/award-preview`, { token: w.tok.knidgro });
    // Assess
    expect(evaluation.body).toMatchObject({ outcome: 'ranked', split: true, volume: 5 });
    expect(evaluation.body.ranking.map((r: { bidId: string; capacity: number }) => [r.bidId, r.capacity])).toEqual([
      [bids.fairs, 3],
      [bids.it, 3],
    ]);
    expect(preview).toMatchObject({ status: 409, body: { code: 'AWARD.SPLIT_NEEDED' } });
  });

  it('is blocked by the stand-still and by an open complaint the same way an award is, writing nothing', async () => {
    // Act
    const early = await t.call('POST', `${base(id)}/award-split`, { token: w.tok.knidgro, body: {} });
    const filed = await t.call('POST', `${base(id)}/complaints`, {
      token: w.tok.itTraining,
      body: { reason: COMPLAINT },
    });
    clock.advance(2 * 3_600_000);
    await w.issue();
    const blocked = await t.call('POST', `${base(id)}/award-split`, { token: w.tok.knidgro, body: {} });
    const request = await t.call('GET', base(id), { token: w.tok.knidgro });
    const dismissed = await t.call('POST', `${base(id)}/complaints/${filed.body.id}/decision`, {
      token: w.tok.admin,
      body: { outcome: 'dismissed', reason: DECISION },
    });
    // Assess
    expect(early).toMatchObject({ status: 409, body: { code: 'AWARD.STANDSTILL_RUNNING' } });
    expect(filed.status).toBe(201);
    expect(blocked).toMatchObject({ status: 409, body: { code: 'AWARD.COMPLAINT_OPEN' } });
    expect(request.body).toMatchObject({ status: 'evaluating' });
    expect(request.body.splitAward).toBeUndefined();
    expect(dismissed.status).toBe(200);
  });

  it('refuses a bad split of the association’s own naming the field, writing nothing', async () => {
    // Act
    const noReason = await t.call('POST', `${base(id)}/award-split`, {
      token: w.tok.knidgro,
      body: {
        parts: [
          { bidId: bids.fairs, firms: 2 },
          { bidId: bids.it, firms: 3 },
        ],
      },
    });
    const over = await t.call('POST', `${base(id)}/award-split`, {
      token: w.tok.knidgro,
      body: {
        parts: [
          { bidId: bids.fairs, firms: 4 },
          { bidId: bids.it, firms: 1 },
        ],
        reason: REASON,
      },
    });
    const short = await t.call('POST', `${base(id)}/award-split-preview`, {
      token: w.tok.knidgro,
      body: {
        parts: [
          { bidId: bids.fairs, firms: 2 },
          { bidId: bids.it, firms: 2 },
        ],
        reason: REASON,
      },
    });
    const byProvider = await t.call('POST', `${base(id)}/award-split`, { token: w.tok.fairs, body: {} });
    const request = await t.call('GET', base(id), { token: w.tok.knidgro });
    // Assess
    expect(noReason).toMatchObject({ status: 422, body: { code: 'REQUEST.REASON_REQUIRED' } });
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect(over).toMatchObject({ status: 422, body: { code: 'SPLIT.OVER_CAPACITY' } });
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'parts.0.firms' })]);
    expect(short).toMatchObject({ status: 422, body: { code: 'SPLIT.NOT_VOLUME' } });
    expect(byProvider.status).toBe(403);
    expect(request.body.status).toBe('evaluating');
  });

  it('refuses a single award; previews, awards the rule’s split: a contract, an escrow each, one share', async () => {
    // Act
    const single = await t.call('POST', `${base(id)}/award`, { token: w.tok.knidgro, body: { bidId: bids.fairs } });
    const preview = await t.call('POST', `${base(id)}/award-split-preview`, { token: w.tok.knidgro, body: {} });
    const awarded = await t.call('POST', `${base(id)}/award-split`, { token: w.tok.knidgro, body: {} });
    const again = await t.call('POST', `${base(id)}/award-split`, { token: w.tok.knidgro, body: {} });
    await t.drain();
    // Assess: fairs (rank 1) takes its 3, IT training the other 2, each at its own curve (₹30,000 / ₹35,000).
    expect(single).toMatchObject({ status: 409, body: { code: 'AWARD.SPLIT_NEEDED' } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      strategy: 'largest_score',
      volume: 5,
      total: inr(3 * 30_000_00 + 2 * 35_000_00),
    });
    expect(preview.body.contracts.map((c: { providerId: string; firms: number }) => [c.providerId, c.firms])).toEqual([
      [FAIRS, 3],
      [IT, 2],
    ]);
    expect(awarded.status).toBe(200);
    expect(again).toMatchObject({ status: 409 });
    const contracts = awarded.body.contracts as {
      id: string;
      award: { providerId: string; total: { amount: number } };
    }[];
    expect(contracts.map((c) => [c.award.providerId, c.award.total.amount])).toEqual([
      [FAIRS, 3 * 30_000_00],
      [IT, 2 * 35_000_00],
    ]);
    expect(awarded.body.request).toMatchObject({ status: 'awarded', splitAward: { strategy: 'largest_score' } });
    let held = 0;
    for (const [n, c] of contracts.entries()) {
      const money = await t.call('GET', `${base(c.id)}/money`, { token: w.tok.knidgro });
      // One award for the taper: both contracts at the first award's 50 %, as the preview said.
      expect(money.body).toMatchObject({
        status: 'held',
        total: inr(c.award.total.amount),
        subsidy: preview.body.contracts[n].subsidy,
        privateShare: preview.body.contracts[n].privateShare,
      });
      expect(money.body.subsidy.amount).toBe(c.award.total.amount / 2);
      held += money.body.subsidy.amount as number;
    }
    expect(await w.pool()).toBe(DEPOSITED - held);
    expect(
      await t.stores.repeatCounts.read({ clusterId: LUDHIANA, associationId: KNIDGRO, category: 'market-access' }),
    ).toBe(1);
  });

  it('lets each provider read its own contract and its firms, and not the other’s', async () => {
    // Prepare
    const split = (await t.call('GET', base(id), { token: w.tok.knidgro })).body.splitAward;
    const [fairsContract, itContract] = split.contracts.map((c: { requestId: string }) => c.requestId);
    // Act
    const own = await t.call('GET', base(fairsContract), { token: w.tok.fairs });
    const other = await t.call('GET', base(itContract), { token: w.tok.fairs });
    const ownFirms = await t.call('GET', `${base(fairsContract)}/pledges`, { token: w.tok.fairs });
    const itFirms = await t.call('GET', `${base(itContract)}/pledges`, { token: w.tok.itTraining });
    const report = await w.report(fairsContract, 0, [firms[0]!]);
    const foreign = await w.report(fairsContract, 1, [firms[4]!]);
    // Assess: firms in pledge order, 3 and 2, each in one contract; a firm of the other contract is refused.
    expect(own.body).toMatchObject({ status: 'awarded', contractOf: { requestId: id, index: 0, count: 2 } });
    expect(other.status).toBe(404);
    expect(ownFirms.body.items.map((f: { firmId: string }) => f.firmId).sort()).toEqual(firms.slice(0, 3).sort());
    expect(itFirms.body.items.map((f: { firmId: string }) => f.firmId).sort()).toEqual(firms.slice(3).sort());
    expect(report.status).toBe(200);
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    expect(foreign.status).toBeLessThan(500);
    clock.advance(DAY);
  });
});
