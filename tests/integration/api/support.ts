import type { Actor, Clock, NewBid, NewServiceRequest } from '@bds/core';
import { ASSOCIATIONS, CLUSTERS, DEMO_USERS, PROVIDERS } from '../../../functions/local/seed/data';
import { seedId } from '../../../functions/local/seed/ids';
import { testApp, type TestApp } from '../support/test-app';

export const LUDHIANA = CLUSTERS.ludhiana.id;
export const JAIPUR = CLUSTERS.jaipur.id;
export const KNIDGRO = ASSOCIATIONS.knidgro.id;
export const APPEAL = ASSOCIATIONS.appeal.id;

/**
 * The API on a fresh table with only what these tests stand on: the clusters, associations and
 * providers of the demo data. Tokens are issued directly, so no demo user (and no scrypt) is needed,
 * and the demo marketplace is left out, so every file starts from an empty market.
 */
export async function marketApp(opts: { clock?: Clock } = {}): Promise<TestApp> {
  const t = await testApp({ ...opts, seed: false });
  await Promise.all([
    ...Object.values(CLUSTERS).map((c) => t.stores.clusters.create(c)),
    ...Object.values(ASSOCIATIONS).map((a) => t.stores.clusters.putAssociation(a)),
    ...Object.values(PROVIDERS).map((p) => t.stores.providers.putWithRegistrations(p, p.createdAt)),
  ]);
  return t;
}

/** The actor of a demo user (by slug), as the token carries it. */
export function demoActor(slug: (typeof DEMO_USERS)[number]['slug']): Actor {
  const u = DEMO_USERS.find((x) => x.slug === slug)!;
  return {
    userId: seedId('user', slug),
    role: u.role,
    organisationId: u.organisationId,
    clusterIds: [...u.clusterIds],
    ...('state' in u ? { state: u.state } : {}),
  };
}

/** A provider of the demo data, signed in (some have no demo user; the token is all the API sees). */
export const providerActor = (key: keyof typeof PROVIDERS): Actor => ({
  userId: `usr_${key}`,
  role: 'provider',
  organisationId: PROVIDERS[key].id,
  clusterIds: [...PROVIDERS[key].clusterIds],
});

/** Sets a cluster's stand-still (its policy's `standstillSeconds`) as its admin would; fails unless it is taken. */
export async function setStandstill(t: TestApp, adminToken: string, clusterId: string, seconds: number): Promise<void> {
  const policy = (await t.call('GET', `/api/clusters/${clusterId}/policy`, { token: adminToken })).body;
  const put = await t.call('PUT', `/api/clusters/${clusterId}/policy`, {
    token: adminToken,
    body: { ...policy, standstillSeconds: seconds },
  });
  if (put.status !== 200) throw new Error(`setting the stand-still failed: ${put.status} ${JSON.stringify(put.body)}`);
}

/** Tokens are issued on the app's clock: re-issue them after moving it past their 15 minutes. */
export const tokenOf = async (t: TestApp, actor: Actor): Promise<string> => (await t.deps.tokens.issue(actor)).token;

const HOUR = 3_600_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A valid request whose bidding closes two hours after `now` (the window opens days later). */
export const newRequest = (now: number, overrides: Partial<NewServiceRequest> = {}): NewServiceRequest => ({
  title: 'IT training for KNIDGRO and APPEAL members',
  category: 'training',
  specification: 'A ten-day course on e-mail, the web and spreadsheets for owners and managers of knitwear units.',
  deliverables: ['Ten training days', 'Attendance register'],
  place: 'Ludhiana',
  deliveryWindow: { start: day(now + 72 * HOUR), end: day(now + 30 * 24 * HOUR) },
  biddingDeadline: new Date(now + 2 * HOUR).toISOString(),
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

export const newBid = (rupeesPerFirm: number, capacity = 20): NewBid => ({
  priceTiers: [
    { minFirms: 2, pricePerFirm: { amount: rupeesPerFirm * 100, currency: 'INR' } },
    { minFirms: 10, pricePerFirm: { amount: rupeesPerFirm * 90, currency: 'INR' } },
  ],
  capacity,
  deliveryPlan: 'Two batches of ten days in our lab, evenings for the owners.',
});

export const TWO_HOURS = 2 * HOUR;

/** Posts and publishes a request as `token`'s association; returns its id. */
export async function openRequestVia(
  t: TestApp,
  token: string,
  clusterId: string,
  body: NewServiceRequest,
): Promise<string> {
  const posted = await t.call('POST', `/api/clusters/${clusterId}/requests`, { token, body });
  if (posted.status !== 201) throw new Error(`post failed: ${posted.status} ${JSON.stringify(posted.body)}`);
  const opened = await t.call('POST', `/api/clusters/${clusterId}/requests/${posted.body.id}/publish`, { token });
  if (opened.status !== 200) throw new Error(`publish failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  return posted.body.id as string;
}

/** A firm of the association's register, registered through the API; returns its id. */
export async function registerFirmVia(
  t: TestApp,
  token: string,
  clusterId: string,
  associationId: string,
  name: string,
  email?: string,
): Promise<string> {
  const res = await t.call('POST', `/api/clusters/${clusterId}/associations/${associationId}/firms`, {
    token,
    body: { name, employees: 8, mechanised: false, womenLed: true, ...(email ? { email } : {}) },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
