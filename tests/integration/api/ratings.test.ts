import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDERS, PROVIDERS } from '../../../functions/local/seed/data';
import { testClock } from '../support/test-app';
import { KNIDGRO, LUDHIANA, TWO_HOURS, demoActor, tokenOf } from './support';
import { escrowWorld, type EscrowWorld } from './escrow-support';

// Issue 12: after an accepted milestone the lead association rates the provider; the provider
// answers once; the rating counts (Bayesian) in the provider's next evaluation in the cluster and category.
describe('ratings of delivered milestones', () => {
  const clock = testClock();
  let w: EscrowWorld;
  let fair: Awaited<ReturnType<EscrowWorld['fair']>>;
  let tok: Record<'appeal' | 'funder', string>;
  const FAIRS = PROVIDERS.fairs.id;
  const rate = (index: number, token: string, body: unknown) =>
    w.t.call('POST', `${w.base(fair.id)}/milestones/${index}/rating`, { token, body });
  const answer = (token: string, body: unknown, raterId = KNIDGRO) =>
    w.t.call('POST', `${w.base(fair.id)}/milestones/0/ratings/${raterId}/answer`, { token, body });
  const ofProvider = (token: string, providerId = FAIRS) =>
    w.t.call('GET', `/api/clusters/${LUDHIANA}/providers/${providerId}/ratings?category=market-access`, { token });

  beforeAll(async () => {
    // Prepare: an award whose milestone 0 is reported, confirmed by both firms and accepted
    w = await escrowWorld(clock);
    fair = await w.fair({ label: 'Rated' });
    expect((await w.report(fair.id, 0, fair.firms)).status).toBe(200);
    await w.confirmAll(fair.id, 0);
    expect((await w.accept(fair.id, 0)).status).toBe(200);
    tok = {
      appeal: await tokenOf(w.t, demoActor('appeal')),
      funder: await tokenOf(w.t, { ...demoActor('sidbi'), organisationId: FUNDERS.sidbi.id }),
    };
  }, 120_000);
  afterAll(() => w?.t.stop());

  it('refuses a rating before acceptance, by the provider itself, by another association, bad input', async () => {
    // Act
    const notAccepted = await rate(1, w.tok.knidgro, { stars: 4, comment: 'Not delivered yet' });
    const byProvider = await rate(0, w.tok.fairs, { stars: 5, comment: 'We were excellent' });
    const byOutsider = await rate(0, tok.appeal, { stars: 1, comment: 'Not our request' });
    const tooMany = await rate(0, w.tok.knidgro, { stars: 6, comment: 'Off the scale' });
    const blank = await rate(0, w.tok.knidgro, { stars: 3, comment: '   ' });
    // Assess: each refused with its code, the field named, and nothing recorded
    expect(notAccepted).toMatchObject({ status: 409, body: { code: 'RATING.NOT_ACCEPTED' } });
    expect(byProvider).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect(byOutsider.status).toBe(403);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'stars' })]);
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'comment' })]);
    expect((await ofProvider(w.tok.knidgro)).body).toMatchObject({ summaries: [], items: [] });
  });

  it('the lead association rates an accepted milestone once; a second rating is refused', async () => {
    // Act
    const first = await rate(0, w.tok.knidgro, { stars: 2, comment: 'The stall was set up a day late.' });
    const second = await rate(0, w.tok.knidgro, { stars: 5, comment: 'Changed our mind' });
    // Assess
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ providerId: FAIRS, raterId: KNIDGRO, stars: 2, category: 'market-access' });
    expect(second).toMatchObject({ status: 409, body: { code: 'RATING.ALREADY_RATED' } });
    const read = await ofProvider(w.tok.knidgro);
    expect(read.body.summaries).toEqual([{ category: 'market-access', count: 1, averageHundredths: 200 }]);
    expect(read.body.items).toHaveLength(1);
  });

  it('only the rated provider answers, and only once', async () => {
    // Prepare
    const other = await tokenOf(w.t, { ...demoActor('it-training') });
    // Act
    const byOther = await answer(other, { text: 'Not ours to answer' });
    const byLead = await answer(w.tok.knidgro, { text: 'We answer ourselves' });
    const unknownRater = await answer(w.tok.fairs, { text: 'Who rated?' }, demoActor('appeal').organisationId);
    const first = await answer(w.tok.fairs, { text: 'The venue gave us the hall late; we now book a day earlier.' });
    const again = await answer(w.tok.fairs, { text: 'And again' });
    // Assess
    expect(byOther).toMatchObject({ status: 404, body: { code: 'RATING.NOT_FOUND' } });
    expect(byLead).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect(unknownRater).toMatchObject({ status: 404, body: { code: 'RATING.NOT_FOUND' } });
    expect(first.status).toBe(200);
    expect(first.body.answer).toMatchObject({ text: 'The venue gave us the hall late; we now book a day earlier.' });
    expect(again).toMatchObject({ status: 409, body: { code: 'RATING.ALREADY_ANSWERED' } });
  });

  it("an award's ratings are read by its parties; a provider reads only its own; a funder neither", async () => {
    // Act
    const list = (token: string) => w.t.call('GET', `${w.base(fair.id)}/ratings`, { token });
    const [lead, provider, admin, outsider, funder] = await Promise.all([
      list(w.tok.knidgro),
      list(w.tok.fairs),
      list(w.tok.admin),
      list(w.tok.itTraining),
      list(tok.funder),
    ]);
    // Assess
    for (const res of [lead, provider, admin]) {
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([expect.objectContaining({ stars: 2, answer: expect.any(Object) })]);
    }
    expect(outsider.status).toBe(403);
    expect(funder).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect((await ofProvider(w.tok.fairs)).status).toBe(200);
    expect(await ofProvider(w.tok.itTraining)).toMatchObject({ status: 404, body: { code: 'RATING.NOT_FOUND' } });
  });

  it("the rating counts in the provider's next evaluation in the category, near the neutral prior", async () => {
    // Prepare: a new request of the same category, bid by the rated provider
    const next = await w.fair({ label: 'Next', award: false });
    clock.advance(TWO_HOURS);
    await w.issue();
    // Act
    const closed = await w.t.call('POST', `${w.base(next.id)}/close`, { token: w.tok.knidgro });
    const evaluation = await w.t.call('GET', `${w.base(next.id)}/evaluation`, { token: w.tok.knidgro });
    // Assess: one 2-star rating → (5 × 3 + 2) / 6 stars → 80 × (17/6 − 1) / 4 = 36.67 points (not accredited)
    expect(closed.status).toBe(200);
    expect(evaluation.body.ranking[0]).toMatchObject({ providerId: FAIRS, qualityScore: 3_666 });
    expect(evaluation.body.providers[FAIRS].rating).toEqual({ count: 1, averageHundredths: 200 });
  });
});
