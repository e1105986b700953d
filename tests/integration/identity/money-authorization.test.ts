import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@bds/core';
import { allRoutes } from '../../../functions/api/routes';
import { CLUSTERS } from '../../../functions/local/seed/data';
import { testApp, type TestApp } from '../support/test-app';

// Who may call each money route, written down here as data (docs/security.md has the same
// table). It is deliberately not read from the routes' own `access` field: a change there that
// is not also made here fails this test.
const N = 'national_admin',
  S = 'state_admin',
  C = 'cluster_admin',
  A = 'association_rep',
  P = 'provider',
  F = 'funder';
const MONEY: Record<string, readonly string[]> = {
  createProgramme: [F],
  listProgrammes: [F, N],
  getProgramme: [F, N],
  depositToProgramme: [F],
  closeProgramme: [F],
  programmeStatement: [F, N],
  programmeAwards: [F, N],
  getAwardMoney: [A, P, C, S, N],
  previewSplitAward: [A],
  awardSplit: [A],
  reportMilestone: [P],
  acceptMilestone: [A],
  acceptMilestoneInFull: [A],
  disputeMilestone: [A],
  resolveMilestone: [C, S, N],
  recordPrivateShareReceipt: [P],
  providerPayable: [P, N],
  createPayout: [N],
  listPayables: [N],
  getBankDetails: [P, N],
  putBankDetails: [P],
  listPayouts: [N],
  getPayout: [N],
  exportPayoutCsv: [N],
  markPayoutPaid: [N],
  providerPayouts: [P, N],
};
const OWN = CLUSTERS.ludhiana.id;
const value = (name: string) =>
  name === 'clusterId' ? OWN : name === 'index' ? '0' : 'xxx_01M8GM41AC82MR5Y8JDZXXR1CJ';

describe('authorization table of the money routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ seed: false });
  });
  afterAll(() => t.stop());

  it('names every money route the API has', () => {
    const money = allRoutes.filter((r) => ['programmes', 'payouts', 'escrow'].some((tag) => r.tags.includes(tag)));
    expect(money.map((r) => r.operationId).sort()).toEqual(Object.keys(MONEY).sort());
  });

  it.each(Object.entries(MONEY))('%s: exactly the listed roles pass the role gate', async (operationId, allowed) => {
    const route = allRoutes.find((r) => r.operationId === operationId)!;
    const path = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => value(name));
    const wrong: string[] = [];
    for (const role of Role.options) {
      const actor = {
        userId: 'usr_money',
        role,
        organisationId: 'org_money',
        clusterIds: role === N ? [] : [OWN],
        ...(role === S ? { state: 'Punjab' } : {}),
      };
      const { token } = await t.deps.tokens.issue(actor);
      const res = await t.call(route.method.toUpperCase(), path, {
        token,
        ...(route.method === 'get' ? {} : { body: {} }),
      });
      const gated = res.status === 403 && res.body?.code === 'AUTH.ROLE_NOT_ALLOWED';
      if (gated === allowed.includes(role) || res.status === 401 || res.status >= 500)
        wrong.push(`${role} → ${res.status} ${res.body?.code}`);
    }
    expect(wrong).toEqual([]);
  });
});
