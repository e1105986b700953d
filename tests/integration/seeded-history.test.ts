import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Indicators, IndicatorsTable } from '@bds/core';
import { ASSOCIATIONS, CLUSTERS } from '../../functions/local/seed/data';
import { auditIndicatorStore } from '../../functions/adapters/dynamo/indicators-audit';
import { packageErrors, releaseErrors } from '../fixtures/ocds/validator';
import { testApp, type TestApp } from './support/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading free-form OCDS JSON
type Release = { ocid: string; id: string; date: string; tag: string[] } & Record<string, any>;

// The delivered history (`npm start`'s demo, months of awards and deliveries through the real path)
// costs the most of any fixture: seeded once here for the read-only checks of issue 11 that need it.
describe('on the seeded delivered history', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ history: true });
    await t.drain();
  }, 180_000);
  afterAll(() => t.stop());

  // `npm start`'s demo: the audit finds nothing to fix.
  describe('the seeded delivered history', () => {
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

  // Open contracting data, checked with a real JSON Schema validator.
  describe('open contracting data (OCDS 1.1.5)', () => {
    /** Every page of a query; each package must validate. */
    async function allPages(query: string): Promise<Release[]> {
      const releases: Release[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await t.call('GET', `/api/open-data/releases?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.headers.get('cache-control')).toMatch(/public/);
        const { nextCursor, ...pkg } = res.body as { nextCursor: string | null; releases: Release[] };
        if (pkg.releases.length > 0) expect(packageErrors(pkg)).toEqual([]);
        for (const r of pkg.releases) expect(releaseErrors(r), r.id).toEqual([]);
        releases.push(...pkg.releases);
        cursor = nextCursor;
        pages++;
      } while (cursor && pages < 500);
      expect(cursor).toBeNull();
      return releases;
    }

    it('pages every release of every cluster; each package and release validates', async () => {
      const releases = await allPages('');
      expect(new Set(releases.map((r) => r.id)).size).toBe(releases.length);
      const tags = new Set(releases.flatMap((r) => r.tag));
      for (const tag of ['tender', 'award', 'contract', 'implementation']) expect(tags, tag).toContain(tag);
      const implementation = releases.filter((r) => r.tag.includes('implementation'));
      expect(implementation.some((r) => r.contracts[0].implementation.transactions.length > 0)).toBe(true);
      const awarded = releases.find((r) => r.tag.includes('award'))!;
      expect(awarded.parties.some((p: { roles: string[] }) => p.roles.includes('funder'))).toBe(true);
      expect(awarded.planning.budget.budgetBreakdown.length).toBeGreaterThan(0);
      expect(awarded.bdsBidStatistics.numberOfBids).toBeGreaterThan(0);
      expect(awarded.bdsSubsidy.contributions[0].shareSchedule.length).toBeGreaterThan(0);
      expect(JSON.stringify(releases)).not.toMatch(/"firm_/);
    });

    it('filters by cluster and since, and the JSON Lines download holds the same releases', async () => {
      const cluster = CLUSTERS.jaipur.id;
      const ofCluster = await allPages(`&clusterId=${cluster}`);
      expect(ofCluster.length).toBeGreaterThan(0);
      const dates = ofCluster.map((r) => r.date).sort();
      const since = dates[Math.floor(dates.length / 2)]!;
      const recent = await allPages(`&clusterId=${cluster}&since=${encodeURIComponent(since)}`);
      expect(recent.length).toBeGreaterThan(0);
      expect(recent.length).toBeLessThan(ofCluster.length);
      expect(recent.every((r) => r.date >= since)).toBe(true);

      const res = await t.app.request(`/api/open-data/releases.jsonl?clusterId=${cluster}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/jsonl/);
      const lines = (await res.text())
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Release);
      for (const r of lines) expect(releaseErrors(r), r.id).toEqual([]);
      expect(lines.map((r) => r.id).sort()).toEqual(ofCluster.map((r) => r.id).sort());
      const all = await t.app.request('/api/open-data/releases.jsonl');
      expect((await all.text()).trimEnd().split('\n').length).toBeGreaterThan(lines.length);
    });

    it('rejects a broken release and package', async () => {
      const page = await t.call('GET', `/api/open-data/releases?clusterId=${CLUSTERS.jaipur.id}`);
      const [first] = page.body.releases as Release[];
      expect(releaseErrors(first)).toEqual([]);
      expect(releaseErrors({ ...first, tag: ['finished'] })).not.toEqual([]);
      const { ocid: _ocid, ...noOcid } = first!;
      expect(releaseErrors(noOcid).join()).toMatch(/ocid/);
      const pkg = {
        uri: 'x',
        version: '1.1',
        publishedDate: 'yesterday',
        publisher: { name: 'x' },
        releases: [noOcid],
      };
      expect(packageErrors(pkg)).not.toEqual([]);
    });

    it.each([
      ['/api/open-data/releases?cursor=not-a-cursor', 422, 'cursor'],
      ['/api/open-data/releases?since=yesterday', 400, 'since'],
      ['/api/open-data/releases?limit=1000', 400, 'limit'],
      ['/api/open-data/releases?clusterId=not-an-id', 400, 'clusterId'],
      ['/api/open-data/releases.jsonl?since=2026-13-01', 400, 'since'],
    ])('%s → %i naming %s', async (path, status, field) => {
      const res = await t.call('GET', path);
      expect(res.status).toBe(status);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 404 for an unknown cluster and refuses a cursor of another cluster', async () => {
      const unknown = await t.call('GET', '/api/open-data/releases?clusterId=clu_00000000000000000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.type).toContain('application/problem+json');
      const page = await t.call('GET', `/api/open-data/releases?limit=1&clusterId=${CLUSTERS.jaipur.id}`);
      expect(page.body.nextCursor).toBeTruthy();
      const other = await t.call(
        'GET',
        `/api/open-data/releases?clusterId=${CLUSTERS.pune.id}&cursor=${page.body.nextCursor}`,
      );
      expect(other.status).toBe(422);
      expect(other.body.errors.map((e: { field: string }) => e.field)).toContain('cursor');
    });
  });
});
