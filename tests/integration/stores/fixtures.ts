import { randomUUID, webcrypto } from 'node:crypto';
import {
  createFirm,
  createRequest,
  fixedClock,
  idGenerator,
  publish,
  submitBid,
  type Bid,
  type Clock,
  type Firm,
  type NewBid,
  type NewServiceRequest,
  type ServiceRequest,
} from '@bds/core';
import { ensureTable } from '../../../functions/adapters/dynamo/create-table';
import { createDb, type Db } from '../../../functions/adapters/dynamo/db';
import { meterDb } from '../../../functions/adapters/dynamo/metrics';
import { createStores, type Stores } from '../../../functions/adapters/dynamo/stores';
import type { StoredBid } from '../../../functions/adapters/dynamo/bids';
import { dynamoEndpoint } from '../support/endpoint';

/** A table of its own, metered, with every store over it. */
export async function freshStores(): Promise<{ db: Db; stores: Stores }> {
  const tableName = `s-${randomUUID()}`;
  const db = meterDb(createDb({ tableName, endpoint: dynamoEndpoint() }));
  await ensureTable(db.client, tableName);
  return { db, stores: createStores(db) };
}

/** Store tests live on 1 January 2030; bidding closes a day later. */
export const T0 = Date.UTC(2030, 0, 1);
export const DEADLINE = T0 + 86_400_000;
export const before: Clock = fixedClock(T0);
export const after: Clock = fixedClock(DEADLINE + 1);
export const ids = idGenerator(fixedClock(T0), (n) => webcrypto.getRandomValues(new Uint8Array(n)));

export const CLUSTER = ids.next('cluster');
export const LEAD = ids.next('association');
export const CO_SPONSOR = ids.next('association');
export const PROVIDER_A = ids.next('provider');
export const PROVIDER_B = ids.next('provider');

export const aNewRequest = (overrides: Partial<NewServiceRequest> = {}): NewServiceRequest => ({
  title: 'IT training for member units',
  category: 'training',
  specification: 'A ten-day course on e-mail, the web and spreadsheets for owners of knitwear units.',
  deliverables: ['Ten training days'],
  place: 'Ludhiana',
  deliveryWindow: { start: '2030-02-01', end: '2030-03-01' },
  biddingDeadline: new Date(DEADLINE).toISOString(),
  minFirms: 2,
  maxFirms: 20,
  weights: { price: 60, quality: 40 },
  milestones: [{ name: 'Course delivered', shareBasisPoints: 10_000 }],
  visibility: 'cluster',
  coSponsorIds: [CO_SPONSOR],
  currency: 'INR',
  ...overrides,
});

/** An open request (published at T0), stored. */
export async function openRequest(stores: Stores, overrides: Partial<NewServiceRequest> = {}): Promise<ServiceRequest> {
  const draft = createRequest(aNewRequest(overrides), { clusterId: CLUSTER, associationId: LEAD, ids, clock: before });
  return stores.requests.create(publish(draft, before));
}

export const aFirm = (associationId = LEAD, name = 'Sandhu Knitwear'): Firm =>
  createFirm(
    { name, employees: 12, mechanised: true, womenLed: false },
    { clusterId: CLUSTER, associationId, ids, clock: before },
  );

export const aNewBid = (pricePerFirm = 500_000): NewBid => ({
  priceTiers: [{ minFirms: 2, pricePerFirm: { amount: pricePerFirm, currency: 'INR' } }],
  capacity: 20,
  deliveryPlan: 'Two batches of ten days in our computer lab.',
});

/** A provider's first bid on the request, as submitted at T0 (not yet stored). */
export const aBid = (request: ServiceRequest, providerId = PROVIDER_A, pricePerFirm = 500_000): StoredBid => ({
  ...(submitBid(request, [], aNewBid(pricePerFirm), { providerId, ids, clock: before }) satisfies Bid),
  requestTitle: request.title,
  providerAccredited: true,
});

/** The code of the domain error a promise rejects with. */
export const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: { code?: string; name?: string }) => error.code ?? error.name ?? 'unknown',
  );
