import { beforeAll, describe, expect, it } from 'vitest';
import { reviseBid, withdrawBid } from '@bds/core';
import { measure } from '../../../functions/adapters/dynamo/metrics';
import type { StoredBid } from '../../../functions/adapters/dynamo/bids';
import type { Stores } from '../../../functions/adapters/dynamo/stores';
import {
  CLUSTER,
  DEADLINE,
  PROVIDER_A,
  PROVIDER_B,
  T0,
  aBid,
  aNewBid,
  before,
  codeOf,
  freshStores,
  openRequest,
} from './fixtures';

describe('bid store', () => {
  let stores: Stores;
  beforeAll(async () => ({ stores } = await freshStores()));

  const revised = (request: Parameters<typeof reviseBid>[0], bid: StoredBid, price: number): StoredBid => ({
    ...bid,
    ...reviseBid(request, bid, aNewBid(price), { providerId: bid.providerId, clock: before }),
  });
  const withdrawn = (request: Parameters<typeof withdrawBid>[0], bid: StoredBid): StoredBid => ({
    ...bid,
    ...withdrawBid(request, bid, { providerId: bid.providerId, clock: before }),
  });

  it('submits a bid in one transaction that re-checks the request', async () => {
    const request = await openRequest(stores);
    const bid = aBid(request);
    const { usage } = await measure(() => stores.bids.submit(bid, T0));
    expect((await stores.bids.context(CLUSTER, request.id, PROVIDER_A, { withProvider: false })).bid).toEqual(bid);
    expect(usage).toMatchObject({ writeCalls: 1, readCalls: 0, commands: ['TransactWriteItems'] });
  });

  it('keeps one live bid per provider per request by its key', async () => {
    const request = await openRequest(stores);
    await stores.bids.submit(aBid(request), T0);
    expect(await codeOf(stores.bids.submit(aBid(request), T0))).toBe('BID.ALREADY_SUBMITTED');
    await stores.bids.submit(aBid(request, PROVIDER_B), T0);
    expect((await stores.bids.allForRequest(CLUSTER, request.id)).map((b) => b.providerId).sort()).toEqual(
      [PROVIDER_A, PROVIDER_B].sort(),
    );
  });

  it('a withdrawn bid can be replaced by a new one', async () => {
    const request = await openRequest(stores);
    const first = aBid(request);
    await stores.bids.submit(first, T0);
    await stores.bids.replace(withdrawn(request, first), first.version, T0);
    const second = aBid(request, PROVIDER_A, 400_000);
    await stores.bids.submit(second, T0);
    const stored = await stores.bids.allForRequest(CLUSTER, request.id);
    expect(stored).toEqual([second]);
  });

  it('revise vs withdraw at once: exactly one wins, the loser gets a clear 409 code', async () => {
    const request = await openRequest(stores);
    const bid = aBid(request);
    await stores.bids.submit(bid, T0);
    const outcomes = await Promise.all([
      codeOf(stores.bids.replace(revised(request, bid, 450_000), bid.version, T0)),
      codeOf(stores.bids.replace(withdrawn(request, bid), bid.version, T0)),
    ]);
    expect(outcomes.filter((o) => o === 'resolved')).toHaveLength(1);
    expect(outcomes.find((o) => o !== 'resolved')).toMatch(/^BID\.(VERSION_CONFLICT|NOT_LIVE)$/);
    const [stored] = await stores.bids.allForRequest(CLUSTER, request.id);
    expect(stored?.version).toBe(bid.version + 1);
  });

  it('a revision after a withdrawal is refused as BID.NOT_LIVE', async () => {
    const request = await openRequest(stores);
    const bid = aBid(request);
    await stores.bids.submit(bid, T0);
    await stores.bids.replace(withdrawn(request, bid), bid.version, T0);
    expect(await codeOf(stores.bids.replace(revised(request, bid, 1), bid.version, T0))).toBe('BID.NOT_LIVE');
  });

  it('revise vs deadline: a write that reaches the table at or after the deadline is refused', async () => {
    const request = await openRequest(stores);
    const bid = aBid(request);
    expect(await codeOf(stores.bids.submit(bid, DEADLINE))).toBe('BID.DEADLINE_PASSED');
    await stores.bids.submit(bid, DEADLINE - 1);
    expect(await codeOf(stores.bids.replace(revised(request, bid, 1_000), bid.version, DEADLINE))).toBe(
      'BID.DEADLINE_PASSED',
    );
    expect(await codeOf(stores.bids.replace(withdrawn(request, bid), bid.version, DEADLINE + 60_000))).toBe(
      'BID.DEADLINE_PASSED',
    );
    expect((await stores.bids.allForRequest(CLUSTER, request.id))[0]).toEqual(bid);
  });

  it('concurrent revisions from the same version: one wins, the other is BID.VERSION_CONFLICT', async () => {
    const request = await openRequest(stores);
    const bid = aBid(request);
    await stores.bids.submit(bid, T0);
    const outcomes = await Promise.all(
      [400_000, 410_000, 420_000].map((p) => codeOf(stores.bids.replace(revised(request, bid, p), bid.version, T0))),
    );
    expect(outcomes.sort()).toEqual(['BID.VERSION_CONFLICT', 'BID.VERSION_CONFLICT', 'resolved']);
  });

  it("lists a provider's own bids across requests via the GSI, newest first", async () => {
    const a = await openRequest(stores);
    const b = await openRequest(stores);
    const provider = `prv_${'7'.repeat(26)}`;
    await stores.bids.submit({ ...aBid(a, provider), updatedAt: '2030-01-01T00:00:01.000Z' }, T0);
    await stores.bids.submit({ ...aBid(b, provider), updatedAt: '2030-01-01T00:00:02.000Z' }, T0);
    const page = await stores.bids.listByProvider(provider, { limit: 1 });
    expect(page.items.map((x) => x.requestId)).toEqual([b.id]);
    const next = await stores.bids.listByProvider(provider, { limit: 1, cursor: page.nextCursor! });
    expect(next.items.map((x) => x.requestId)).toEqual([a.id]);
    expect(
      (await stores.bids.listByProvider(PROVIDER_B, { limit: 5 })).items.every((x) => x.providerId === PROVIDER_B),
    ).toBe(true);
  });
});
