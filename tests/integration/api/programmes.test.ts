import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, createRequest, holdId, type Actor } from '@bds/core';
import { FUNDERS, PROVIDERS } from '../../../functions/local/seed/data';
import type { TestApp } from '../support/test-app';
import { demoActor, KNIDGRO, LUDHIANA, marketApp, newRequest, providerActor, tokenOf } from './support';

const inr = (amount: number) => ({ amount, currency: 'INR' as const });
const OTHER_FUNDER: Actor = {
  userId: 'usr_otherfunder',
  role: 'funder',
  organisationId: 'fnd_01M8GM41AC82MR5Y8JDZXXR1CJ',
  clusterIds: [],
};

const programmeBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Punjab cluster training support',
  scope: { kind: 'national' },
  currency: 'INR',
  budget: inr(10_000_000),
  eligibleCategories: ['training'],
  schedule: [5000, 3800, 2600, 700],
  capPerAward: inr(1_000_000),
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2031-01-01T00:00:00.000Z',
  priority: 10,
  ...overrides,
});

describe('programmes API', () => {
  let t: TestApp;
  let funder: string;
  let other: string;
  let admin: string;
  let provider: string;

  beforeAll(async () => {
    t = await marketApp();
    await t.stores.funders.put(FUNDERS.sidbi);
    [funder, other, admin, provider] = await Promise.all([
      tokenOf(t, demoActor('sidbi')),
      tokenOf(t, OTHER_FUNDER),
      tokenOf(t, demoActor('nac')),
      tokenOf(t, providerActor('itTraining')),
    ]);
  });
  afterAll(() => t.stop());

  const open = async (overrides: Record<string, unknown> = {}) => {
    const res = await t.call('POST', '/api/programmes', { token: funder, body: programmeBody(overrides) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; funderId: string; status: string; funds: Record<string, { amount: number }> };
  };
  const funds = (body: { funds: Record<string, { amount: number }> }) =>
    Object.fromEntries(Object.entries(body.funds).map(([k, v]) => [k, v.amount]));

  it('opens, deposits, holds, releases and closes with exact funds', async () => {
    // Prepare
    const p = await open();
    expect(p).toMatchObject({ status: 'open', funderId: FUNDERS.sidbi.id });
    expect(funds(p)).toEqual({ deposited: 0, available: 0, held: 0, released: 0, returned: 0 });

    // Act: deposit ₹1,00,000, then an award holds 30,000 + 20,000 and releases one part of 30,000 partially
    const dep = await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'd1', amount: inr(10_000_000) },
    });
    expect(dep.status).toBe(201);
    const hold = (i: number, amount: number) =>
      t.stores.ledger.execute({
        kind: 'hold',
        id: holdId('req_award1', i, p.id),
        programmeId: p.id,
        clusterId: LUDHIANA,
        awardId: 'req_award1',
        providerId: PROVIDERS.itTraining.id,
        amount: inr(amount),
      });
    await hold(0, 3_000_000);
    await hold(1, 2_000_000);
    await t.stores.ledger.execute({
      kind: 'post',
      id: 'post:req_award1:m0',
      pendingId: holdId('req_award1', 0, p.id),
      amount: inr(2_500_000),
    });
    const mid = await t.call('GET', `/api/programmes/${p.id}`, { token: funder });

    // Assess: 500,000 came back from the partial release; 2,000,000 still held
    expect(funds(mid.body)).toEqual({
      deposited: 10_000_000,
      available: 5_500_000,
      held: 2_000_000,
      released: 2_500_000,
      returned: 0,
    });

    // Act: close; a void after the close returns to the pool; closing again sweeps it
    const closed = await t.call('POST', `/api/programmes/${p.id}/close`, { token: funder, body: { confirm: true } });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(funds(closed.body)).toEqual({
      deposited: 10_000_000,
      available: 0,
      held: 2_000_000,
      released: 2_500_000,
      returned: 5_500_000,
    });
    await t.stores.ledger.execute({ kind: 'void', id: 'void:req_award1:m1', pendingId: holdId('req_award1', 1, p.id) });
    const swept = await t.call('POST', `/api/programmes/${p.id}/close`, { token: funder, body: { confirm: true } });
    expect(funds(swept.body)).toEqual({
      deposited: 10_000_000,
      available: 0,
      held: 0,
      released: 2_500_000,
      returned: 7_500_000,
    });
    const again = await t.call('POST', `/api/programmes/${p.id}/close`, { token: funder, body: { confirm: true } });
    expect(funds(again.body)).toEqual(funds(swept.body));
    const funderAccount = await t.stores.ledger.account(accountId({ kind: 'funder', funderId: FUNDERS.sidbi.id }));
    expect(funderAccount.creditsPosted).toBe(7_500_000);

    // The statement lists the pool's movements, newest first
    const statement = await t.call('GET', `/api/programmes/${p.id}/statement?limit=3`, { token: admin });
    expect(statement.status).toBe(200);
    expect(statement.body.items.map((e: { kind: string }) => e.kind)).toEqual(['close', 'void', 'close']);
    expect(statement.body.nextCursor).toEqual(expect.any(String));
  });

  it('records the bank reference on the statement, and refuses one that is not a reference', async () => {
    // Prepare
    const p = await open();

    // Act
    const bad = await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'bank-x', amount: inr(50_000), bankReference: 'UTR #12' },
    });
    const good = await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'bank-SBIN526007123456', amount: inr(50_000), bankReference: ' sbin526007123456 ' },
    });
    const statement = await t.call('GET', `/api/programmes/${p.id}/statement`, { token: funder });

    // Assess: the bad one is refused naming its field and moves nothing; the good one reads as on the bank statement
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['bankReference']);
    expect(good.status).toBe(201);
    expect(good.body.funds.deposited.amount).toBe(50_000);
    expect(statement.body.items.map((e: { memo?: string }) => e.memo)).toEqual(['Bank reference SBIN526007123456']);
  });

  it('replays a deposit retried with the same id, and refuses another amount or a closed programme', async () => {
    const p = await open();
    const first = await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'd-1', amount: inr(50_000) },
    });
    const retry = await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'd-1', amount: inr(50_000) },
    });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.funds.deposited.amount).toBe(50_000);

    const changed = await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'd-1', amount: inr(60_000) },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('LEDGER.TRANSFER_EXISTS');

    const badCurrency = await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'd-2', amount: { amount: 1, currency: 'USD' } },
    });
    expect(badCurrency.status).toBe(422);
    expect(JSON.stringify(badCurrency.body)).toContain('amount.currency');

    await t.call('POST', `/api/programmes/${p.id}/close`, { token: funder, body: { confirm: true } });
    const late = await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'd-3', amount: inr(1) },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('SUBSIDY.PROGRAMME_CLOSED');
  });

  it('completes a close that crashed after the ledger moved the money', async () => {
    const p = await open();
    await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'd', amount: inr(70_000) },
    });
    // The ledger close ran; the programme item was never updated (the crash).
    await t.stores.ledger.execute({
      kind: 'close',
      id: `close:${p.id}`,
      programmeId: p.id,
      funderId: FUNDERS.sidbi.id,
    });
    expect((await t.stores.programmes.get(p.id))?.status).toBe('open');

    const res = await t.call('POST', `/api/programmes/${p.id}/close`, { token: funder, body: { confirm: true } });
    expect(res.body.status).toBe('closed');
    expect(funds(res.body)).toMatchObject({ deposited: 70_000, available: 0, returned: 70_000 });
    expect(await t.stores.programmes.applicable(LUDHIANA, 'Punjab')).not.toContainEqual(
      expect.objectContaining({ id: p.id }),
    );
  });

  it('validates the body, naming the field', async () => {
    const noCluster = await t.call('POST', '/api/programmes', {
      token: funder,
      body: programmeBody({ scope: { kind: 'cluster', clusterId: 'clu_01M8GM41AC82MR5Y8JDZXXR1CJ' } }),
    });
    expect(noCluster.status).toBe(422);
    expect(JSON.stringify(noCluster.body)).toContain('scope.clusterId');
    const rising = await t.call('POST', '/api/programmes', {
      token: funder,
      body: programmeBody({ schedule: [3000, 5000] }),
    });
    expect(rising.status).toBe(400);
    expect(JSON.stringify(rising.body)).toContain('schedule');
    const floatBudget = await t.call('POST', '/api/programmes', {
      token: funder,
      body: programmeBody({ budget: { amount: 10.5, currency: 'INR' } }),
    });
    expect(floatBudget.status).toBe(400);
    expect(JSON.stringify(floatBudget.body)).toContain('budget.amount');
    const noConfirm = await t.call('POST', `/api/programmes/${(await open()).id}/close`, { token: funder, body: {} });
    expect(noConfirm.status).toBe(400);
    expect(JSON.stringify(noConfirm.body)).toContain('confirm');
  });

  it('finds open programmes by scope: national, state (any case) and cluster', async () => {
    const national = await open();
    const state = await open({ scope: { kind: 'state', state: ' punjab ' } });
    const cluster = await open({ scope: { kind: 'cluster', clusterId: LUDHIANA } });
    const elsewhere = await open({ scope: { kind: 'state', state: 'Kerala' } });
    const ids = (await t.stores.programmes.applicable(LUDHIANA, 'Punjab')).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([national.id, state.id, cluster.id]));
    expect(ids).not.toContain(elsewhere.id);
  });

  it('shows each funder only its own programmes; providers may not look', async () => {
    const p = await open();
    expect((await t.call('GET', `/api/programmes/${p.id}`, { token: other })).status).toBe(404);
    expect(
      (
        await t.call('POST', `/api/programmes/${p.id}/deposits`, {
          token: other,
          body: { depositId: 'x', amount: inr(1) },
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call('POST', `/api/programmes/${p.id}/close`, { token: other, body: { confirm: true } })).status,
    ).toBe(404);
    expect((await t.call('GET', `/api/programmes/${p.id}`, { token: provider })).status).toBe(403);
    expect(
      (
        await t.call('POST', `/api/programmes/${p.id}/deposits`, {
          token: admin,
          body: { depositId: 'x', amount: inr(1) },
        })
      ).status,
    ).toBe(403);
    expect((await t.call('GET', '/api/programmes', { token: other })).body.items).toEqual([]);
    const mine = await t.call('GET', '/api/programmes?limit=100', { token: funder });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(p.id);
    const all = await t.call('GET', '/api/programmes?limit=100', { token: admin });
    expect(all.body.items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await t.call('GET', `/api/programmes/${p.id}`, { token: admin })).status).toBe(200);
  });

  it('lists where the money went, one row per award', async () => {
    // Prepare: two awarded requests in Ludhiana, held from this programme over two milestones each
    const p = await open();
    await t.call('POST', `/api/programmes/${p.id}/deposits`, {
      token: funder,
      body: { depositId: 'd', amount: inr(1_000_000) },
    });
    const requests = [];
    for (const title of ['IT training for KNIDGRO members', 'Design course for KNIDGRO members']) {
      const r = createRequest(newRequest(t.clock.now(), { title }), {
        clusterId: LUDHIANA,
        associationId: KNIDGRO,
        ids: t.deps.ids,
        clock: t.clock,
      });
      await t.stores.requests.create(r);
      requests.push(r);
    }
    const [a, b] = requests as [(typeof requests)[0], (typeof requests)[0]];
    for (const [r, parts] of [
      [a, [70_000, 30_000]],
      [b, [14_000, 6_000]],
    ] as const) {
      for (const [i, amount] of parts.entries()) {
        await t.stores.ledger.execute({
          kind: 'hold',
          id: holdId(r.id, i, p.id),
          programmeId: p.id,
          clusterId: LUDHIANA,
          awardId: r.id,
          providerId: PROVIDERS.itTraining.id,
          amount: inr(amount),
        });
      }
    }
    await t.stores.ledger.execute({
      kind: 'post',
      id: `post:${a.id}:m0`,
      pendingId: holdId(a.id, 0, p.id),
      amount: inr(60_000),
    });
    await t.stores.ledger.execute({ kind: 'void', id: `void:${b.id}:m1`, pendingId: holdId(b.id, 1, p.id) });

    // Act: small pages, so an award's holds straddle pages
    const rows = [];
    let cursor: string | null = null;
    do {
      const res = await t.call('GET', `/api/programmes/${p.id}/awards?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
        token: funder,
      });
      expect(res.status).toBe(200);
      rows.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);

    // Assess
    expect(rows).toEqual([
      {
        clusterId: LUDHIANA,
        requestId: a.id,
        title: a.title,
        providerId: PROVIDERS.itTraining.id,
        providerName: PROVIDERS.itTraining.name,
        held: inr(30_000),
        released: inr(60_000),
        returned: inr(10_000),
      },
      {
        clusterId: LUDHIANA,
        requestId: b.id,
        title: b.title,
        providerId: PROVIDERS.itTraining.id,
        providerName: PROVIDERS.itTraining.name,
        held: inr(14_000),
        released: inr(0),
        returned: inr(6_000),
      },
    ]);
  });
});
