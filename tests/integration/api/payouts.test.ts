import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, holdId, type Actor } from '@bds/core';
import { FUNDERS, PROVIDERS } from '../../../functions/local/seed/data';
import type { TestApp } from '../support/test-app';
import { demoActor, LUDHIANA, marketApp, providerActor, tokenOf } from './support';

const inr = (amount: number) => ({ amount, currency: 'INR' as const });
const PROGRAMME = 'prg_01M8GM41AC82MR5Y8JDZXXR1CJ';
const FUNDER: Actor = demoActor('sidbi');

describe('payouts API', () => {
  let t: TestApp;
  let admin: string;
  let funder: string;
  let itTraining: string;
  let nift: string;
  let n = 0;

  beforeAll(async () => {
    t = await marketApp();
    [admin, funder, itTraining, nift] = await Promise.all([
      tokenOf(t, demoActor('nac')),
      tokenOf(t, FUNDER),
      tokenOf(t, providerActor('itTraining')),
      tokenOf(t, providerActor('nift')),
    ]);
    await t.stores.ledger.execute({
      kind: 'deposit',
      id: 'deposit:payouts',
      funderId: FUNDERS.sidbi.id,
      programmeId: PROGRAMME,
      amount: inr(100_000_000),
    });
  });
  afterAll(() => t.stop());

  /** Holds and releases `amount` to a provider, as an accepted milestone does. */
  const release = async (providerId: string, amount: number) => {
    const award = `req_pay${++n}`;
    await t.stores.ledger.execute({
      kind: 'hold',
      id: holdId(award, 0, PROGRAMME),
      programmeId: PROGRAMME,
      clusterId: LUDHIANA,
      awardId: award,
      providerId,
      amount: inr(amount),
    });
    await t.stores.ledger.execute({ kind: 'post', id: `post:${award}:m0`, pendingId: holdId(award, 0, PROGRAMME) });
  };
  const payable = async (providerId: string) =>
    (await t.stores.ledger.account(accountId({ kind: 'payable', providerId }))).creditsPosted -
    (await t.stores.ledger.account(accountId({ kind: 'payable', providerId }))).debitsPosted;

  it('pays releases in a batch, exports exact CSV and is marked paid once', async () => {
    // Prepare
    await release(PROVIDERS.itTraining.id, 12_345_05);
    await release(PROVIDERS.itTraining.id, 1_00);
    await release(PROVIDERS.nift.id, 7);
    const before = await t.call('GET', `/api/providers/${PROVIDERS.itTraining.id}/payable`, { token: itTraining });
    expect(before.body.payable).toEqual(inr(12_346_05));
    expect(before.body.releases.map((r: { amount: { amount: number } }) => r.amount.amount)).toEqual([1_00, 12_345_05]);

    await t.call('PUT', `/api/providers/${PROVIDERS.itTraining.id}/bank-details`, {
      token: itTraining,
      body: { beneficiaryName: 'Ludhiana Institute', ifsc: 'PUNB0112200', accountNumber: '0112002100012345' },
    });
    const preview = await t.call('GET', '/api/payables', { token: admin });

    // Act
    const batch = await t.call('POST', '/api/payouts', { token: admin, body: { payoutId: '2026-04' } });
    const retry = await t.call('POST', '/api/payouts', { token: admin, body: { payoutId: '2026-04' } });

    // Assess
    expect(batch.status).toBe(201);
    expect(retry.body).toEqual(batch.body);
    expect(batch.body.status).toBe('exported');
    const lines = [...batch.body.lines].sort((a, b) => a.amount.amount - b.amount.amount);
    expect(lines).toEqual([
      { providerId: PROVIDERS.nift.id, providerName: PROVIDERS.nift.name, amount: inr(7) },
      { providerId: PROVIDERS.itTraining.id, providerName: PROVIDERS.itTraining.name, amount: inr(12_346_05) },
    ]);
    // The preview listed exactly the lines the batch paid, by name, and wrote nothing
    expect(preview.status).toBe(200);
    expect([...preview.body.lines].sort((a, b) => a.amount.amount - b.amount.amount)).toEqual(lines);
    expect(preview.body.totals).toEqual([inr(12_346_12)]);
    expect(preview.body.withoutBankDetails).toEqual([PROVIDERS.nift.name]);
    expect((await t.call('GET', '/api/payables', { token: admin })).body).toEqual({
      lines: [],
      totals: [],
      withoutBankDetails: [],
    });
    expect(await payable(PROVIDERS.itTraining.id)).toBe(0);
    const after = await t.call('GET', `/api/providers/${PROVIDERS.itTraining.id}/payable`, { token: admin });
    expect(after.body).toMatchObject({ payable: inr(0), paidOut: inr(12_346_05) });

    // A batch pays every programme's money to every provider: a funder reads neither it nor its file
    for (const path of ['/api/payouts', '/api/payouts/2026-04', '/api/payouts/2026-04/csv'])
      expect((await t.call('GET', path, { token: funder })).status, path).toBe(403);
    // The national admin's file carries the account of each provider that gave one
    const forBank = await t.app.request('/api/payouts/2026-04/csv', { headers: { authorization: `Bearer ${admin}` } });
    expect(forBank.status).toBe(200);
    expect(forBank.headers.get('content-type')).toContain('text/csv');
    const header = 'payout_id,provider_id,provider_name,beneficiary_name,ifsc,account_number,amount,currency';
    expect((await forBank.clone().text()).split('\r\n')[0]).toBe(header);
    expect((await forBank.text()).split('\r\n').slice(1).sort()).toEqual(
      [
        '',
        `2026-04,${PROVIDERS.itTraining.id},${PROVIDERS.itTraining.name},` +
          'Ludhiana Institute,PUNB0112200,0112002100012345,12346.05,INR',
        `2026-04,${PROVIDERS.nift.id},${PROVIDERS.nift.name},,,,0.07,INR`,
      ].sort(),
    );

    const paid = await t.call('POST', '/api/payouts/2026-04/paid', { token: admin, body: { reference: 'UTR-991' } });
    const paidAgain = await t.call('POST', '/api/payouts/2026-04/paid', {
      token: admin,
      body: { reference: 'UTR-991' },
    });
    const other = await t.call('POST', '/api/payouts/2026-04/paid', { token: admin, body: { reference: 'UTR-992' } });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', reference: 'UTR-991' });
    expect(paidAgain.body).toEqual(paid.body);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('PAYOUT.ALREADY_PAID');

    const mine = await t.call('GET', `/api/providers/${PROVIDERS.itTraining.id}/payouts`, { token: itTraining });
    expect(mine.body.items).toEqual([
      expect.objectContaining({ payoutId: '2026-04', amount: inr(12_346_05), status: 'paid' }),
    ]);
    const list = await t.call('GET', '/api/payouts', { token: admin });
    expect(list.body.items.map((b: { payoutId: string }) => b.payoutId)).toContain('2026-04');
  });

  it('never pays a provider twice when two batches run at once', async () => {
    // Prepare
    const providers = [PROVIDERS.sisi.id, PROVIDERS.lab.id, PROVIDERS.fairs.id];
    for (const [i, p] of providers.entries()) await release(p, 1_000 * (i + 1));
    const owed = await Promise.all(providers.map(payable));

    // Act
    const [a, b] = await Promise.all([
      t.call('POST', '/api/payouts', { token: admin, body: { payoutId: 'race-a' } }),
      t.call('POST', '/api/payouts', { token: admin, body: { payoutId: 'race-b' } }),
    ]);

    // Assess: each provider is in exactly one batch, for exactly what it was owed
    expect([a.status, b.status]).toEqual([201, 201]);
    const lines = [...a.body.lines, ...b.body.lines] as { providerId: string; amount: { amount: number } }[];
    for (const [i, p] of providers.entries()) {
      const paidLines = lines.filter((l) => l.providerId === p);
      expect(paidLines).toHaveLength(1);
      expect(paidLines[0]!.amount.amount).toBe(owed[i]);
      expect(await payable(p)).toBe(0);
      expect((await t.stores.ledger.account(accountId({ kind: 'paid', providerId: p }))).creditsPosted).toBe(owed[i]);
    }
  });

  it('keeps a provider to its own money, and batches to admins', async () => {
    expect((await t.call('GET', `/api/providers/${PROVIDERS.itTraining.id}/payable`, { token: nift })).status).toBe(
      404,
    );
    expect((await t.call('GET', `/api/providers/${PROVIDERS.itTraining.id}/payouts`, { token: nift })).status).toBe(
      404,
    );
    expect((await t.call('POST', '/api/payouts', { token: funder, body: { payoutId: 'x' } })).status).toBe(403);
    expect((await t.call('GET', '/api/payouts', { token: itTraining })).status).toBe(403);
    expect((await t.call('GET', '/api/payouts/nope', { token: admin })).status).toBe(404);
    const bad = await t.call('POST', '/api/payouts', { token: admin, body: { payoutId: 'no spaces' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('payoutId');
  });
});
