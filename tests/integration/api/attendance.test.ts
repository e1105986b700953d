import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../support/test-app';
import { providerActor, tokenOf } from './support';
import { DAY, DEPOSITED, escrowWorld, type EscrowWorld } from './escrow-support';

// Issue 12: the firms the provider lists confirm delivery themselves; the release follows them.
describe('firms confirm delivery', () => {
  const clock = testClock();
  let w: EscrowWorld;
  let fair: Awaited<ReturnType<EscrowWorld['fair']>>;
  const mails = new Map<string, string>();

  const linkOf = async (email: string): Promise<string> => {
    const res = await w.t.call('GET', `/api/outbox?email=${encodeURIComponent(email)}`);
    const text = (res.body.items as { subject: string; text: string }[]).find((m) =>
      m.subject.startsWith('Did you'),
    )?.text;
    const token = /\/attend#token=([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];
    if (!token) throw new Error(`no confirmation link mailed to ${email}`);
    return token;
  };
  const view = (token: string) => w.t.call('POST', '/api/attendance/view', { body: { token } });
  const answer = (token: string, attended: boolean) =>
    w.t.call('POST', '/api/attendance/answer', { body: { token, attended } });
  const list = (index: number, token = w.tok.knidgro) =>
    w.t.call('GET', `${w.base(fair.id)}/milestones/${index}/attendance`, { token });

  beforeAll(async () => {
    // Prepare: three pledged firms, two with mail; milestone 0 reported with all three attending
    w = await escrowWorld(clock);
    fair = await w.fair({ label: 'Confirm', emails: ['ahuja@firms.example', 'bedi@firms.example', undefined] });
    expect((await w.report(fair.id, 0, fair.firms)).status).toBe(200);
    await w.t.drain();
    for (const email of ['ahuja@firms.example', 'bedi@firms.example']) mails.set(email, await linkOf(email));
  }, 120_000);
  afterAll(() => w?.t.stop());

  it('mails each listed firm with an address one link, which shows the service, provider and milestone', async () => {
    // Act
    const res = await view(mails.get('ahuja@firms.example')!);
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      firmName: 'Confirm firm a',
      service: 'Confirm fair',
      milestone: expect.any(String),
      providerName: expect.any(String),
    });
    expect(res.body.answer).toBeUndefined();
    const firmC = (await list(0)).body.firms[2];
    expect(firmC).toMatchObject({
      firmName: 'Confirm firm c',
      byMail: false,
      code: expect.stringMatching(/^[2-9A-Z]{6}$/),
    });
  });

  it('a forged or malformed link records nothing; a used link is refused again (422 with a code)', async () => {
    // Act
    const forged = await answer('a'.repeat(43), true);
    const malformed = await answer('short', true);
    const first = await answer(mails.get('ahuja@firms.example')!, true);
    const again = await answer(mails.get('ahuja@firms.example')!, false);
    const viewAgain = await view(mails.get('ahuja@firms.example')!);
    // Assess
    expect(forged.status).toBe(422);
    expect(forged.body).toMatchObject({ code: 'ATTENDANCE.LINK_INVALID', errors: [{ field: 'token' }] });
    expect(malformed.status).toBe(400);
    expect(first.status).toBe(200);
    expect(first.body.answer).toMatchObject({ attended: true });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('ATTENDANCE.LINK_INVALID');
    expect(viewAgain.body.code).toBe('ATTENDANCE.LINK_INVALID');
    const firms = (await list(0)).body.firms as { answer?: { attended: boolean; onBehalf: boolean } }[];
    expect(firms[0]!.answer).toMatchObject({ attended: true, onBehalf: false });
  });

  it('the provider never sees who answered; a wrong code is refused, a right one entered on behalf', async () => {
    // Prepare
    const provider = await tokenOf(w.t, providerActor('fairs'));
    const on = (code: string) =>
      w.t.call('POST', `${w.base(fair.id)}/milestones/0/attendance/on-behalf`, {
        token: w.tok.knidgro,
        body: { code, attended: true },
      });
    // Act
    const forProvider = await list(0, provider);
    const wrong = await on('ZZZZZZ');
    const code = (await list(0)).body.firms[2].code as string;
    const right = await on(code.toLowerCase());
    const twice = await on(code);
    // Assess
    expect(forProvider.status).toBe(403);
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'ATTENDANCE.CODE_INVALID', errors: [{ field: 'code' }] });
    expect(right.status).toBe(200);
    expect(right.body.firms[2].answer).toMatchObject({ attended: true, onBehalf: true });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ATTENDANCE.ALREADY_ANSWERED');
  });

  it('a firm that did not attend is counted as denied; accepting releases exactly the confirmed share', async () => {
    // Prepare: firm b denies; firms a and c confirmed (one by link, one on behalf)
    expect((await answer(mails.get('bedi@firms.example')!, false)).status).toBe(200);
    const before = (await list(0)).body;
    const payableBefore = await w.payable(providerActor('fairs').organisationId);
    const poolBefore = await w.pool();
    // Act
    const accepted = await w.accept(fair.id, 0);
    // Assess
    expect(before.count).toEqual({ listed: 3, confirmed: 2, denied: 1, silent: 0 });
    const held = before.preview.held.amount as number;
    expect(before.preview.confirmed.released.amount + before.preview.confirmed.returned.amount).toBe(held);
    expect(accepted.status).toBe(200);
    const m0 = accepted.body.milestones[0];
    expect(m0.released).toEqual(before.preview.confirmed.released);
    expect(m0.returned).toEqual(before.preview.confirmed.returned);
    expect(m0.acceptance).toMatchObject({ basis: 'confirmed', paidFirms: 2, listedFirms: 3 });
    expect((await w.payable(providerActor('fairs').organisationId)) - payableBefore).toBe(m0.released.amount);
    expect((await w.pool()) - poolBefore).toBe(m0.returned.amount);
    expect(await w.pool()).toBeLessThanOrEqual(DEPOSITED);
  });

  it('an expired link records nothing; a release in full needs a reason and pays everything', async () => {
    // Prepare: milestone 1 reported with firm a listed; its link expires with the auto-acceptance time
    expect((await w.report(fair.id, 1, [fair.firms[0]!])).status).toBe(200);
    await w.t.drain();
    const outbox = await w.t.call('GET', `/api/outbox?email=${encodeURIComponent('ahuja@firms.example')}`);
    const token = /\/attend#token=([A-Za-z0-9_-]+)/.exec(outbox.body.items[0].text as string)![1]!;
    clock.advance(15 * DAY);
    await w.issue();
    // Act
    const late = await answer(token, true);
    const short = await w.t.call('POST', `${w.base(fair.id)}/milestones/1/accept-in-full`, {
      token: w.tok.knidgro,
      body: { reason: 'too short' },
    });
    const full = await w.t.call('POST', `${w.base(fair.id)}/milestones/1/accept-in-full`, {
      token: w.tok.knidgro,
      body: { reason: 'The firm signed the paper register on both days.' },
    });
    // Assess
    expect(token).not.toBe(mails.get('ahuja@firms.example'));
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('ATTENDANCE.LINK_INVALID');
    expect(short.status).toBe(422);
    expect(short.body.code).toBe('MILESTONE.REASON_TOO_SHORT');
    expect(full.status).toBe(200);
    const m1 = full.body.milestones[1];
    expect(m1.attendanceCount).toEqual({ listed: 1, confirmed: 0, denied: 0, silent: 1 });
    expect(m1.attendance).toBeUndefined();
    expect(m1.acceptance).toMatchObject({ basis: 'full', reason: 'The firm signed the paper register on both days.' });
    expect(m1.released).toEqual(m1.held);
  });
});
