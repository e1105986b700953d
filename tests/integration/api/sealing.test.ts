import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@bds/core';
import { allRoutes } from '../../../functions/api/routes';
import { testClock, type TestApp } from '../support/test-app';
import {
  demoActor,
  KNIDGRO,
  LUDHIANA,
  marketApp,
  newBid,
  newRequest,
  openRequestVia,
  providerActor,
  registerFirmVia,
  tokenOf,
  TWO_HOURS,
} from './support';

/** Every GET route of the table with its path filled for one request; routes with other parameters are skipped. */
function everyGetPath(requestId: string): string[] {
  const values: Record<string, string> = { clusterId: LUDHIANA, requestId, associationId: KNIDGRO };
  return allRoutes
    .filter((r) => r.method === 'get')
    .map((r) => r.path.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name] ?? `:${name}`))
    .filter((p) => !p.includes(':'));
}

describe('sealed bids: no provider reads another’s bid, the association reads none before the deadline', () => {
  const clock = testClock();
  let t: TestApp;
  let requestId: string;
  const bids: Record<'a' | 'b' | 'withdrawn', { id: string; price: string }> = {} as never;
  const actors: Record<'a' | 'b' | 'withdrawer' | 'lead' | 'admin', Actor> = {
    a: providerActor('itTraining'),
    b: providerActor('erp'),
    withdrawer: providerActor('nift'),
    lead: demoActor('knidgro'),
    admin: demoActor('ludhiana-cda'),
  };
  const as = (who: keyof typeof actors) => tokenOf(t, actors[who]);
  /** Every GET answer the actor can get, as one string to search. */
  const everythingSeenBy = async (who: keyof typeof actors) => {
    const token = await as(who);
    const bodies = await Promise.all(
      everyGetPath(requestId).map(async (path) => JSON.stringify((await t.call('GET', path, { token })).body ?? '')),
    );
    return bodies.join('\n');
  };
  const bidIdsIn = async (who: keyof typeof actors) => {
    const res = await t.call('GET', `/api/clusters/${LUDHIANA}/requests/${requestId}/bids`, { token: await as(who) });
    return res.body.items.map((b: { id: string }) => b.id).sort();
  };

  beforeAll(async () => {
    t = await marketApp({ clock });
    const lead = await as('lead');
    requestId = await openRequestVia(t, lead, LUDHIANA, newRequest(clock.now()));
    for (const name of ['Seal Knits One', 'Seal Knits Two']) {
      const firmId = await registerFirmVia(t, lead, LUDHIANA, KNIDGRO, name);
      await t.call('POST', `/api/clusters/${LUDHIANA}/requests/${requestId}/pledges`, {
        token: lead,
        body: { firmId },
      });
    }
    // Distinctive prices, so a leak would show in any answer.
    const submit = async (who: 'a' | 'b' | 'withdrawer', rupees: number) =>
      (
        await t.call('POST', `/api/clusters/${LUDHIANA}/requests/${requestId}/bids`, {
          token: await as(who),
          body: newBid(rupees),
        })
      ).body.id as string;
    bids.a = { id: await submit('a', 6_543), price: '654300' };
    bids.b = { id: await submit('b', 5_321), price: '532100' };
    bids.withdrawn = { id: await submit('withdrawer', 4_987), price: '498700' };
    await t.call('DELETE', `/api/clusters/${LUDHIANA}/requests/${requestId}/bids/mine`, {
      token: await as('withdrawer'),
    });
  });
  afterAll(() => t.stop());

  it('before the deadline: each provider sees only its own bid in every GET route', async () => {
    const seenByB = await everythingSeenBy('b');
    expect(seenByB).toContain(bids.b.id);
    expect(seenByB).not.toContain(bids.a.id);
    expect(seenByB).not.toContain(bids.a.price);
    const seenByA = await everythingSeenBy('a');
    expect(seenByA).not.toContain(bids.b.id);
    expect(seenByA).not.toContain(bids.b.price);
  });

  it('before the deadline: the association and the admin read no bid at all', async () => {
    expect(await bidIdsIn('lead')).toEqual([]);
    expect(await bidIdsIn('admin')).toEqual([]);
    for (const who of ['lead', 'admin'] as const) {
      const seen = await everythingSeenBy(who);
      for (const bid of Object.values(bids)) expect(seen).not.toContain(bid.id);
    }
  });

  it(
    'after the deadline: the association reads the live bids ' +
      'but never a withdrawn one; providers still only their own',
    async () => {
      clock.advance(TWO_HOURS);
      expect(await bidIdsIn('lead')).toEqual([bids.a.id, bids.b.id].sort());
      expect(await bidIdsIn('b')).toEqual([bids.b.id]);
      expect(await bidIdsIn('withdrawer')).toEqual([bids.withdrawn.id]);
      const closed = await t.call('POST', `/api/clusters/${LUDHIANA}/requests/${requestId}/close`, {
        token: await as('lead'),
      });
      expect(closed.status).toBe(200);
      expect(JSON.stringify(closed.body)).not.toContain(bids.withdrawn.id);
      const seenByLead = await everythingSeenBy('lead');
      expect(seenByLead).toContain(bids.a.id);
      expect(seenByLead).not.toContain(bids.withdrawn.id);
      const seenByB = await everythingSeenBy('b');
      expect(seenByB).not.toContain(bids.a.id);
      expect(seenByB).not.toContain(bids.a.price);
      expect(
        (await t.call('GET', `/api/clusters/${LUDHIANA}/requests/${requestId}/evaluation`, { token: await as('b') }))
          .status,
      ).toBe(403);
    },
  );
});
