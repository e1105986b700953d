import { UpdateCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  closeAndEvaluate,
  fixedClock,
  pledge,
  type Actor,
  type NewServiceRequest,
  type ServiceRequest,
} from '@bds/core';
import { toStoredEvaluation } from '../../../functions/adapters/dynamo/evaluations';
import { measure } from '../../../functions/adapters/dynamo/metrics';
import { repeatCountKeys } from '../../../functions/adapters/dynamo/repeat-counts';
import type { Stores } from '../../../functions/adapters/dynamo/stores';
import type { Db } from '../../../functions/adapters/dynamo/db';
import { makeAward } from '../../../functions/use-cases/award-request';
import { onRequestAwardedEscrow } from '../../../functions/workers/request-events/handlers/escrow';
import type { WorkerDeps } from '../../../functions/workers/request-events/deps';
import { silentLogger } from '../../../functions/observability/logger';
import {
  CLUSTER,
  CO_SPONSOR,
  DEADLINE,
  LEAD,
  PROVIDER_A,
  T0,
  aBid,
  aFirm,
  codeOf,
  freshStores,
  ids,
  openRequest,
} from './fixtures';

const rep = (associationId: string): Actor => ({
  userId: 'usr_rep',
  role: 'association_rep',
  organisationId: associationId,
  clusterIds: [CLUSTER],
});

describe('repeat counter kept in the award transaction', () => {
  let stores: Stores;
  let db: Db;
  beforeAll(async () => {
    ({ stores, db } = await freshStores());
    // The escrow worker reads the cluster (its state picks the programmes); none apply here.
    await stores.clusters.create({
      id: CLUSTER,
      name: 'Ludhiana knitwear',
      sector: 'Knitwear',
      state: 'Punjab',
      district: 'Ludhiana',
      firmCount: 10_000,
      phase: 'pilot',
      currency: 'INR',
      supportedUntil: '2032-03-31',
      status: 'active',
      createdAt: new Date(T0).toISOString(),
    });
  });

  /** A request of `associationId` in `category`, pledged, bid, closed and ranked, ready to award. */
  async function evaluated(associationId: string, category: NewServiceRequest['category']) {
    const request = await openRequest(stores, { category, coSponsorIds: [] });
    const own = { ...request, associationId } as ServiceRequest;
    // The fixtures open requests for LEAD; another association's request is the same one re-owned before any pledge.
    if (associationId !== LEAD) {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: { PK: `CLUSTER#${CLUSTER}`, SK: `REQ#${request.id}` },
          UpdateExpression: 'SET associationId = :a',
          ExpressionAttributeValues: { ':a': associationId },
        }),
      );
    }
    for (const name of ['Gill Garments', 'Arora Fashions']) {
      const firm = aFirm(associationId, `${name} ${request.id}`);
      await stores.firms.create(firm);
      await stores.pledges.add({ ...pledge(own, firm, [], fixedClock(T0)), firmName: firm.name }, T0);
    }
    await stores.bids.submit(aBid(own, PROVIDER_A, 300_000), T0);
    const { request: current, bids } = await stores.evaluations.closeContext(CLUSTER, request.id);
    const closeClock = fixedClock(DEADLINE + 1);
    const { next, result } = closeAndEvaluate(current!, bids, current!.pledgedFirms, closeClock);
    const evaluation = toStoredEvaluation(result, {
      clusterId: CLUSTER,
      evaluatedAt: new Date(DEADLINE + 1).toISOString(),
      evaluatedBy: 'usr_rep',
    });
    await stores.evaluations.close(next, current!.version, current!.pledgedFirms, evaluation);
    return { request: next, evaluation };
  }

  /** The old recount (a Query over every request of the cluster), the oracle the counter must equal. */
  const recount = (r: ServiceRequest) =>
    stores.escrow.earlierAwards({
      clusterId: CLUSTER,
      associationId: r.associationId,
      category: r.category,
      awardedAt: r.award!.awardedAt,
      requestId: r.id,
    });

  const awarded: ServiceRequest[] = [];

  it('stamps each award with the old recount and advances the counter in the same transaction', async () => {
    // Prepare: seven awards alternating two associations and two categories, a minute apart.
    const plan: [string, NewServiceRequest['category']][] = [
      [LEAD, 'training'],
      [LEAD, 'training'],
      [CO_SPONSOR, 'training'],
      [LEAD, 'design'],
      [LEAD, 'training'],
      [CO_SPONSOR, 'training'],
      [LEAD, 'design'],
    ];
    for (const [n, [association, category]] of plan.entries()) {
      const found = await evaluated(association, category);
      const clock = fixedClock(DEADLINE + 60_000 * (n + 1));
      // Act
      const out = await measure(() => makeAward({ stores, clock, ids }, found, rep(association), {}, `corr-${n}`));
      awarded.push(out.result.next);
      // Assess: one counter read, one transaction, whatever the history.
      expect(out.usage).toMatchObject({ readCalls: 1, writeCalls: 1 });
    }
    for (const r of awarded) {
      const stored = await stores.requests.get(CLUSTER, r.id);
      expect(stored?.award?.repeatCount).toBe(await recount(r));
    }
    expect(awarded.map((r) => r.award?.repeatCount)).toEqual([0, 1, 0, 0, 2, 1, 1]);
    expect(await stores.repeatCounts.read({ clusterId: CLUSTER, associationId: LEAD, category: 'training' })).toBe(3);
    expect(await stores.repeatCounts.read({ clusterId: CLUSTER, associationId: LEAD, category: 'design' })).toBe(2);
    expect(
      await stores.repeatCounts.read({ clusterId: CLUSTER, associationId: CO_SPONSOR, category: 'training' }),
    ).toBe(2);
  });

  it('counts a redelivered award once: the repeat is refused, the escrow worker reads the stamped count', async () => {
    // Prepare
    const found = await evaluated(LEAD, 'training');
    const clock = fixedClock(DEADLINE + 3_600_000);
    const { event, next } = await makeAward({ stores, clock, ids }, found, rep(LEAD), {}, 'corr-x');
    const key = { clusterId: CLUSTER, associationId: LEAD, category: 'training' };
    // Act: the same award again (a retried request), then the event delivered three times.
    expect(await codeOf(makeAward({ stores, clock, ids }, found, rep(LEAD), {}, 'corr-x'))).toBe(
      'REQUEST.VERSION_CONFLICT',
    );
    const worker = { stores, clock, ids, log: silentLogger } as unknown as WorkerDeps;
    for (let i = 0; i < 3; i++) await onRequestAwardedEscrow(event, worker, silentLogger);
    // Assess
    expect(next.award?.repeatCount).toBe(3);
    expect(await stores.repeatCounts.read(key)).toBe(4);
    expect((await stores.escrow.get(CLUSTER, next.id))?.repeatCount).toBe(3);
    expect(next.award?.repeatCount).toBe(await recount(next));
  });

  it('retries an award whose counter moved since it was read (the refused try writes nothing)', async () => {
    // Prepare: the counter is one ahead of what the award will read (another award committed in between).
    const found = await evaluated(CO_SPONSOR, 'design');
    const key = { clusterId: CLUSTER, associationId: CO_SPONSOR, category: 'design' };
    const clock = fixedClock(DEADLINE + 7_200_000);
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: repeatCountKeys.item(CLUSTER, CO_SPONSOR, 'design'),
        UpdateExpression: 'SET awards = :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const real = stores.repeatCounts.read;
    let reads = 0;
    // The first read sees 0 while the stored count is already 1: the race, replayed deterministically.
    stores.repeatCounts.read = async (k) => (reads++ === 0 ? 0 : real(k));
    // Act
    const { next } = await makeAward({ stores, clock, ids }, found, rep(CO_SPONSOR), {}, 'corr-race').finally(() => {
      stores.repeatCounts.read = real;
    });
    // Assess: the first try was refused whole, the retry read 1 and took ordinal 1.
    expect(reads).toBe(2);
    expect(next.award?.repeatCount).toBe(1);
    expect(await stores.repeatCounts.read(key)).toBe(2);
  });

  it('backfills awards made before the counter to the old recount, once', async () => {
    // Prepare: forget the counters and the stamps, as on a table from before this change.
    for (const r of awarded) {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: { PK: `CLUSTER#${CLUSTER}`, SK: `REQ#${r.id}` },
          UpdateExpression: 'REMOVE award.repeatCount',
        }),
      );
    }
    for (const [a, c] of [
      [LEAD, 'training'],
      [LEAD, 'design'],
      [CO_SPONSOR, 'training'],
      [CO_SPONSOR, 'design'],
    ] as const)
      await db.doc.send(new DeleteCommand({ TableName: db.table, Key: repeatCountKeys.item(CLUSTER, a, c) }));
    // Act
    const first = await stores.repeatCounts.backfill(CLUSTER);
    const second = await stores.repeatCounts.backfill(CLUSTER);
    // Assess
    expect(first).toEqual({ stamped: awarded.length, counters: 4 });
    expect(second).toEqual({ stamped: 0, counters: 4 });
    for (const r of awarded)
      expect((await stores.requests.get(CLUSTER, r.id))?.award?.repeatCount).toBe(await recount(r));
    expect(await stores.repeatCounts.read({ clusterId: CLUSTER, associationId: LEAD, category: 'training' })).toBe(4);
    expect(await stores.repeatCounts.read({ clusterId: CLUSTER, associationId: CO_SPONSOR, category: 'design' })).toBe(
      1,
    );
  });
});
