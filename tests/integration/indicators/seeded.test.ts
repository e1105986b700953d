import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Indicators, IndicatorsTable } from '@bds/core';
import { ASSOCIATIONS, CLUSTERS } from '../../../functions/local/seed/data';
import { auditIndicatorStore } from '../../../functions/adapters/dynamo/indicators-audit';
import { testApp, type TestApp } from '../support/test-app';

// `npm start`'s demo: delivered history through the real path; the audit finds nothing to fix.
describe('the seeded delivered history', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ history: true });
    await t.drain();
  }, 120_000);
  afterAll(() => t.stop());

  it('gives every pilot cluster a meaningful Table 1 and the audit reports zero differences', async () => {
    const audit = await auditIndicatorStore(t.stores.db);
    expect(audit.differences).toEqual([]);
    expect(audit.deliveries).toBeGreaterThanOrEqual(26);
    const table = IndicatorsTable.parse((await t.call('GET', '/api/indicators/table')).body);
    for (const c of Object.values(CLUSTERS)) {
      const col = table.columns.find((x) => x.clusterId === c.id)!;
      expect(col.indicators.scale, c.name).toBeGreaterThan(0);
      expect(col.indicators.costRecovery, c.name).toBeGreaterThan(0);
    }
    const national = Indicators.parse((await t.call('GET', '/api/indicators')).body);
    expect(national.leverage).toBeGreaterThan(1);
    expect(national.sources.supportInstitutions.amount.amount).toBeGreaterThan(0);
    const calico = national.graduation.steps.find(
      (s) => s.associationId === ASSOCIATIONS.calico.id && s.category === 'market-access',
    );
    expect(calico).toMatchObject({ award: 5, graduated: true, share: 0 });
  });
});
