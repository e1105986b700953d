import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Indicators, IndicatorsTable, MonthlyIndicators } from '@bds/core';
import { CLUSTERS } from '../../../functions/local/seed/data';
import { testApp, type TestApp } from '../support/test-app';

// The public indicators API's contract and its refusals (issue 11, "bad input").
describe('indicators API: contract and bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.stop());

  it('answers the exact shape, publicly and cacheably, for each scope', async () => {
    for (const q of [`clusterId=${CLUSTERS.ludhiana.id}`, 'state=punjab', '']) {
      const res = await t.call('GET', `/api/indicators?from=2026-01&to=2026-03&${q}`);
      expect(res.status, q).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/public/);
      const body = Indicators.strict().parse(res.body);
      expect(Object.keys(body).sort()).toEqual([
        'costRecovery',
        'delivered',
        'from',
        'graduation',
        'impact',
        'leverage',
        'market',
        'outreach',
        'scale',
        'scope',
        'sources',
        'to',
        'underServed',
      ]);
      expect(body.from).toBe('2026-01-01');
      expect(body.to).toBe('2026-03-31');
    }
    const state = await t.call('GET', '/api/indicators?state=%20PUNJAB&from=2026-01&to=2026-01');
    expect(state.body.scope).toEqual({ kind: 'state', state: 'Punjab' });
  });

  it('serves CSV, the monthly series and the table', async () => {
    const csv = await t.app.request(
      `/api/indicators?clusterId=${CLUSTERS.jaipur.id}&from=2026-01&to=2026-02&format=csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toBe('indicator,category,association,value,unit');
    const monthly = await t.call(
      'GET',
      `/api/indicators/monthly?clusterId=${CLUSTERS.jaipur.id}&from=2025-11&to=2026-02`,
    );
    expect(MonthlyIndicators.parse(monthly.body).months.map((m) => m.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    const table = await t.call('GET', '/api/indicators/table?from=2026-01&to=2026-12');
    expect(
      IndicatorsTable.parse(table.body)
        .columns.map((c) => c.clusterId)
        .sort(),
    ).toEqual(
      Object.values(CLUSTERS)
        .map((c) => c.id)
        .sort(),
    );
    const some = await t.call('GET', `/api/indicators/table?clusterIds=${CLUSTERS.pune.id},${CLUSTERS.jaipur.id}`);
    expect(some.body.columns.map((c: { name: string }) => c.name)).toEqual([
      'Jaipur hand-block printing',
      'Pune food processing',
    ]);
  });

  it.each([
    ['/api/indicators?clusterId=clu_NOSUCHCLUSTER', 404, 'clusterId'],
    ['/api/indicators?state=Atlantis', 404, 'state'],
    ['/api/indicators/table?clusterIds=clu_NOSUCHCLUSTER', 404, 'clusterIds'],
    ['/api/indicators?from=2026-05&to=2026-01', 400, 'from'],
    ['/api/indicators?from=2026-13&to=2027-01', 400, 'from'],
    ['/api/indicators?from=2026-02-30&to=2026-03-01', 400, 'from'],
    ['/api/indicators?from=2026-01&to=yesterday', 400, 'to'],
    ['/api/indicators?from=2010-01&to=2026-01', 400, 'to'],
    ['/api/indicators/monthly?from=2026-05&to=2026-01', 400, 'from'],
    ['/api/indicators/table?from=2016-01&to=2026-02', 400, 'to'],
    ['/api/indicators?clusterId=not-an-id', 400, 'clusterId'],
    ['/api/indicators?format=xml', 400, 'format'],
  ])('%s → %i naming %s', async (path, status, field) => {
    const res = await t.call('GET', path);
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('accepts exactly 10 years', async () => {
    expect((await t.call('GET', '/api/indicators?from=2016-01&to=2025-12')).status).toBe(200);
  });
});
