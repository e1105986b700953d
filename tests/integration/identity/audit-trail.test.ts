import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, DEMO_USERS } from '../../../functions/local/seed/data';
import { technicalTokens } from '../../e2e/support/technical';
import { testApp, testClock, type TestApp } from '../support/test-app';

const email = (slug: string) => DEMO_USERS.find((u) => u.slug === slug)!.email;
const LUDHIANA = CLUSTERS.ludhiana.id;
const AUDIT = `/api/clusters/${LUDHIANA}/audit`;
const DAY = 86_400_000;
const istDate = (ms: number) => new Date(ms + 5.5 * 3_600_000).toISOString().slice(0, 10);

describe('the audit trail reads in words, filters by who, what and when, and exports', () => {
  let t: TestApp;
  let cda: string;
  let nac: string;
  let today: string;

  beforeAll(async () => {
    // Prepare: two privileged actions by two people, on two different days
    const clock = testClock();
    t = await testApp({ clock });
    nac = await t.signIn(email('nac'));
    cda = await t.signIn(email('ludhiana-cda'));
    clock.advance(-3 * DAY);
    const body = { name: 'Focal Point Knitters Association', shortName: 'FPKA', kind: 'association', memberCount: 35 };
    expect((await t.call('POST', `/api/clusters/${LUDHIANA}/associations`, { token: nac, body })).status).toBe(201);
    clock.advance(3 * DAY);
    const policy = (await t.call('GET', `${AUDIT.replace('/audit', '/policy')}`, { token: cda })).body;
    const changed = { ...policy, size: { ...policy.size, microBelow: 12 } };
    expect((await t.call('PUT', AUDIT.replace('/audit', '/policy'), { token: cda, body: changed })).status).toBe(200);
    today = istDate(t.clock.now());
  });
  afterAll(() => t.stop());

  it('names every person and thing a page mentions, so no id needs to be shown', async () => {
    // Act
    const page = await t.call('GET', AUDIT, { token: cda });

    // Assess
    expect(page.status).toBe(200);
    const policy = page.body.items.find((e: { action: string }) => e.action === 'cluster.policy');
    const created = page.body.items.find((e: { action: string }) => e.action === 'association.create');
    expect(page.body.names[policy.actorId]).toBe('Rajiv Sharma');
    expect(page.body.names[created.actorId]).toBe('Asha Menon');
    expect(page.body.names[created.subject]).toBe('Focal Point Knitters Association');
    expect(page.body.names[LUDHIANA]).toBe(CLUSTERS.ludhiana.name);
  });

  it('filters by action, by actor and by IST dates, and refuses a bad filter with a 400 naming the field', async () => {
    // Act
    const byAction = await t.call('GET', `${AUDIT}?action=cluster.policy`, { token: cda });
    const first = byAction.body.items[0];
    const byActor = await t.call('GET', `${AUDIT}?actor=${first.actorId}`, { token: cda });
    const todayOnly = await t.call('GET', `${AUDIT}?from=${today}&to=${today}`, { token: cda });
    const future = await t.call('GET', `${AUDIT}?from=${istDate(t.clock.now() + DAY)}`, { token: cda });
    const backwards = await t.call('GET', `${AUDIT}?from=${today}&to=2026-01-01`, { token: cda });
    const notADay = await t.call('GET', `${AUDIT}?from=2026-02-31`, { token: cda });

    // Assess
    expect(byAction.body.items.map((e: { action: string }) => e.action)).toEqual(['cluster.policy']);
    expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === first.actorId)).toBe(true);
    expect(byActor.body.items.some((e: { action: string }) => e.action === 'association.create')).toBe(false);
    expect(todayOnly.body.items.map((e: { action: string }) => e.action)).toContain('cluster.policy');
    expect(todayOnly.body.items.map((e: { action: string }) => e.action)).not.toContain('association.create');
    expect(future.body.items).toEqual([]);
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    expect(notADay.status).toBe(400);
    expect(notADay.body.errors.map((e: { field: string }) => e.field)).toEqual(['from']);
  });

  it('exports the filtered trail as CSV in words: names, IST times, before → after, no ids', async () => {
    // Act
    const csv = await t.call('GET', `${AUDIT}/csv?action=cluster.policy`, { token: cda });

    // Assess
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const [header, ...rows] = (csv.body as string).trim().split('\r\n');
    expect(header).toBe('When (IST),Who,Role,Action,On,Reason,What changed');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Rajiv Sharma,Cluster admin,Cluster policy changed,the cluster itself');
    expect(rows[0]).toContain('Size › Micro below: 12;');
    expect(rows[0]).toMatch(/IST/);
    expect(technicalTokens(csv.body as string)).toEqual([]);
  });

  it('is read by the cluster’s admins only, never another cluster’s', async () => {
    // Act
    const jaipurAdmin = await t.signIn(email('jaipur-cda'));
    const foreign = await t.call('GET', `${AUDIT}/csv`, { token: jaipurAdmin });
    const rep = await t.call('GET', AUDIT, { token: await t.signIn(email('knidgro')) });

    // Assess
    // Another cluster's trail does not exist for this admin (404, as every foreign cluster path).
    expect(foreign.status).toBe(404);
    expect(rep.status).toBe(403);
  });
});
