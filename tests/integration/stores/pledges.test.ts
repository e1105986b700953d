import { beforeAll, describe, expect, it } from 'vitest';
import { pledge } from '@bds/core';
import { measure } from '../../../functions/adapters/dynamo/metrics';
import type { Stores } from '../../../functions/adapters/dynamo/stores';
import { CLUSTER, CO_SPONSOR, DEADLINE, LEAD, T0, aFirm, before, codeOf, freshStores, openRequest } from './fixtures';

describe('pledge store', () => {
  let stores: Stores;
  beforeAll(async () => ({ stores } = await freshStores()));

  const pledgeOf = async (requestId: string, associationId = LEAD) => {
    const firm = aFirm(associationId);
    await stores.firms.create(firm);
    const request = (await stores.requests.get(CLUSTER, requestId))!;
    return { ...pledge(request, firm, [], before), firmName: firm.name };
  };

  it('stores a pledge and counts it on the request in one transaction', async () => {
    // Prepare
    const request = await openRequest(stores);
    const p = await pledgeOf(request.id);
    // Act
    const { usage } = await measure(() => stores.pledges.add(p, T0));
    // Assess
    expect((await stores.requests.get(CLUSTER, request.id))?.pledgedFirms).toBe(1);
    expect((await stores.pledges.list(CLUSTER, request.id, { limit: 10 })).items).toEqual([p]);
    expect(usage).toMatchObject({ writeCalls: 1, readCalls: 0, commands: ['TransactWriteItems'] });
  });

  it('lets an association list only its own members’ pledges; an admin lists all', async () => {
    const request = await openRequest(stores);
    await stores.pledges.add(await pledgeOf(request.id, LEAD), T0);
    await stores.pledges.add(await pledgeOf(request.id, CO_SPONSOR), T0);
    const lead = await stores.pledges.list(CLUSTER, request.id, { limit: 10, associationId: LEAD });
    expect(lead.items.map((p) => p.associationId)).toEqual([LEAD]);
    expect((await stores.pledges.list(CLUSTER, request.id, { limit: 10 })).items).toHaveLength(2);
  });

  it('pages with an opaque cursor and refuses a forged one', async () => {
    const request = await openRequest(stores);
    for (let i = 0; i < 3; i++) await stores.pledges.add(await pledgeOf(request.id), T0);
    const first = await stores.pledges.list(CLUSTER, request.id, { limit: 2 });
    const second = await stores.pledges.list(CLUSTER, request.id, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((p) => p.firmId)).toHaveLength(3);
    const forged = Buffer.from(JSON.stringify({ PK: `CLUSTER#${CLUSTER}`, SK: 'FIRM#x' })).toString('base64url');
    expect(await codeOf(stores.pledges.list(CLUSTER, request.id, { limit: 2, cursor: forged }))).toBe(
      'PAGE.BAD_CURSOR',
    );
  });

  it('two pledges of the same firm at once: exactly one wins, the other is PLEDGE.DUPLICATE', async () => {
    const request = await openRequest(stores);
    const p = await pledgeOf(request.id);
    const outcomes = await Promise.all([codeOf(stores.pledges.add(p, T0)), codeOf(stores.pledges.add(p, T0))]);
    expect(outcomes.sort()).toEqual(['PLEDGE.DUPLICATE', 'resolved']);
    expect((await stores.requests.get(CLUSTER, request.id))?.pledgedFirms).toBe(1);
  });

  it('many firms pledging at once are all counted', async () => {
    const request = await openRequest(stores);
    const pledges = await Promise.all(Array.from({ length: 8 }, () => pledgeOf(request.id)));
    await Promise.all(pledges.map((p) => stores.pledges.add(p, T0)));
    expect((await stores.requests.get(CLUSTER, request.id))?.pledgedFirms).toBe(8);
  });

  it('refuses a pledge the domain allowed if it reaches the table after the deadline', async () => {
    const request = await openRequest(stores);
    const p = await pledgeOf(request.id);
    expect(await codeOf(stores.pledges.add(p, DEADLINE))).toBe('PLEDGE.DEADLINE_PASSED');
    expect(await codeOf(stores.pledges.add(p, DEADLINE - 1))).toBe('resolved');
    expect(await codeOf(stores.pledges.remove(p, DEADLINE + 5))).toBe('PLEDGE.DEADLINE_PASSED');
    expect((await stores.requests.get(CLUSTER, request.id))?.pledgedFirms).toBe(1);
  });

  it('refuses a pledge to a request that is no longer open, and to one that does not exist', async () => {
    const request = await openRequest(stores);
    const p = await pledgeOf(request.id);
    const current = (await stores.requests.get(CLUSTER, request.id))!;
    await stores.requests.update({ ...current, status: 'cancelled', version: current.version + 1 }, current.version);
    expect(await codeOf(stores.pledges.add(p, T0))).toBe('PLEDGE.REQUEST_NOT_OPEN');
    expect(await codeOf(stores.pledges.add({ ...p, requestId: 'req_01J00000000000000000000000' }, T0))).toBe(
      'REQUEST.NOT_FOUND',
    );
  });

  it('withdraws a pledge and uncounts it; a second withdrawal is PLEDGE.NOT_FOUND', async () => {
    const request = await openRequest(stores);
    const p = await pledgeOf(request.id);
    await stores.pledges.add(p, T0);
    await stores.pledges.remove(p, T0);
    expect((await stores.requests.get(CLUSTER, request.id))?.pledgedFirms).toBe(0);
    expect(await codeOf(stores.pledges.remove(p, T0))).toBe('PLEDGE.NOT_FOUND');
  });

  it('reads request, firm and pledge for a decision in one BatchGetItem', async () => {
    const request = await openRequest(stores);
    const p = await pledgeOf(request.id);
    await stores.pledges.add(p, T0);
    const { result, usage } = await measure(() => stores.pledges.context(CLUSTER, request.id, LEAD, p.firmId));
    expect(result).toMatchObject({ request: { id: request.id }, firm: { id: p.firmId }, pledge: p });
    expect(usage).toMatchObject({ readCalls: 1, writeCalls: 0, commands: ['BatchGetItem'] });
  });
});
