import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, ulid } from '@bds/core';
import type { Notification } from '../../../functions/adapters/dynamo/inbox';
import { LUDHIANA, marketApp, providerActor, tokenOf } from './support';
import type { TestApp } from '../support/test-app';
import { PROVIDERS } from '../../../functions/local/seed/data';

const T0 = Date.UTC(2030, 0, 1);
const random = (n: number) => webcrypto.getRandomValues(new Uint8Array(n));

/** The i-th notification of an organisation: ids follow time, so a later i is newer. */
const notification = (organisationId: string, i: number): Notification => {
  const id = ulid(fixedClock(T0 + i * 1000), random);
  return {
    id: `ntf_${id}`,
    organisationId,
    kind: 'request.opened',
    title: `Request ${i}`,
    text: `Request ${i} is open`,
    clusterId: LUDHIANA,
    eventId: `evt_${id}`,
    createdAt: new Date(T0 + i * 1000).toISOString(),
  };
};

describe('inbox API', () => {
  let t: TestApp;
  let it1: string;
  let erp: string;
  const mine = Array.from({ length: 25 }, (_, i) => notification(PROVIDERS.itTraining.id, i));
  const theirs = notification(PROVIDERS.erp.id, 100);

  beforeAll(async () => {
    t = await marketApp();
    for (const n of [...mine, theirs]) await t.stores.inbox.put(n);
    [it1, erp] = await Promise.all([tokenOf(t, providerActor('itTraining')), tokenOf(t, providerActor('erp'))]);
  });
  afterAll(() => t.stop());

  async function all(query: string, token: string): Promise<Notification[]> {
    const seen: Notification[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call(
        'GET',
        `/api/inbox?limit=10${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token },
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(10);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return seen;
  }

  it("pages through the caller's organisation's notifications, newest first, and nothing of another's", async () => {
    const items = await all('', it1);
    expect(items.map((n) => n.id)).toEqual([...mine].reverse().map((n) => n.id));
    expect((await all('', erp)).map((n) => n.id)).toEqual([theirs.id]);
  });

  it('marks one read (once), after which only the others are unread', async () => {
    const target = mine[7]!;
    const read = await t.call('POST', `/api/inbox/${target.id}/read`, { token: it1 });
    expect(read).toMatchObject({ status: 200, body: { id: target.id, readAt: expect.any(String) } });
    const again = await t.call('POST', `/api/inbox/${target.id}/read`, { token: it1 });
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await all('&unread=true', it1);
    expect(unread).toHaveLength(24);
    expect(unread.map((n) => n.id)).not.toContain(target.id);
    expect(unread.map((n) => n.id)).toEqual(
      [...mine]
        .reverse()
        .filter((n) => n.id !== target.id)
        .map((n) => n.id),
    );
    expect((await all('', it1)).find((n) => n.id === target.id)?.readAt).toBe(read.body.readAt);
  });

  it(
    "answers 404 for another organisation's notification, " + 'and problem+json naming the field for bad input',
    async () => {
      expect(await t.call('POST', `/api/inbox/${theirs.id}/read`, { token: it1 })).toMatchObject({
        status: 404,
        body: { code: 'NOTIFICATION.NOT_FOUND' },
      });
      expect((await t.stores.inbox.get(PROVIDERS.erp.id, theirs.id))?.readAt).toBeUndefined();
      const badId = await t.call('POST', '/api/inbox/req_01M8GM41AC82MR5Y8JDZXXR1CJ/read', { token: it1 });
      expect(badId.status).toBe(400);
      expect(badId.type).toContain('application/problem+json');
      expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'notificationId' })]);
      expect((await t.call('GET', '/api/inbox?limit=0', { token: it1 })).body.errors).toEqual([
        expect.objectContaining({ field: 'limit' }),
      ]);
      // A cursor of another organisation's inbox is refused, not followed.
      const foreign = Buffer.from(JSON.stringify({ PK: `INBOX#${PROVIDERS.erp.id}`, SK: theirs.id })).toString(
        'base64url',
      );
      expect(await t.call('GET', `/api/inbox?cursor=${foreign}`, { token: it1 })).toMatchObject({
        status: 422,
        body: { code: 'PAGE.BAD_CURSOR' },
      });
      expect((await t.call('GET', '/api/inbox')).status).toBe(401);
    },
  );
});
