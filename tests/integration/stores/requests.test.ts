import { beforeAll, describe, expect, it } from 'vitest';
import { addCoSponsor, auditEntry, cancel, pledge, type Actor } from '@bds/core';
import { measure } from '../../../functions/adapters/dynamo/metrics';
import type { Stores } from '../../../functions/adapters/dynamo/stores';
import { CLUSTER, LEAD, T0, aFirm, before, codeOf, freshStores, ids, openRequest } from './fixtures';

const rep: Actor = { userId: 'usr_rep', role: 'association_rep', organisationId: LEAD, clusterIds: [CLUSTER] };

describe('request store', () => {
  let stores: Stores;
  beforeAll(async () => ({ stores } = await freshStores()));

  it('stores a transition with one UpdateItem that returns the stored request', async () => {
    const request = await openRequest(stores);
    const joiner = ids.next('association');
    const next = addCoSponsor(request, { id: joiner, clusterId: CLUSTER }, before);
    const { result, usage } = await measure(() => stores.requests.update(next, request.version));
    expect(result).toMatchObject({
      coSponsorIds: [...request.coSponsorIds, joiner],
      version: request.version + 1,
      pledgedFirms: 0,
    });
    expect(usage).toMatchObject({ readCalls: 0, writeCalls: 1, commands: ['UpdateItem'] });
  });

  it('concurrent transitions from the same version: one wins, the other is REQUEST.VERSION_CONFLICT', async () => {
    const request = await openRequest(stores);
    const joins = [ids.next('association'), ids.next('association')].map((id) =>
      addCoSponsor(request, { id, clusterId: CLUSTER }, before),
    );
    const outcomes = await Promise.all(joins.map((next) => codeOf(stores.requests.update(next, request.version))));
    expect(outcomes.sort()).toEqual(['REQUEST.VERSION_CONFLICT', 'resolved']);
    expect((await stores.requests.get(CLUSTER, request.id))?.coSponsorIds).toHaveLength(
      request.coSponsorIds.length + 1,
    );
  });

  it('a transition never overwrites a pledge counted after it was read', async () => {
    const request = await openRequest(stores);
    const firm = aFirm();
    await stores.firms.create(firm);
    // Read, then a pledge lands, then the transition is stored.
    const next = addCoSponsor(request, { id: ids.next('association'), clusterId: CLUSTER }, before);
    await stores.pledges.add({ ...pledge(request, firm, [], before), firmName: firm.name }, T0);
    const stored = await stores.requests.update(next, request.version);
    expect(stored.pledgedFirms).toBe(1);
  });

  it('an update of a missing request is REQUEST.NOT_FOUND', async () => {
    const request = await openRequest(stores);
    expect(await codeOf(stores.requests.update({ ...request, id: ids.next('request') }, request.version))).toBe(
      'REQUEST.NOT_FOUND',
    );
  });

  it('writes a cancellation and its audit entry in one transaction, or neither', async () => {
    const request = await openRequest(stores);
    const next = cancel(
      request,
      { reason: 'The trainers’ strike moved the course to next year', cancelledBy: rep.userId },
      before,
    );
    const entry = auditEntry(
      rep,
      'request.cancelled',
      request.id,
      { clusterId: CLUSTER, reason: next.cancellation!.reason },
      { ids, clock: before },
    );
    const { usage } = await measure(() => stores.requests.updateWithAudit(next, request.version, entry));
    expect(usage.commands).toEqual(['TransactWriteItems']);
    expect((await stores.requests.get(CLUSTER, request.id))?.status).toBe('cancelled');
    expect((await stores.audit.list(CLUSTER, { limit: 50 })).items).toContainEqual(entry);
    // A stale version writes neither the change nor a second entry.
    const stale = auditEntry(rep, 'request.cancelled', request.id, { clusterId: CLUSTER }, { ids, clock: before });
    expect(await codeOf(stores.requests.updateWithAudit(next, request.version, stale))).toBe(
      'REQUEST.VERSION_CONFLICT',
    );
    expect((await stores.audit.list(CLUSTER, { limit: 50 })).items.map((e) => e.id)).not.toContain(stale.id);
  });

  it('takes a closed request off the open lists, and refuses a forged cursor', async () => {
    const request = await openRequest(stores, { category: 'testing' });
    const open = await stores.requests.listOpen(CLUSTER, { limit: 50, category: 'testing' });
    expect(open.items.map((r) => r.id)).toContain(request.id);
    const next = cancel(
      request,
      { reason: 'Cancelled for the store test of the open list', cancelledBy: rep.userId },
      before,
    );
    await stores.requests.update(next, request.version);
    expect(
      (await stores.requests.listOpen(CLUSTER, { limit: 50, category: 'testing' })).items.map((r) => r.id),
    ).not.toContain(request.id);
    expect((await stores.requests.listOpen(CLUSTER, { limit: 50 })).items.map((r) => r.id)).not.toContain(request.id);
    const forged = Buffer.from(JSON.stringify({ GSI1PK: `CLUSTER#${CLUSTER}#OPEN`, GSI1SK: 'x' })).toString(
      'base64url',
    );
    expect(await codeOf(stores.requests.listOpen(CLUSTER, { limit: 5, cursor: forged }))).toBe('PAGE.BAD_CURSOR');
  });
});
