import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app';
import { APPEAL, demoActor, KNIDGRO, LUDHIANA, marketApp, tokenOf } from './support';

describe('member-firm register API', () => {
  let t: TestApp;
  let knidgro: string;
  let appeal: string;
  let admin: string;
  const firms = (associationId = KNIDGRO) => `/api/clusters/${LUDHIANA}/associations/${associationId}/firms`;
  const count = async (associationId = KNIDGRO) => {
    let n = 0;
    let cursor: string | null = null;
    do {
      const res = await t.call('GET', `${firms(associationId)}?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        token: admin,
      });
      n += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return n;
  };

  beforeAll(async () => {
    t = await marketApp();
    [knidgro, appeal, admin] = await Promise.all([
      tokenOf(t, demoActor('knidgro')),
      tokenOf(t, demoActor('appeal')),
      tokenOf(t, demoActor('ludhiana-cda')),
    ]);
  });
  afterAll(() => t.stop());

  it('registers a firm and answers its derived size class and under-served flag', async () => {
    const res = await t.call('POST', firms(), {
      token: knidgro,
      body: { name: 'Kaur Hand Knits', employees: 7, mechanised: false, womenLed: true },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Kaur Hand Knits',
      associationId: KNIDGRO,
      clusterId: LUDHIANA,
      sizeClass: 'micro',
      underServed: true,
    });
    expect(res.headers.get('location')).toContain(res.body.id);
  });

  it(
    'keeps each register to its association: another association ' + 'can neither write nor read it; an admin reads it',
    async () => {
      expect(
        (
          await t.call('POST', firms(), {
            token: appeal,
            body: { name: 'Intruder Knits', employees: 3, mechanised: false, womenLed: false },
          })
        ).status,
      ).toBe(403);
      expect((await t.call('GET', firms(), { token: appeal })).status).toBe(403);
      for (const name of ['Page One Knits', 'Page Two Knits'])
        await t.call('POST', firms(), {
          token: knidgro,
          body: { name, employees: 20, mechanised: true, womenLed: false },
        });
      const page = await t.call('GET', `${firms()}?limit=1`, { token: admin });
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      const next = await t.call('GET', `${firms()}?limit=1&cursor=${page.body.nextCursor}`, { token: admin });
      expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    },
  );

  it('names every bad field of a registration', async () => {
    const res = await t.call('POST', firms(), { token: knidgro, body: { name: '', employees: 0, mechanised: 'yes' } });
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'employees',
      'mechanised',
      'name',
      'womenLed',
    ]);
  });

  it('imports a CSV register sent as text/csv, all rows', async () => {
    const before = await count();
    const csv =
      'name,employees,mechanised,women_led,sector_detail\n"Gupta, ' +
      'Sons",12,yes,no,Socks\nRani Knits,4,no,yes,\nJolly Woollens,55,yes,no,Blankets\n';
    const res = await t.call('POST', `${firms()}/import`, {
      token: knidgro,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(3);
    expect(res.body.items.map((f: { sizeClass: string }) => f.sizeClass)).toEqual(['small', 'micro', 'medium']);
    expect(await count()).toBe(before + 3);
  });

  it('imports a register sent as JSON { csv }', async () => {
    const res = await t.call('POST', `${firms(APPEAL)}/import`, {
      token: appeal,
      body: { csv: 'firm name,employees,mechanized,women-led\nSethi Knits,30,1,0\n' },
    });
    expect(res.status).toBe(201);
    expect(res.body.items[0]).toMatchObject({ name: 'Sethi Knits', employees: 30, mechanised: true, womenLed: false });
  });

  it(
    'refuses a register with bad rows as 422, names each ' + 'row by its line and column, and imports nothing',
    async () => {
      const before = await count();
      const csv = 'name,employees,mechanised,women_led\nGood Knits,10,yes,no\n,12,yes,no\nBad Count,twelve,maybe,no\n';
      const res = await t.call('POST', `${firms()}/import`, {
        token: knidgro,
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expect(res.status).toBe(422);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 422, code: 'FIRM.CSV_INVALID', instance: `${firms()}/import` });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'line.3.name',
        'line.4.employees',
        'line.4.mechanised',
      ]);
      for (const e of res.body.errors) expect(e.message).toMatch(/\S/);
      expect(await count()).toBe(before);
    },
  );

  it(
    'refuses a register sent as JSON { csv } with bad rows ' + 'the same way, and a file without rows on its line',
    async () => {
      const bad = await t.call('POST', `${firms()}/import`, {
        token: knidgro,
        body: { csv: 'name,employees,mechanised,women_led\nOnly Name,,yes,no\n' },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['line.2.employees']);
      const headerOnly = await t.call('POST', `${firms()}/import`, {
        token: knidgro,
        body: 'name,employees,mechanised,women_led\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(headerOnly.status).toBe(422);
      expect(headerOnly.body.errors.map((e: { field: string }) => e.field)).toEqual(['line.2']);
    },
  );

  it('refuses a body that is neither text/csv nor JSON, and a JSON body without csv', async () => {
    const wrongType = await t.call('POST', `${firms()}/import`, {
      token: knidgro,
      body: 'name\n',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toBe('content-type');
    const noCsv = await t.call('POST', `${firms()}/import`, { token: knidgro, body: { register: 'x' } });
    expect(noCsv.status).toBe(400);
    expect(noCsv.body.errors.map((e: { field: string }) => e.field)).toEqual(['register']);
    const missing = await t.call('POST', `${firms()}/import`, { token: knidgro, body: {} });
    expect(missing.body.errors[0].field).toBe('csv');
  });
});
