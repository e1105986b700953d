import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../../functions/local/seed/data';
import { testClock, type TestApp } from '../support/test-app';
import { demoActor, LUDHIANA, marketApp, newBid, newRequest, openRequestVia, providerActor, tokenOf } from './support';

describe('a provider blocked by a national admin', () => {
  const clock = testClock();
  let t: TestApp;
  let lead: string;
  let admin: string;
  let provider: string;
  const bids = (requestId: string) => `/api/clusters/${LUDHIANA}/requests/${requestId}/bids`;
  const standing = (blocked: boolean) =>
    t.call('POST', `/api/providers/${PROVIDERS.itTraining.id}/standing`, {
      token: admin,
      body: { blocked, reason: blocked ? 'Fraudulent attendance sheets' : 'Cleared on appeal' },
    });

  beforeAll(async () => {
    t = await marketApp({ clock });
    [lead, admin, provider] = await Promise.all([
      tokenOf(t, demoActor('knidgro')),
      tokenOf(t, demoActor('nac')),
      tokenOf(t, providerActor('itTraining')),
    ]);
  });
  afterAll(() => t.stop());

  it(
    'can neither submit nor revise a bid with the token ' + 'it still holds, and its live bid stays as it was',
    async () => {
      // Prepare: a live bid, then the block.
      const requestId = await openRequestVia(t, lead, LUDHIANA, newRequest(clock.now()));
      const other = await openRequestVia(t, lead, LUDHIANA, newRequest(clock.now()));
      expect((await t.call('POST', bids(requestId), { token: provider, body: newBid(6_500) })).status).toBe(201);
      expect((await standing(true)).status).toBe(200);

      // Act
      const revised = await t.call('PUT', `${bids(requestId)}/mine`, { token: provider, body: newBid(6_000) });
      const submitted = await t.call('POST', bids(other), { token: provider, body: newBid(6_000) });

      // Assess
      for (const res of [revised, submitted]) {
        expect(res.status).toBe(403);
        expect(res.type).toContain('application/problem+json');
        expect(res.body).toMatchObject({ status: 403, code: 'PROVIDER.BLOCKED' });
      }
      const mine = await t.call('GET', `${bids(requestId)}/mine`, { token: provider });
      expect(mine.body).toMatchObject({ version: 1 });
      expect((await t.call('GET', `${bids(other)}/mine`, { token: provider })).status).toBe(404);
    },
  );

  it('bids again once unblocked', async () => {
    const requestId = await openRequestVia(t, lead, LUDHIANA, newRequest(clock.now()));
    expect((await standing(true)).status).toBe(200);
    expect((await t.call('POST', bids(requestId), { token: provider, body: newBid(6_500) })).status).toBe(403);

    expect((await standing(false)).status).toBe(200);

    expect((await t.call('POST', bids(requestId), { token: provider, body: newBid(6_500) })).status).toBe(201);
  });
});
