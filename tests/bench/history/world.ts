/**
 * The history the `bench:history` measurements stand on: a cluster with `history` earlier awards of one
 * category to one association (one real award through `makeAward`, the rest copies of its item under new ids,
 * written with BatchWriteItem), its repeat counter, and open requests in three clusters.
 */
import { webcrypto } from 'node:crypto';
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  closeAndEvaluate,
  createFirm,
  createRequest,
  fixedClock,
  idGenerator,
  pledge,
  publish,
  submitBid,
  type Actor,
  type NewServiceRequest,
  type ServiceRequest,
} from '@bds/core';
import { toStoredEvaluation } from '../../../functions/adapters/dynamo/evaluations';
import { repeatCountKeys } from '../../../functions/adapters/dynamo/repeat-counts';
import type { Stores } from '../../../functions/adapters/dynamo/stores';
import { ASSOCIATIONS, CLUSTERS, PROVIDERS } from '../../../functions/local/seed/data';

export const T0 = Date.UTC(2030, 0, 1);
const DAY = 86_400_000;
const DEADLINE = T0 + DAY;
export const ids = idGenerator(fixedClock(T0), (n) => webcrypto.getRandomValues(new Uint8Array(n)));
export const LUDHIANA = CLUSTERS.ludhiana.id;
export const KNIDGRO = ASSOCIATIONS.knidgro.id;
export const PROVIDER_CLUSTERS = [CLUSTERS.ludhiana.id, CLUSTERS.jaipur.id, CLUSTERS.tirupur.id];
export const rep: Actor = {
  userId: 'usr_rep',
  role: 'association_rep',
  organisationId: KNIDGRO,
  clusterIds: [LUDHIANA],
};

const newRequest = (deadline: number, overrides: Partial<NewServiceRequest> = {}): NewServiceRequest => ({
  title: 'IT training for member units',
  category: 'training',
  specification: 'A ten-day course on e-mail, the web and spreadsheets for owners of knitwear units.',
  deliverables: ['Ten training days', 'Attendance register'],
  place: 'Ludhiana',
  deliveryWindow: { start: '2031-02-01', end: '2031-03-01' },
  biddingDeadline: new Date(deadline).toISOString(),
  minFirms: 2,
  maxFirms: 20,
  weights: { price: 60, quality: 40 },
  milestones: [
    { name: 'Course delivered', shareBasisPoints: 7000 },
    { name: 'Certificates issued', shareBasisPoints: 3000 },
  ],
  visibility: 'cluster',
  currency: 'INR',
  ...overrides,
});

/** A KNIDGRO training request, pledged by two firms, bid, closed and ranked: ready for `makeAward`. */
export async function evaluatedRequest(stores: Stores) {
  const clock = fixedClock(T0);
  const draft = createRequest(newRequest(DEADLINE), { clusterId: LUDHIANA, associationId: KNIDGRO, ids, clock });
  const request: ServiceRequest = await stores.requests.create(publish(draft, clock));
  for (const name of ['Gill Garments', 'Arora Fashions']) {
    const firm = createFirm(
      { name: `${name} ${request.id.slice(-6)}`, employees: 12, mechanised: true, womenLed: false },
      { clusterId: LUDHIANA, associationId: KNIDGRO, ids, clock },
    );
    await stores.firms.create(firm);
    await stores.pledges.add({ ...pledge(request, firm, [], clock), firmName: firm.name }, T0);
  }
  const terms = {
    priceTiers: [{ minFirms: 2, pricePerFirm: { amount: 500_000, currency: 'INR' as const } }],
    capacity: 20,
    deliveryPlan: 'Two batches of ten days in our computer lab.',
  };
  const bid = submitBid(request, [], terms, { providerId: PROVIDERS.itTraining.id, ids, clock });
  await stores.bids.submit({ ...bid, requestTitle: request.title, providerAccredited: true }, T0);
  const { request: current, bids } = await stores.evaluations.closeContext(LUDHIANA, request.id);
  const after = fixedClock(DEADLINE + 1);
  const { next, result } = closeAndEvaluate(current!, bids, current!.pledgedFirms, after);
  const evaluation = toStoredEvaluation(result, {
    clusterId: LUDHIANA,
    evaluatedAt: new Date(DEADLINE + 1).toISOString(),
    evaluatedBy: rep.userId,
  });
  await stores.evaluations.close(next, current!.version, current!.pledgedFirms, evaluation);
  return { request: next, evaluation };
}

/**
 * Writes `history` awarded requests of KNIDGRO in training (copies of `template`'s item, awarded a minute apart,
 * before `template`), sets the counter to match, and opens five requests in each of the provider's clusters.
 */
export async function writeHistory(stores: Stores, template: ServiceRequest, history: number): Promise<void> {
  const { db } = stores;
  const raw = (
    await db.doc.send(
      new GetCommand({ TableName: db.table, Key: { PK: `CLUSTER#${LUDHIANA}`, SK: `REQ#${template.id}` } }),
    )
  ).Item!;
  const items = Array.from({ length: history - 1 }, (_, n) => {
    const id = ids.next('request');
    const awardedAt = new Date(T0 - (n + 1) * 60_000).toISOString();
    return {
      ...raw,
      SK: `REQ#${id}`,
      id,
      award: { ...(raw.award as object), awardedAt, repeatCount: history - 2 - n },
    };
  });
  for (let i = 0; i < items.length; i += 25) {
    const chunk = items.slice(i, i + 25);
    let pending: unknown[] = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: pending as never } }));
      pending = out.UnprocessedItems?.[db.table] ?? [];
    }
  }
  await db.doc.send(
    new BatchWriteCommand({
      RequestItems: {
        [db.table]: [
          {
            PutRequest: {
              Item: { ...repeatCountKeys.item(LUDHIANA, KNIDGRO, 'training'), awards: history, entity: 'repeatCount' },
            },
          },
        ],
      },
    }),
  );
  const clock = fixedClock(T0);
  for (const clusterId of PROVIDER_CLUSTERS) {
    for (let n = 0; n < 5; n++) {
      const draft = createRequest(newRequest(T0 + (30 + n) * DAY, { title: `Open request ${n}` }), {
        clusterId,
        associationId: ids.next('association'),
        ids,
        clock,
      });
      await stores.requests.create(publish(draft, clock));
    }
  }
}
