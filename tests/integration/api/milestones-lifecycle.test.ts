import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock, type TestApp } from '../support/test-app';
import { DAY, escrowWorld, inr, type EscrowWorld } from './escrow-support';
import { KNIDGRO, LUDHIANA } from './support';

const REASON = 'The fair was postponed to next year by its organisers.';

// The request's delivery lifecycle follows its escrow: first report → in_delivery, last decision → completed.
describe(
  'a request through delivery: in_delivery, completed, ' + 'cancelled while delivering; who sees the pledged firms',
  () => {
    const clock = testClock();
    let w: EscrowWorld;
    let t: TestApp;
    let n = 0;
    const base = (id: string) => w.base(id);
    const status = async (id: string) =>
      (await t.call('GET', base(id), { token: w.tok.knidgro })).body.status as string;
    const report = (id: string, index: number, attendedFirmIds: string[] = []) => w.report(id, index, attendedFirmIds);
    const accept = (id: string, index: number) => w.accept(id, index);
    const autoAccept = (id: string, index: number) => w.autoAccept(id, index);
    const pool = () => w.pool();
    /**
     * A KNIDGRO fair request, pledged by two member firms and bid by the fair organiser; stopped before the award when
     * `award` is false.
     */
    const fair = (award = true) => w.fair({ label: `Lifecycle ${++n}`, award });

    beforeAll(async () => {
      w = await escrowWorld(clock);
      t = w.t;
    }, 120_000);
    afterAll(() => t.stop());

    it(
      'award → first report: in_delivery → both milestones ' + 'accepted: completed, each step in the audit trail',
      async () => {
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
        const audit = (await t.call('GET', `/api/clusters/${LUDHIANA}/audit?limit=100`, { token: w.tok.admin })).body
          .items as { action: string; subject: string; actorRole: string; after?: { status: string } }[];
        const mine = audit.filter((e) => e.subject === id);
        expect(mine).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              action: 'request.in_delivery',
              actorRole: 'provider',
              after: { status: 'in_delivery' },
            }),
            expect.objectContaining({
              action: 'request.completed',
              actorRole: 'association_rep',
              after: { status: 'completed' },
            }),
          ]),
        );
        // A completed request cannot be cancelled: nothing is left to void
        expect(
          (await t.call('POST', `${base(id)}/cancel`, { token: w.tok.knidgro, body: { reason: REASON } })).body.code,
        ).toBe('REQUEST.ILLEGAL_TRANSITION');
      },
      120_000,
    );

    it('a dispute resolved (void) and an auto-accepted milestone complete the request too', async () => {
      // Prepare
      const { id } = await fair();
      await report(id, 0);
      await report(id, 1);
      const disputed = await t.call('POST', `${base(id)}/milestones/0/dispute`, {
        token: w.tok.knidgro,
        body: { reason: 'Nobody staffed the stall on the first two days.' },
      });
      expect(disputed.status).toBe(200);
      expect(disputed.body.milestones[0]).toMatchObject({ status: 'disputed' });
      expect(disputed.body.milestones[1]).toMatchObject({ status: 'reported' });
      expect(
        (
          await t.call('POST', `${base(id)}/milestones/0/resolve`, {
            token: w.tok.admin,
            body: { outcome: 'void', reason: 'Not delivered' },
          })
        ).status,
      ).toBe(200);
      expect(await status(id)).toBe('in_delivery');
      // Act: milestone 1's auto-acceptance comes due
      clock.advance(15 * DAY);
      await w.issue();
      await autoAccept(id, 1);
      // Assess
      expect((await t.call('GET', `${base(id)}/money`, { token: w.tok.knidgro })).body.milestones[1]).toMatchObject({
        status: 'accepted',
        acceptance: { automatic: true },
      });
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

    it(
      'cancelling an in_delivery request voids what is still ' + 'held back to the pool and keeps what was released',
      async () => {
        // Prepare
        const { id } = await fair();
        await report(id, 0);
        expect((await accept(id, 0)).status).toBe(200);
        expect(await status(id)).toBe('in_delivery');
        const before = (await t.call('GET', `${base(id)}/money`, { token: w.tok.knidgro })).body;
        const stillHeld = before.milestones[1].held.amount as number;
        const poolBefore = await pool();
        // Act
        const cancelled = await t.call('POST', `${base(id)}/cancel`, {
          token: w.tok.knidgro,
          body: { reason: REASON },
        });
        expect(cancelled.status).toBe(200);
        await t.drain();
        // Assess
        const after = (await t.call('GET', `${base(id)}/money`, { token: w.tok.knidgro })).body;
        expect(after.milestones.map((m: { status: string }) => m.status)).toEqual(['accepted', 'voided']);
        expect(after.milestones[0].released).toEqual(before.milestones[0].released);
        expect(after.milestones[1]).toMatchObject({ returned: inr(stillHeld), pending: inr(0) });
        expect(await pool()).toBe(poolBefore + stillHeld);
        expect(await status(id)).toBe('cancelled');
      },
      120_000,
    );

    it(
      'the awarded provider lists the pledged firms (ids and names ' +
        'only); other providers and a provider before the award cannot',
      async () => {
        // Prepare
        const open = await fair(false);
        // Assess: before the award, even the provider that bid is refused
        const early = await t.call('GET', `${base(open.id)}/pledges`, { token: w.tok.fairs });
        expect(early.status).toBe(403);
        expect(early.body).toMatchObject({ code: 'PLEDGE.NOT_AWARDED_PROVIDER' });
        const { id, firms } = await fair();
        // Act
        const res = await t.call('GET', `${base(id)}/pledges`, { token: w.tok.fairs });
        // Assess
        expect(res.status).toBe(200);
        expect(res.body.items.map((p: { firmId: string }) => p.firmId).sort()).toEqual([...firms].sort());
        for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['firmId', 'firmName']);
        expect(res.body.items.map((p: { firmName: string }) => p.firmName).sort()).toEqual([
          `Lifecycle ${n} firm a`,
          `Lifecycle ${n} firm b`,
        ]);
        const other = await t.call('GET', `${base(id)}/pledges`, { token: w.tok.itTraining });
        expect([403, 404]).toContain(other.status);
        expect(other.body.items).toBeUndefined();
        // The association still sees its full pledges
        const lead = await t.call('GET', `${base(id)}/pledges`, { token: w.tok.knidgro });
        expect(lead.body.items[0]).toMatchObject({ associationId: KNIDGRO, pledgedAt: expect.any(String) });
        // The report names an attended firm from the list
        expect((await report(id, 0, [res.body.items[0].firmId])).body.milestones[0].report.attendedFirmIds).toEqual([
          res.body.items[0].firmId,
        ]);
      },
      120_000,
    );
  },
);
