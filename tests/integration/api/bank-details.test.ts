import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../../functions/local/seed/data';
import type { TestApp } from '../support/test-app';
import { demoActor, marketApp, providerActor, tokenOf } from './support';

const NIFT = PROVIDERS.nift.id;
const path = (providerId = NIFT) => `/api/providers/${providerId}/bank-details`;
const DETAILS = {
  beneficiaryName: 'National Institute of Fashion Technology',
  ifsc: 'sbin 0005943',
  accountNumber: '3011 7845 220',
};
const ACCOUNT = '30117845220';

describe("a provider's bank details", () => {
  let t: TestApp;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await marketApp();
    const actors = {
      nift: providerActor('nift'),
      lict: providerActor('itTraining'),
      admin: demoActor('nac'),
      clusterAdmin: demoActor('ludhiana-cda'),
      stateAdmin: demoActor('punjab'),
      rep: demoActor('knidgro'),
      funder: demoActor('sidbi'),
    };
    for (const [k, a] of Object.entries(actors)) tok[k] = await tokenOf(t, a);
  });
  afterAll(() => t.stop());

  it('are none until given, then kept as written and shown masked to the provider and a national admin', async () => {
    // Prepare
    const before = await t.call('GET', path(), { token: tok.nift });

    // Act
    const put = await t.call('PUT', path(), { token: tok.nift, body: DETAILS });
    const own = await t.call('GET', path(), { token: tok.nift });
    const admin = await t.call('GET', path(), { token: tok.admin });

    // Assess
    expect(before).toMatchObject({ status: 200, body: { bankDetails: null } });
    const masked = { beneficiaryName: DETAILS.beneficiaryName, ifsc: 'SBIN0005943', accountEnding: '5220' };
    for (const res of [put, own, admin]) {
      expect(res).toMatchObject({ status: 200, body: { bankDetails: masked } });
      expect(JSON.stringify(res.body)).not.toContain(ACCOUNT.slice(0, 7));
    }
    expect(await t.stores.bankDetails.get(NIFT)).toEqual({
      ...masked,
      accountEnding: undefined,
      accountNumber: ACCOUNT,
    });
  });

  it.each([
    ['ifsc', { ifsc: 'SBIN1005943' }],
    ['ifsc', { ifsc: 'SBI00005943' }],
    ['accountNumber', { accountNumber: '12345678' }],
    ['accountNumber', { accountNumber: '30117845ABC' }],
    ['beneficiaryName', { beneficiaryName: ' ' }],
  ])('refuses a bad %s with 400 naming it, and keeps the details on file', async (field, bad) => {
    // Act
    const res = await t.call('PUT', path(), { token: tok.nift, body: { ...DETAILS, ...bad } });

    // Assess
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect((await t.stores.bankDetails.get(NIFT))?.accountNumber).toBe(ACCOUNT);
  });

  it('tell another provider, a cluster admin, a funder or an association nothing; none can change them', async () => {
    // Act
    const reads = {
      otherProvider: await t.call('GET', path(), { token: tok.lict }),
      clusterAdmin: await t.call('GET', path(), { token: tok.clusterAdmin }),
      stateAdmin: await t.call('GET', path(), { token: tok.stateAdmin }),
      rep: await t.call('GET', path(), { token: tok.rep }),
      funder: await t.call('GET', path(), { token: tok.funder }),
    };
    const writes = {
      otherProvider: await t.call('PUT', path(), { token: tok.lict, body: { ...DETAILS, accountNumber: '999999999' } }),
      admin: await t.call('PUT', path(), { token: tok.admin, body: { ...DETAILS, accountNumber: '999999999' } }),
      clusterAdmin: await t.call('PUT', path(), { token: tok.clusterAdmin, body: DETAILS }),
    };

    // Assess: another provider learns not even that the provider exists; other roles are refused at the door
    expect(reads.otherProvider).toMatchObject({ status: 404, body: { code: 'PROVIDER.NOT_FOUND' } });
    expect(writes.otherProvider).toMatchObject({ status: 404, body: { code: 'PROVIDER.NOT_FOUND' } });
    for (const res of [
      reads.clusterAdmin,
      reads.stateAdmin,
      reads.rep,
      reads.funder,
      writes.admin,
      writes.clusterAdmin,
    ])
      expect(res).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    for (const res of [...Object.values(reads), ...Object.values(writes)]) {
      expect(JSON.stringify(res.body)).not.toContain('5220');
      expect(JSON.stringify(res.body)).not.toContain('SBIN');
    }
    expect((await t.stores.bankDetails.get(NIFT))?.accountNumber).toBe(ACCOUNT);
  });

  it('answers 404 to a national admin for a provider that does not exist', async () => {
    // Act
    const res = await t.call('GET', path('prv_01M8GM41AC82MR5Y8JDZXXR1CJ'), { token: tok.admin });

    // Assess
    expect(res).toMatchObject({ status: 404, body: { code: 'PROVIDER.NOT_FOUND' } });
  });
});
