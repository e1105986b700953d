import autocannon from 'autocannon';
import { ASSOCIATIONS, CLUSTERS } from '../../../functions/local/seed/data';
import { bid, requestBody } from './scenario';

/** One operation under load: `count` calls, each made by `make(i)` (writes get a fresh target each). */
export interface LoadPlan {
  operation: string;
  count: number;
  make(i: number): { method: string; path: string; token: string; body?: unknown };
}

/** Latency and throughput of one operation under load. */
export interface LoadResult {
  operation: string;
  calls: number;
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
}

type Call = (
  method: string,
  path: string,
  init: { token: string; body?: unknown },
) => Promise<{ status: number; body: unknown }>;

const CONNECTIONS = 10;

/** Runs one plan against the server with autocannon: bounded count, loopback only. */
export async function runLoad(url: string, plan: LoadPlan): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: plan.count,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const call = plan.make(next++ % plan.count);
          return {
            ...req,
            method: call.method,
            path: call.path,
            headers: {
              authorization: `Bearer ${call.token}`,
              ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
          };
        },
      },
    ],
  });
  return {
    operation: plan.operation,
    calls: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    non2xx: result.non2xx + result.errors,
  };
}

const cluster = CLUSTERS.ludhiana.id;
const reqs = `/api/clusters/${cluster}/requests`;
const firms = `/api/clusters/${cluster}/associations/${ASSOCIATIONS.knidgro.id}/firms`;

async function ok(
  call: Call,
  method: string,
  path: string,
  init: { token: string; body?: unknown },
  status: number,
): Promise<Record<string, unknown> & { id: string }> {
  const res = await call(method, path, init);
  if (res.status !== status) throw new Error(`prepare ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
}

/** Targets for the write operations, made before the load so that each call finds work to do. */
export async function prepare(
  call: Call,
  tok: Record<'knidgro' | 'appeal' | 'it', string>,
  n: number,
  closeAt: number,
) {
  const now = Date.now();
  const post = (deadlineInMs: number) =>
    ok(call, 'POST', reqs, { token: tok.knidgro, body: requestBody(now, deadlineInMs) }, 201);
  const open = async (deadlineInMs: number) => {
    const { id } = await post(deadlineInMs);
    await ok(call, 'POST', `${reqs}/${id}/publish`, { token: tok.knidgro }, 200);
    return id;
  };
  const csv = (count: number, tag: string) =>
    [
      'name,employees,mechanised,women_led',
      ...Array.from({ length: count }, (_, i) => `${tag} ${i},${3 + (i % 40)},${i % 2 ? 'yes' : 'no'},no`),
    ].join('\n');
  const firmIds: string[] = [];
  for (let i = 0; i < n; i += 100) {
    const imported = await ok(
      call,
      'POST',
      `${firms}/import`,
      { token: tok.knidgro, body: { csv: csv(Math.min(100, n - i), `Load ${i}`) } },
      201,
    );
    firmIds.push(...(imported.items as { id: string }[]).map((f) => f.id));
  }
  // Requests that the close and award phases will find past their deadline.
  const closing: { id: string; bidId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const id = await open(closeAt - now);
    await ok(
      call,
      'POST',
      `${reqs}/${id}/pledges`,
      { token: tok.knidgro, body: { firmId: firmIds[i % firmIds.length] } },
      201,
    );
    closing.push({
      id,
      bidId: (await ok(call, 'POST', `${reqs}/${id}/bids`, { token: tok.it, body: bid(6_000) }, 201)).id,
    });
  }
  const drafts: string[] = [];
  const cancellable: string[] = [];
  const opened: string[] = [];
  for (let i = 0; i < n; i++) {
    drafts.push((await post(86_400_000)).id);
    cancellable.push((await post(86_400_000)).id);
    opened.push(await open(86_400_000));
  }
  const pledgeTarget = await open(86_400_000);
  return { firmIds, closing, drafts, cancellable, opened, pledgeTarget };
}
export type Prepared = Awaited<ReturnType<typeof prepare>>;

/** The load plans before the deadline: reads, and writes that each take a fresh target. */
export function plansBeforeDeadline(
  p: Prepared,
  tok: Record<'knidgro' | 'appeal' | 'it', string>,
  n: number,
  reads: number,
): LoadPlan[] {
  const r = (i: number) => `${reqs}/${p.opened[i]}`;
  return [
    {
      operation: 'registerFirm',
      count: n,
      make: (i) => ({
        method: 'POST',
        path: firms,
        token: tok.knidgro,
        body: { name: `Load Knits ${i}`, employees: 5, mechanised: false, womenLed: true },
      }),
    },
    {
      operation: 'listFirms',
      count: reads,
      make: () => ({ method: 'GET', path: `${firms}?limit=20`, token: tok.knidgro }),
    },
    {
      operation: 'importFirms (20 rows)',
      count: n,
      make: (i) => ({
        method: 'POST',
        path: `${firms}/import`,
        token: tok.knidgro,
        body: {
          csv: [
            'name,employees,mechanised,women_led',
            ...Array.from({ length: 20 }, (_, j) => `Imp ${i}-${j},${4 + j},yes,no`),
          ].join('\n'),
        },
      }),
    },
    {
      operation: 'postRequest',
      count: n,
      make: () => ({ method: 'POST', path: reqs, token: tok.knidgro, body: requestBody(Date.now(), 86_400_000) }),
    },
    {
      operation: 'publishRequest',
      count: n,
      make: (i) => ({ method: 'POST', path: `${reqs}/${p.drafts[i]}/publish`, token: tok.knidgro }),
    },
    {
      operation: 'joinRequest (co-sponsor)',
      count: n,
      make: (i) => ({ method: 'POST', path: `${r(i)}/co-sponsors`, token: tok.appeal }),
    },
    {
      operation: 'pledgeFirm',
      count: n,
      make: (i) => ({
        method: 'POST',
        path: `${reqs}/${p.pledgeTarget}/pledges`,
        token: tok.knidgro,
        body: { firmId: p.firmIds[i] },
      }),
    },
    {
      operation: 'listPledges',
      count: reads,
      make: () => ({ method: 'GET', path: `${reqs}/${p.pledgeTarget}/pledges?limit=20`, token: tok.knidgro }),
    },
    {
      operation: 'withdrawPledge',
      count: n,
      make: (i) => ({
        method: 'DELETE',
        path: `${reqs}/${p.pledgeTarget}/pledges/${p.firmIds[i]}`,
        token: tok.knidgro,
      }),
    },
    { operation: 'getRequest', count: reads, make: (i) => ({ method: 'GET', path: r(i % n), token: tok.knidgro }) },
    {
      operation: 'listRequests',
      count: reads,
      make: () => ({ method: 'GET', path: `${reqs}?limit=20`, token: tok.knidgro }),
    },
    {
      operation: 'listRequests (open, by category)',
      count: reads,
      make: () => ({ method: 'GET', path: `${reqs}?category=training&limit=20`, token: tok.it }),
    },
    {
      operation: 'submitBid',
      count: n,
      make: (i) => ({ method: 'POST', path: `${r(i)}/bids`, token: tok.it, body: bid(6_000) }),
    },
    {
      operation: 'getMyBid',
      count: reads,
      make: (i) => ({ method: 'GET', path: `${r(i % n)}/bids/mine`, token: tok.it }),
    },
    {
      operation: 'reviseBid',
      count: n,
      make: (i) => ({ method: 'PUT', path: `${r(i)}/bids/mine`, token: tok.it, body: bid(5_500) }),
    },
    {
      operation: 'listBids (provider: own)',
      count: reads,
      make: (i) => ({ method: 'GET', path: `${r(i % n)}/bids`, token: tok.it }),
    },
    {
      operation: 'listOwnBids (GSI)',
      count: reads,
      make: () => ({ method: 'GET', path: '/api/bids?limit=20', token: tok.it }),
    },
    {
      operation: 'withdrawBid',
      count: n,
      make: (i) => ({ method: 'DELETE', path: `${r(i)}/bids/mine`, token: tok.it }),
    },
    {
      operation: 'cancelRequest',
      count: n,
      make: (i) => ({
        method: 'POST',
        path: `${reqs}/${p.cancellable[i]}/cancel`,
        token: tok.knidgro,
        body: { reason: 'Cancelled by the load test of the bench.' },
      }),
    },
  ];
}

/** The plans after the deadline: close each request, read, award each. */
export function plansAfterDeadline(
  p: Prepared,
  tok: Record<'knidgro', string>,
  n: number,
  reads: number,
): LoadPlan[][] {
  const c = (i: number) => `${reqs}/${p.closing[i]!.id}`;
  return [
    [
      {
        operation: 'closeRequest (evaluate)',
        count: n,
        make: (i) => ({ method: 'POST', path: `${c(i)}/close`, token: tok.knidgro }),
      },
    ],
    [
      {
        operation: 'listBids (association, after deadline)',
        count: reads,
        make: (i) => ({ method: 'GET', path: `${c(i % n)}/bids`, token: tok.knidgro }),
      },
      {
        operation: 'getEvaluation',
        count: reads,
        make: (i) => ({ method: 'GET', path: `${c(i % n)}/evaluation`, token: tok.knidgro }),
      },
      {
        operation: 'awardRequest',
        count: n,
        make: (i) => ({
          method: 'POST',
          path: `${c(i)}/award`,
          token: tok.knidgro,
          body: { bidId: p.closing[i]!.bidId },
        }),
      },
    ],
  ];
}
