import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubsidyProgramme, accountId, type Money as MoneyModule } from '@bds/core';
import { FUNDERS } from '../../../functions/local/seed/data';
import { silentLogger } from '../../../functions/observability/logger';
import { onMilestoneAutoAccept } from '../../../functions/workers/request-events/handlers/auto-accept';
import type { WorkerDeps } from '../../../functions/workers/request-events/worker';
import { testClock, type TestApp } from '../support/test-app';
import { KNIDGRO, LUDHIANA, demoActor, marketApp, newBid, newRequest, openRequestVia, providerActor, registerFirmVia, tokenOf, TWO_HOURS } from './support';

type Money = MoneyModule.Money;
const DAY = 86_400_000;
const inr = (amount: number): Money => ({ amount, currency: 'INR' });
const EVIDENCE = 'Stall at the Delhi knitwear fair for five days; photographs and visitor log attached.';
const REASON = 'The fair was postponed to next year by its organisers.';

// The request's delivery lifecycle follows its escrow: first report → in_delivery, last decision → completed.
describe('a request through delivery: in_delivery, completed, cancelled while delivering; who sees the pledged firms', () => {
  const clock = testClock();
  let t: TestApp;
  let tok: Record<'knidgro' | 'admin' | 'fairs' | 'itTraining', string>;
  let programme: SubsidyProgramme;
  let n = 0;
  const base = (id: string) => `/api/clusters/${LUDHIANA}/requests/${id}`;
  const issue = async () => {
    const [knidgro, admin, fairs, itTraining] = await Promise.all([
      tokenOf(t, demoActor('knidgro')), tokenOf(t, demoActor('ludhiana-cda')), tokenOf(t, providerActor('fairs')), tokenOf(t, providerActor('itTraining')),
    ]);
    tok = { knidgro, admin, fairs, itTraining };
  };
  const status = async (id: string) => (await t.call('GET', base(id), { token: tok.knidgro })).body.status as string;
  const pool = async () => (await t.stores.ledger.account(accountId({ kind: 'pool', programmeId: programme.id }))).available;
  const report = (id: string, index: number, attendedFirmIds: string[] = []) =>
    t.call('POST', `${base(id)}/milestones/${index}/report`, { token: tok.fairs, body: { evidence: EVIDENCE, attendedFirmIds } });
  const accept = (id: string, index: number) => t.call('POST', `${base(id)}/milestones/${index}/accept`, { token: tok.knidgro });
  const autoAccept = (id: string, index: number) => onMilestoneAutoAccept(
    { id: `evt_auto${index}`, type: 'milestone.auto_accept', clusterId: LUDHIANA, occurredAt: new Date(clock.now()).toISOString(), correlationId: 'c', idempotencyKey: `k${index}`, payload: { requestId: id, index } },
    { stores: t.stores, clock: t.clock, log: silentLogger } as unknown as WorkerDeps, silentLogger,
  );

  /** A KNIDGRO fair request, pledged by two member firms and bid by the fair organiser; stopped before the award when `award` is false. */
  async function fair(award = true): Promise<{ id: string; firms: string[]; bidId: string }> {
    n++;
    const id = await openRequestVia(t, tok.knidgro, LUDHIANA, newRequest(clock.now(), { title: `Lifecycle fair ${n}`, category: 'market-access' }));
    const firms: string[] = [];
    for (const name of [`Lifecycle firm ${n}a`, `Lifecycle firm ${n}b`]) {
      const firmId = await registerFirmVia(t, tok.knidgro, LUDHIANA, KNIDGRO, name);
      expect((await t.call('POST', `${base(id)}/pledges`, { token: tok.knidgro, body: { firmId } })).status).toBe(201);
      firms.push(firmId);
    }
    const bid = await t.call('POST', `${base(id)}/bids`, { token: tok.fairs, body: newBid(30_000) });
    expect(bid.status).toBe(201);
    if (!award) return { id, firms, bidId: bid.body.id };
    clock.advance(TWO_HOURS);
    await issue();
    expect((await t.call('POST', `${base(id)}/close`, { token: tok.knidgro })).status).toBe(200);
    expect((await t.call('POST', `${base(id)}/award`, { token: tok.knidgro, body: { bidId: bid.body.id } })).status).toBe(200);
    await t.drain();
    expect((await t.call('GET', `${base(id)}/money`, { token: tok.knidgro })).body.status).toBe('held');
    return { id, firms, bidId: bid.body.id };
  }

  beforeAll(async () => {
    t = await marketApp({ clock });
    await issue();
    programme = SubsidyProgramme.parse({
      id: t.deps.ids.next('programme'), funderId: FUNDERS.sidbi.id, name: 'Fair participation support', scope: { kind: 'cluster', clusterId: LUDHIANA },
      currency: 'INR', budget: inr(50_00_000_00), eligibleCategories: ['market-access'], schedule: [5000, 3800, 2600, 700], capPerAward: inr(10_00_000_00),
      validFrom: new Date(clock.now() - DAY).toISOString(), validUntil: new Date(clock.now() + 365 * DAY).toISOString(), priority: 10, status: 'open',
    });
    await t.stores.programmes.create(programme);
    await t.stores.ledger.execute({ kind: 'deposit', id: `deposit:${programme.id}:seed`, funderId: FUNDERS.sidbi.id, programmeId: programme.id, amount: inr(10_00_000_00) });
  }, 120_000);
  afterAll(() => t.stop());

  it('award → first report: in_delivery → both milestones accepted: completed, each step in the audit trail', async () => {
    // Prepare
    const { id, firms } = await fair();
    expect(await status(id)).toBe('awarded');
    // Act + Assess: the first report starts delivery, the second changes nothing
    expect((await report(id, 0, [firms[0]!])).status).toBe(200);
    expect(await status(id)).toBe('in_delivery');
    expect((await report(id, 1)).status).toBe(200);
    expect(await status(id)).toBe('in_delivery');
    // One milestone decided out of two: still delivering
    expect((await accept(id, 0)).status).toBe(200);
    expect(await status(id)).toBe('in_delivery');
    // The last one decided: completed, with the money closed
    const last = await accept(id, 1);
    expect(last.status).toBe(200);
    expect(last.body.status).toBe('closed');
    expect(await status(id)).toBe('completed');
    const audit = (await t.call('GET', `/api/clusters/${LUDHIANA}/audit?limit=100`, { token: tok.admin })).body.items as { action: string; subject: string; actorRole: string; after?: { status: string } }[];
    const mine = audit.filter((e) => e.subject === id);
    expect(mine).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'request.in_delivery', actorRole: 'provider', after: { status: 'in_delivery' } }),
      expect.objectContaining({ action: 'request.completed', actorRole: 'association_rep', after: { status: 'completed' } }),
    ]));
    // A completed request cannot be cancelled: nothing is left to void
    expect((await t.call('POST', `${base(id)}/cancel`, { token: tok.knidgro, body: { reason: REASON } })).body.code).toBe('REQUEST.ILLEGAL_TRANSITION');
  }, 120_000);

  it('a dispute resolved (void) and an auto-accepted milestone complete the request too', async () => {
    // Prepare
    const { id } = await fair();
    await report(id, 0);
    await report(id, 1);
    expect((await t.call('POST', `${base(id)}/milestones/0/dispute`, { token: tok.knidgro, body: { reason: 'Nobody staffed the stall on the first two days.' } })).status).toBe(200);
    expect((await t.call('POST', `${base(id)}/milestones/0/resolve`, { token: tok.admin, body: { outcome: 'void', reason: 'Not delivered' } })).status).toBe(200);
    expect(await status(id)).toBe('in_delivery');
    // Act: milestone 1's auto-acceptance comes due
    clock.advance(15 * DAY);
    await issue();
    await autoAccept(id, 1);
    // Assess
    expect((await t.call('GET', `${base(id)}/money`, { token: tok.knidgro })).body.milestones[1]).toMatchObject({ status: 'accepted', acceptance: { automatic: true } });
    expect(await status(id)).toBe('completed');
  }, 120_000);

  it('a request left behind by its escrow (lost second write) catches up on the next trigger', async () => {
    // Prepare: every milestone decided, then the request put back to awarded as if its transition had been lost
    const { id } = await fair();
    await report(id, 0);
    await report(id, 1);
    await accept(id, 0);
    await accept(id, 1);
    const done = (await t.stores.requests.get(LUDHIANA, id))!;
    expect(done.status).toBe('completed');
    await t.stores.requests.update({ ...done, status: 'awarded', version: done.version + 1 }, done.version);
    // Act: a repeated auto-accept trigger has nothing to accept, but re-checks the request
    await autoAccept(id, 1);
    // Assess
    expect(await status(id)).toBe('completed');
  }, 120_000);

  it('cancelling an in_delivery request voids what is still held back to the pool and keeps what was released', async () => {
    // Prepare
    const { id } = await fair();
    await report(id, 0);
    expect((await accept(id, 0)).status).toBe(200);
    expect(await status(id)).toBe('in_delivery');
    const before = (await t.call('GET', `${base(id)}/money`, { token: tok.knidgro })).body;
    const stillHeld = before.milestones[1].held.amount as number;
    const poolBefore = await pool();
    // Act
    const cancelled = await t.call('POST', `${base(id)}/cancel`, { token: tok.knidgro, body: { reason: REASON } });
    expect(cancelled.status).toBe(200);
    await t.drain();
    // Assess
    const after = (await t.call('GET', `${base(id)}/money`, { token: tok.knidgro })).body;
    expect(after.milestones.map((m: { status: string }) => m.status)).toEqual(['accepted', 'voided']);
    expect(after.milestones[0].released).toEqual(before.milestones[0].released);
    expect(after.milestones[1]).toMatchObject({ returned: inr(stillHeld), pending: inr(0) });
    expect(await pool()).toBe(poolBefore + stillHeld);
    expect(await status(id)).toBe('cancelled');
  }, 120_000);

  it('the awarded provider lists the pledged firms (ids and names only); other providers and a provider before the award cannot', async () => {
    // Prepare
    const open = await fair(false);
    // Assess: before the award, even the provider that bid is refused
    const early = await t.call('GET', `${base(open.id)}/pledges`, { token: tok.fairs });
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ code: 'PLEDGE.NOT_AWARDED_PROVIDER' });
    const { id, firms } = await fair();
    // Act
    const res = await t.call('GET', `${base(id)}/pledges`, { token: tok.fairs });
    // Assess
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { firmId: string }) => p.firmId).sort()).toEqual([...firms].sort());
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['firmId', 'firmName']);
    expect(res.body.items.map((p: { firmName: string }) => p.firmName).sort()).toEqual([`Lifecycle firm ${n}a`, `Lifecycle firm ${n}b`]);
    const other = await t.call('GET', `${base(id)}/pledges`, { token: tok.itTraining });
    expect([403, 404]).toContain(other.status);
    expect(other.body.items).toBeUndefined();
    // The association still sees its full pledges
    const lead = await t.call('GET', `${base(id)}/pledges`, { token: tok.knidgro });
    expect(lead.body.items[0]).toMatchObject({ associationId: KNIDGRO, pledgedAt: expect.any(String) });
    // The report names an attended firm from the list
    expect((await report(id, 0, [res.body.items[0].firmId])).body.milestones[0].report.attendedFirmIds).toEqual([res.body.items[0].firmId]);
  }, 120_000);
});
