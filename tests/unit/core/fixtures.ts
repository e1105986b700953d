import { expect } from 'vitest';
import { fixedClock, type Clock } from '../../../packages/core/src/clock';
import { DomainError, type ErrorKind } from '../../../packages/core/src/errors';
import { ID_PREFIXES, ulid, type IdGenerator, type IdKind } from '../../../packages/core/src/ids';
import { money, type Currency, type Money } from '../../../packages/core/src/money';
import type { Actor } from '../../../packages/core/src/actor';
import type { Firm } from '../../../packages/core/src/firm';
import type { NewServiceRequest, ServiceRequest } from '../../../packages/core/src/request';
import type { Bid, PriceTier } from '../../../packages/core/src/bid';

/** A valid, deterministic id of a kind: the n-th one. */
export function idOf(kind: IdKind, n: number): string {
  const bytes = new Uint8Array(10);
  new DataView(bytes.buffer).setUint32(6, n);
  return `${ID_PREFIXES[kind]}_${ulid(fixedClock(1_700_000_000_000), () => bytes)}`;
}

/** An id generator that counts, and tells how many ids it handed out. */
export function countingIds(): IdGenerator & { issued: number } {
  const gen = {
    issued: 0,
    next(kind: IdKind) {
      gen.issued += 1;
      return idOf(kind, 1_000 + gen.issued);
    },
  };
  return gen;
}

export const CLUSTER = idOf('cluster', 1);
export const OTHER_CLUSTER = idOf('cluster', 2);
export const LEAD = idOf('association', 1);
export const CO_SPONSOR = idOf('association', 2);
export const OUTSIDER = idOf('association', 3);
export const PROVIDER_A = idOf('provider', 1);
export const PROVIDER_B = idOf('provider', 2);
export const REQUEST_ID = idOf('request', 1);

/** The request's clock: created on 1 March 2025, bidding closes on 15 March at noon UTC. */
export const CREATED = '2025-03-01T00:00:00.000Z';
export const DEADLINE = '2025-03-15T12:00:00.000Z';
export const DEADLINE_MS = Date.parse(DEADLINE);
export const beforeDeadline: Clock = fixedClock(DEADLINE_MS - 1);
export const atDeadline: Clock = fixedClock(DEADLINE_MS);
export const created: Clock = fixedClock(Date.parse(CREATED));

export const inr = (amount: number): Money => money(amount, 'INR');

export const aNewRequest = (overrides: Partial<NewServiceRequest> = {}): NewServiceRequest => ({
  title: 'ERP pilot for knitwear units',
  category: 'it-software',
  specification: 'An ERP package customised for small knitwear units: orders, stock and dispatch.',
  deliverables: ['Installed ERP', 'Two days of training'],
  place: 'Ludhiana',
  deliveryWindow: { start: '2025-04-01', end: '2025-06-30' },
  biddingDeadline: DEADLINE,
  minFirms: 10,
  maxFirms: 50,
  weights: { price: 60, quality: 40 },
  milestones: [
    { name: 'Installation', shareBasisPoints: 5_000 },
    { name: 'Training', shareBasisPoints: 5_000 },
  ],
  visibility: 'cluster',
  invitedProviderIds: [],
  coSponsorIds: [],
  currency: 'INR',
  ...overrides,
});

export const aRequest = (overrides: Partial<ServiceRequest> = {}): ServiceRequest => ({
  ...(aNewRequest() as Omit<ServiceRequest, 'id'>),
  invitedProviderIds: [],
  coSponsorIds: [CO_SPONSOR],
  id: REQUEST_ID,
  clusterId: CLUSTER,
  associationId: LEAD,
  biddingDeadline: DEADLINE,
  status: 'open',
  version: 2,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...overrides,
});

export const aFirm = (overrides: Partial<Firm> = {}): Firm => ({
  id: idOf('firm', 1),
  clusterId: CLUSTER,
  associationId: LEAD,
  name: 'Sharma Hosiery',
  employees: 12,
  mechanised: true,
  womenLed: false,
  createdAt: CREATED,
  ...overrides,
});

/** Tiers from [minFirms, price per firm] pairs. */
export const tiers = (pairs: readonly (readonly [number, number])[], currency: Currency = 'INR'): PriceTier[] =>
  pairs.map(([minFirms, amount]) => ({ minFirms, pricePerFirm: money(amount, currency) }));

export const aBid = (overrides: Partial<Bid> = {}): Bid => ({
  id: idOf('bid', 1),
  requestId: REQUEST_ID,
  clusterId: CLUSTER,
  providerId: PROVIDER_A,
  priceTiers: tiers([
    [10, 500_000],
    [20, 400_000],
    [50, 300_000],
  ]),
  capacity: 60,
  deliveryPlan: 'Install in week one, train in weeks two and three.',
  status: 'live',
  version: 1,
  submittedAt: '2025-03-05T10:00:00.000Z',
  updatedAt: '2025-03-05T10:00:00.000Z',
  ...overrides,
});

export const anActor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: idOf('user', 1),
  role: 'association_rep',
  organisationId: LEAD,
  clusterIds: [CLUSTER],
  ...overrides,
});

/** Asserts that `act` throws a DomainError with this code (and kind and field when given). */
export function expectDomainError(act: () => unknown, code: string, kind?: ErrorKind, field?: string): DomainError {
  let caught: unknown;
  try {
    act();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(DomainError);
  const err = caught as DomainError;
  expect(err.code).toBe(code);
  if (kind) expect(err.kind).toBe(kind);
  if (field) expect(err.field).toBe(field);
  return err;
}
