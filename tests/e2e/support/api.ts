/**
 * The API as the end-to-end tests use it: only to set up what a journey does not itself
 * cover (a request to bid on, bids on a request whose award is the journey). Every call
 * fails loudly with the problem document.
 */
export const DEMO_PASSWORD = 'demo-bds-2026';

/** Demo accounts seeded on every local stack. */
export const DEMO = {
  nationalAdmin: 'admin@nac.bds.example',
  punjabAdmin: 'director@industries.punjab.bds.example',
  ludhianaAdmin: 'cda@ludhiana.bds.example',
  knidgro: 'director@knidgro.bds.example',
  lict: 'bids@lict.bds.example',
  sutra: 'sales@sutra-erp.bds.example',
  sidbi: 'cluster.finance@sidbi.bds.example',
} as const;

export interface ApiUser {
  token: string;
  organisationId: string;
  clusterIds: string[];
}

async function call<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A client bound to one stack, signed in as one user. */
export function apiAs(base: string, user: ApiUser) {
  return {
    get: <T>(path: string) => call<T>(base, 'GET', path, undefined, user.token),
    post: <T>(path: string, body?: unknown) => call<T>(base, 'POST', path, body, user.token),
  };
}

/**
 * Signs a demo account in through the API.
 *
 * @example
 * const rep = await signInApi(stack.url, DEMO.knidgro);
 */
export async function signInApi(base: string, email: string): Promise<ApiUser> {
  const session = await call<{ accessToken: string; user: { organisationId: string; clusterIds: string[] } }>(
    base,
    'POST',
    '/api/auth/sign-in',
    { email, password: DEMO_PASSWORD },
  );
  return {
    token: session.accessToken,
    organisationId: session.user.organisationId,
    clusterIds: session.user.clusterIds,
  };
}

/** NIFT's demo user, a provider no other journey awards (payouts.test.ts); not in DEMO, whose roles reach crawls. */
export const NIFT = 'outreach@nift.bds.example';

/** The services the seeded providers offer (their `categories`) that the e2e journeys buy. */
export type RequestCategory = 'it-software' | 'training';

/**
 * A request's terms with its bidding deadline at `deadlineAtMs`, an instant on the stack's clock (`stack.now()`, which
 * is ahead of `Date.now()` once a file has moved it); the rest is what an association would write.
 */
export function requestTerms(
  title: string,
  deadlineAtMs: number,
  minFirms = 3,
  category: RequestCategory = 'it-software',
) {
  const day = (n: number) => new Date(deadlineAtMs + n * 86_400_000).toISOString().slice(0, 10);
  return {
    title,
    category,
    specification:
      'Set up a shared ERP for small knitwear units: orders, yarn ' +
      'stock and GST invoices, with training for two staff per unit.',
    deliverables: ['ERP installed in each unit', 'Two trained users per unit'],
    place: 'KNIDGRO hall, Ludhiana',
    deliveryWindow: { start: day(10), end: day(40) },
    biddingDeadline: new Date(deadlineAtMs).toISOString(),
    minFirms,
    maxFirms: 20,
    weights: { price: 60, quality: 40 },
    milestones: [
      { name: 'Installation', shareBasisPoints: 6000 },
      { name: 'Handover', shareBasisPoints: 4000 },
    ],
    visibility: 'cluster',
    currency: 'INR',
  };
}

/** A bid with volume tiers in whole rupees, sent as paise. */
export const bidTerms = (tiers: [minFirms: number, rupees: number][], capacity = 20) => ({
  priceTiers: tiers.map(([minFirms, rupees]) => ({
    minFirms,
    pricePerFirm: { amount: rupees * 100, currency: 'INR' },
  })),
  capacity,
  deliveryPlan: 'Installation in the first month, training in the second, weekly reports to the association.',
});
