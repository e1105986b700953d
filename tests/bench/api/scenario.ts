import type { Actor, NewBid } from '@bds/core';
import { ASSOCIATIONS, CLUSTERS, DEMO_USERS, PROVIDERS } from '../../../functions/local/seed/data';
import { seedId } from '../../../functions/local/seed/ids';

/** How the scenario reaches the API: in-process (`app.request`) or over HTTP. */
export interface ApiCaller {
  call(
    method: string,
    path: string,
    init?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: unknown }>;
  token(actor: Actor): Promise<string>;
  now(): number;
  /** Returns once the clock has passed `deadline` (a test moves its clock; the bench waits). */
  passDeadline(deadline: number): Promise<void>;
  /** Runs one API operation under measurement; the scenario checks the status it answers. */
  measure(
    operation: string,
    run: () => Promise<{ status: number; body: unknown }>,
  ): Promise<{ status: number; body: unknown }>;
}

const user = (slug: string): Actor => {
  const u = DEMO_USERS.find((x) => x.slug === slug)!;
  return {
    userId: seedId('user', slug),
    role: u.role,
    organisationId: u.organisationId,
    clusterIds: [...u.clusterIds],
  };
};
const provider = (key: keyof typeof PROVIDERS): Actor => ({
  userId: `usr_${key}`,
  role: 'provider',
  organisationId: PROVIDERS[key].id,
  clusterIds: [...PROVIDERS[key].clusterIds],
});
/** The people the scenario acts as: two associations, the cluster admin, two providers. */
export const ACTORS = {
  knidgro: user('knidgro'),
  appeal: user('appeal'),
  admin: user('ludhiana-cda'),
  it: provider('itTraining'),
  erp: provider('erp'),
};

const cluster = CLUSTERS.ludhiana.id;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A bid priced at `rupees` per firm from one firm up, 10 % less from ten. */
export const bid = (rupees: number): NewBid => ({
  priceTiers: [
    { minFirms: 1, pricePerFirm: { amount: rupees * 100, currency: 'INR' } },
    { minFirms: 10, pricePerFirm: { amount: rupees * 90, currency: 'INR' } },
  ],
  capacity: 50,
  deliveryPlan: 'Two batches of ten days in our lab, evenings for the owners.',
});
/** A valid request whose bidding closes `deadlineInMs` after `now`. */
export const requestBody = (now: number, deadlineInMs: number) => ({
  title: 'IT training for member units',
  category: 'training',
  specification: 'A ten-day course on e-mail, the web and spreadsheets for owners and managers of knitwear units.',
  deliverables: ['Ten training days'],
  place: 'Ludhiana',
  deliveryWindow: { start: day(now + deadlineInMs + 2 * 86_400_000), end: day(now + deadlineInMs + 40 * 86_400_000) },
  biddingDeadline: new Date(now + deadlineInMs).toISOString(),
  minFirms: 1,
  maxFirms: 50,
  weights: { price: 60, quality: 40 },
  milestones: [{ name: 'Course delivered', shareBasisPoints: 10_000 }],
  visibility: 'cluster',
  currency: 'INR',
});

/** Ids the scenario leaves behind, for a load phase to reuse. */
export interface ScenarioIds {
  cluster: string;
  openRequestId: string;
  closedRequestId: string;
  firmIds: string[];
}

/**
 * Every marketplace operation once, in an order that makes each one succeed, each wrapped in
 * `measure`. Throws when an operation answers another status than expected.
 */
export async function runScenario(api: ApiCaller, opts: { deadlineInMs: number }): Promise<ScenarioIds> {
  const tok = Object.fromEntries(
    await Promise.all(Object.entries(ACTORS).map(async ([k, a]) => [k, await api.token(a)])),
  ) as Record<keyof typeof ACTORS, string>;
  const expectStatus = async (
    operation: string,
    status: number,
    method: string,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await api.measure(operation, () => api.call(method, path, init));
    if (res.status !== status)
      throw new Error(`${operation}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown> & { id: string; items: { id: string }[] };
  };
  const firms = `/api/clusters/${cluster}/associations/${ASSOCIATIONS.knidgro.id}/firms`;
  const reqs = `/api/clusters/${cluster}/requests`;

  // app.ts reads the cluster on a write at most every 30 s per process (its tenant guard); warm it, so
  // each operation is measured as it runs in steady state.
  const warm = (token: string) =>
    api.call('POST', firms, {
      token,
      body: { name: 'Warm-up Knits', employees: 3, mechanised: false, womenLed: false },
    });
  await warm(tok.knidgro);
  const firm = await expectStatus('registerFirm', 201, 'POST', firms, {
    token: tok.knidgro,
    body: { name: 'Bench Knits', employees: 9, mechanised: true, womenLed: false },
  });
  await expectStatus('listFirms', 200, 'GET', `${firms}?limit=20`, { token: tok.knidgro });
  const csv = [
    'name,employees,mechanised,women_led',
    ...Array.from({ length: 20 }, (_, i) => `Bench Unit ${i},${5 + i},yes,no`),
  ].join('\n');
  const imported = await expectStatus('importFirms (20 rows)', 201, 'POST', `${firms}/import`, {
    token: tok.knidgro,
    body: { csv },
  });
  const now = api.now();
  const posted = await expectStatus('postRequest', 201, 'POST', reqs, {
    token: tok.knidgro,
    body: requestBody(now, opts.deadlineInMs),
  });
  const id = posted.id;
  const req = `${reqs}/${id}`;
  await expectStatus('publishRequest', 200, 'POST', `${req}/publish`, { token: tok.knidgro });
  await expectStatus('joinRequest (co-sponsor)', 200, 'POST', `${req}/co-sponsors`, { token: tok.appeal });
  await expectStatus('pledgeFirm', 201, 'POST', `${req}/pledges`, { token: tok.knidgro, body: { firmId: firm.id } });
  await expectStatus('listPledges', 200, 'GET', `${req}/pledges`, { token: tok.knidgro });
  await expectStatus('withdrawPledge', 204, 'DELETE', `${req}/pledges/${firm.id}`, { token: tok.knidgro });
  const firmIds = (imported.items as { id: string }[]).map((f) => f.id);
  for (const firmId of firmIds.slice(0, 3))
    await api.call('POST', `${req}/pledges`, { token: tok.knidgro, body: { firmId } });
  await expectStatus('getRequest', 200, 'GET', req, { token: tok.knidgro });
  await expectStatus('listRequests', 200, 'GET', `${reqs}?limit=20`, { token: tok.knidgro });
  await expectStatus('listRequests (open, by category)', 200, 'GET', `${reqs}?category=training&limit=20`, {
    token: tok.it,
  });
  await expectStatus('submitBid', 201, 'POST', `${req}/bids`, { token: tok.it, body: bid(6_000) });
  await expectStatus('getMyBid', 200, 'GET', `${req}/bids/mine`, { token: tok.it });
  await expectStatus('reviseBid', 200, 'PUT', `${req}/bids/mine`, { token: tok.it, body: bid(5_800) });
  await expectStatus('listBids (provider: own)', 200, 'GET', `${req}/bids`, { token: tok.it });
  await expectStatus('listOwnBids (GSI)', 200, 'GET', '/api/bids', { token: tok.it });
  await api.call('POST', `${req}/bids`, { token: tok.erp, body: bid(4_000) });
  await expectStatus('withdrawBid', 200, 'DELETE', `${req}/bids/mine`, { token: tok.erp });
  await api.call('POST', `${req}/bids`, { token: tok.erp, body: bid(4_500) });
  const other = await api.call('POST', reqs, { token: tok.knidgro, body: requestBody(now, opts.deadlineInMs) });
  await expectStatus('cancelRequest', 200, 'POST', `${reqs}/${(other.body as { id: string }).id}/cancel`, {
    token: tok.knidgro,
    body: { reason: 'Posted twice by mistake; the other one stands.' },
  });

  await api.passDeadline(now + opts.deadlineInMs);
  const fresh = Object.fromEntries(
    await Promise.all(Object.entries(ACTORS).map(async ([k, a]) => [k, await api.token(a)])),
  ) as typeof tok;
  await warm(fresh.knidgro);
  await expectStatus('listBids (association, after deadline)', 200, 'GET', `${req}/bids`, { token: fresh.knidgro });
  const closed = await expectStatus('closeRequest (evaluate)', 200, 'POST', `${req}/close`, { token: fresh.knidgro });
  await expectStatus('getEvaluation', 200, 'GET', `${req}/evaluation`, { token: fresh.knidgro });
  const evaluation = closed.evaluation as { recommended: { bidId: string } };
  await expectStatus('awardRequest', 200, 'POST', `${req}/award`, {
    token: fresh.knidgro,
    body: { bidId: evaluation.recommended.bidId },
  });
  return { cluster, openRequestId: id, closedRequestId: id, firmIds };
}
