import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountId, type Money as MoneyModule, type SubsidyProgramme } from '@bds/core';
import { PROVIDERS } from '../../../functions/local/seed/data';
import { testClock, type TestApp } from '../support/test-app';
import { DAY, DEPOSITED, escrowWorld, inr, type EscrowWorld } from './escrow-support';
import { LUDHIANA } from './support';

type Money = MoneyModule.Money;
const FAIRS = PROVIDERS.fairs.id;

describe('award escrow and milestones through the API', () => {
  const clock = testClock();
  let w: EscrowWorld;
  let t: TestApp;
  let programme: SubsidyProgramme;
  const awards: { id: string; total: number; firms: string[] }[] = [];
  const base = (id: string) => w.base(id);
  const pool = () => w.pool();
  const payable = () => w.payable(FAIRS);
  const report = (id: string, index: number, attendedFirmIds: string[] = []) => w.report(id, index, attendedFirmIds);
  const money = async (id: string, token = w.tok.knidgro) => {
    const res = await t.call('GET', `${base(id)}/money`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    // Prepare: the paper's fair-participation programme for Ludhiana, 50 → 38 → 26 → 7 %, with ₹10 lakh in its pool,
    // and four successive awards to KNIDGRO.
    w = await escrowWorld(clock);
    t = w.t;
    programme = w.programme;
    for (const [n, rupeesPerFirm] of [
      [1, 50_000],
      [2, 40_000],
      [3, 30_000],
      [4, 20_000],
    ] as const)
      awards.push(await w.fair({ label: `Knitwear stall ${n}`, rupeesPerFirm }));
  }, 240_000);
  afterAll(() => t.stop());

  it('four successive fair-participation awards to one association get exactly 50 %, 38 %, 26 % and 7 %', async () => {
    // Act
    const views = await Promise.all(awards.map((a) => money(a.id)));
    // Assess
    const shares = [5000, 3800, 2600, 700];
    views.forEach((v, n) => {
      const total = awards[n]!.total;
      expect(v).toMatchObject({
        status: 'held',
        total: inr(total),
        subsidy: inr((total * shares[n]!) / 10_000),
        privateShare: inr(total - (total * shares[n]!) / 10_000),
      });
      expect(v.contributions).toEqual([
        expect.objectContaining({
          programmeId: programme.id,
          programmeName: 'Fair participation support',
          repeatCount: n,
          shareBasisPoints: shares[n],
          limitedBy: 'share',
        }),
      ]);
      expect(v.milestones.map((m: { held: Money }) => m.held.amount)).toEqual(
        [0.7, 0.3].map((f) => Math.round((total * f * shares[n]!) / 10_000)),
      );
    });
    const held = views.reduce((s, v) => s + v.subsidy.amount, 0);
    expect(await pool()).toBe(DEPOSITED - held);
  });

  it('shows the money to the sponsors, the awarded provider and the admins only', async () => {
    const id = awards[0]!.id;
    expect((await t.call('GET', `${base(id)}/money`, { token: w.tok.fairs })).status).toBe(200);
    expect((await t.call('GET', `${base(id)}/money`, { token: w.tok.admin })).status).toBe(200);
    expect((await t.call('GET', `${base(id)}/money`, { token: w.tok.itTraining })).body.code).toBe('ESCROW.NOT_PARTY');
  });

  it(
    'a milestone accepted moves exactly its held amount to the ' +
      'provider payable; a silent one is accepted after the policy days',
    async () => {
      // Prepare
      const { id, firms } = awards[0]!;
      const before = await payable();
      expect((await report(id, 0, ['frm_01M8GM41AC82MR5Y8JDZXXR1CJ'])).body).toMatchObject({
        status: 422,
        code: 'MILESTONE.FIRM_NOT_PLEDGED',
        errors: [{ field: 'attendedFirmIds' }],
      });
      expect((await t.call('POST', `${base(id)}/milestones/0/accept`, { token: w.tok.knidgro })).body.code).toBe(
        'MILESTONE.NOT_REPORTED',
      );
      const reported = await report(id, 0, firms);
      expect(reported.status).toBe(200);
      expect(reported.body.milestones[0]).toMatchObject({ status: 'reported', report: { attendedFirmIds: firms } });
      // Both listed firms confirm (issue 12: only confirmed firms are paid for).
      await w.confirmAll(id, 0);
      // Act
      const accepted = await t.call('POST', `${base(id)}/milestones/0/accept`, { token: w.tok.knidgro });
      // Assess
      expect(accepted.status).toBe(200);
      const m0 = accepted.body.milestones[0];
      expect(m0).toMatchObject({ status: 'accepted', released: m0.held, returned: inr(0), pending: inr(0) });
      expect(await payable()).toBe(before + m0.held.amount);

      // The second milestone is reported and nobody answers: its auto-acceptance is scheduled, and fires after 14 days.
      const r1 = await report(id, 1);
      await t.drain();
      expect(t.scheduler.pending()).toContain(`milestone:${id}:1`);
      const autoAcceptAt = r1.body.milestones[1].autoAcceptAt as string;
      expect(Date.parse(autoAcceptAt) - Date.parse(r1.body.milestones[1].report.at)).toBe(14 * DAY);
      await w.autoAccept(id, 1, autoAcceptAt);
      expect((await money(id)).milestones[1].status).toBe('reported');
      clock.advance(15 * DAY);
      await w.issue();
      await w.autoAccept(id, 1, autoAcceptAt);
      await w.autoAccept(id, 1, autoAcceptAt);
      const after = await money(id);
      expect(after).toMatchObject({ status: 'closed' });
      expect(after.milestones[1]).toMatchObject({ status: 'accepted', acceptance: { automatic: true } });
      expect(await payable()).toBe(before + after.subsidy.amount);
    },
  );

  it(
    '50 concurrent accepts and resolves of one milestone: exactly ' +
      'one succeeds, the rest are MILESTONE.ALREADY_DECIDED',
    async () => {
      // Prepare: reported and disputed, so both the lead's accept and an admin's resolve are possible
      const { id } = awards[1]!;
      await report(id, 0);
      expect(
        (await t.call('POST', `${base(id)}/milestones/0/dispute`, { token: w.tok.knidgro, body: { reason: 'short' } }))
          .body,
      ).toMatchObject({ code: 'MILESTONE.REASON_TOO_SHORT', errors: [{ field: 'reason' }] });
      expect(
        (
          await t.call('POST', `${base(id)}/milestones/0/dispute`, {
            token: w.tok.knidgro,
            body: { reason: 'The stall was half the agreed size.' },
          })
        ).status,
      ).toBe(200);
      const before = await payable();
      const poolBefore = await pool();
      // Act
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2 === 0
            ? t.call('POST', `${base(id)}/milestones/0/accept`, { token: w.tok.knidgro })
            : t.call('POST', `${base(id)}/milestones/0/resolve`, {
                token: w.tok.admin,
                body: { outcome: 'void', reason: 'Nothing usable was delivered' },
              }),
        ),
      );
      // Assess
      const won = results.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => r.status === 409 && r.body.code === 'MILESTONE.ALREADY_DECIDED')).toHaveLength(49);
      const m0 = (await money(id)).milestones[0];
      const acceptWon = m0.status === 'accepted';
      expect(await payable()).toBe(before + (acceptWon ? m0.held.amount : 0));
      expect(await pool()).toBe(poolBefore + (acceptWon ? 0 : m0.held.amount));
    },
    120_000,
  );

  it('a dispute resolved partially releases the amount and returns the rest to the pool', async () => {
    // Prepare
    const { id } = awards[2]!;
    await report(id, 0);
    await t.call('POST', `${base(id)}/milestones/0/dispute`, {
      token: w.tok.knidgro,
      body: { reason: 'Only three of the five fair days were staffed.' },
    });
    const held = (await money(id)).milestones[0].held.amount as number;
    const [payBefore, poolBefore] = [await payable(), await pool()];
    const part = Math.floor((held * 3) / 5);
    expect(
      (
        await t.call('POST', `${base(id)}/milestones/0/resolve`, {
          token: w.tok.admin,
          body: { outcome: 'partial', amount: inr(held + 1), reason: 'Three days' },
        })
      ).body,
    ).toMatchObject({ status: 422, code: 'MILESTONE.AMOUNT_EXCEEDS_HELD', errors: [{ field: 'amount' }] });
    expect(
      (
        await t.call('POST', `${base(id)}/milestones/0/resolve`, {
          token: w.tok.knidgro,
          body: { outcome: 'release', reason: 'x' },
        })
      ).status,
    ).toBe(403);
    // Act
    const resolved = await t.call('POST', `${base(id)}/milestones/0/resolve`, {
      token: w.tok.admin,
      body: { outcome: 'partial', amount: inr(part), reason: 'Three of five days' },
    });
    // Assess
    expect(resolved.body.milestones[0]).toMatchObject({
      status: 'resolved',
      released: inr(part),
      returned: inr(held - part),
      resolution: { outcome: 'partial', amount: inr(part) },
    });
    expect(await payable()).toBe(payBefore + part);
    expect(await pool()).toBe(poolBefore + held - part);
  });

  it('private-share receipts are recorded once per receipt id, up to the private share', async () => {
    const { id } = awards[2]!;
    const body = { receiptId: 'neft-001', amount: inr(10_000_00), note: 'NEFT from Fair firm 3a' };
    const first = await t.call('POST', `${base(id)}/private-share/receipts`, { token: w.tok.fairs, body });
    expect(first.status).toBe(200);
    expect(
      (await t.call('POST', `${base(id)}/private-share/receipts`, { token: w.tok.fairs, body })).body
        .privateShareReceipts,
    ).toHaveLength(1);
    expect(
      (
        await t.call('POST', `${base(id)}/private-share/receipts`, {
          token: w.tok.fairs,
          body: { ...body, amount: inr(1) },
        })
      ).body.code,
    ).toBe('ESCROW.RECEIPT_EXISTS');
    expect(
      (
        await t.call('POST', `${base(id)}/private-share/receipts`, {
          token: w.tok.fairs,
          body: { receiptId: 'big', amount: inr(first.body.privateShare.amount) },
        })
      ).body.code,
    ).toBe('ESCROW.RECEIPTS_EXCEED_PRIVATE_SHARE');
    expect((await t.call('POST', `${base(id)}/private-share/receipts`, { token: w.tok.knidgro, body })).status).toBe(
      403,
    );
  });

  it('cancelling an awarded request voids everything still held back to the pool', async () => {
    // Prepare
    const { id } = awards[3]!;
    const held = (await money(id)).subsidy.amount as number;
    const poolBefore = await pool();
    // Act
    const cancelled = await t.call('POST', `${base(id)}/cancel`, {
      token: w.tok.knidgro,
      body: { reason: 'The fair was postponed to next year by its organisers.' },
    });
    expect(cancelled.status).toBe(200);
    await t.drain();
    // Assess
    const after = await money(id);
    expect(after).toMatchObject({ status: 'closed' });
    expect(after.milestones.map((m: { status: string }) => m.status)).toEqual(['voided', 'voided']);
    expect(after.milestones.reduce((s: number, m: { returned: Money }) => s + m.returned.amount, 0)).toBe(held);
    expect(await pool()).toBe(poolBefore + held);
    const escrow = await t.stores.ledger.account(accountId({ kind: 'escrow', clusterId: LUDHIANA, awardId: id }));
    expect(escrow.creditsPending).toBe(0);
    expect((await report(id, 0)).body.code).toBe('MILESTONE.ALREADY_DECIDED');
  });
});
