import type { SQSEvent } from 'aws-lambda';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  award,
  checkByIds,
  close,
  createRequest,
  publish,
  type EventEnvelope,
  type Provider,
  type ServiceRequest,
} from '@bds/core';
import type { StoredEvaluation } from '../../../functions/adapters/dynamo/evaluations';
import type { MailMessage } from '../../../functions/adapters/mail/port';
import { silentLogger } from '../../../functions/observability/logger';
import { createRequestEventsHandler, type WorkerDeps } from '../../../functions/workers/request-events/worker';
import { KNIDGRO, LUDHIANA, demoActor, marketApp, tokenOf } from '../api/support';
import { aBid, aNewRequest, after, before, ids } from '../stores/fixtures';
import type { TestApp } from '../support/test-app';
import { bruteForceOptimum } from '../../unit/matching/fixtures';

const KNIDGRO_REP = demoActor('knidgro');
const iso = (ms: number) => new Date(ms).toISOString();

/** A worker over the app's table whose mail is collected, and whose stores or mail can be made to crash. */
function worker(t: TestApp, overrides: Partial<WorkerDeps> = {}) {
  const mails: MailMessage[] = [];
  const deps: WorkerDeps = {
    stores: t.stores,
    log: silentLogger,
    clock: t.clock,
    ids: t.deps.ids,
    timing: t.deps.timing,
    portalUrl: 'http://portal.test',
    mail: { send: async (m) => void mails.push(m) },
    scheduler: { at: async () => undefined, cancel: async () => undefined },
    ...overrides,
  };
  const handler = createRequestEventsHandler(deps);
  const deliver = (events: EventEnvelope[]) =>
    handler({
      Records: events.map((e) => ({
        messageId: `m-${e.id}`,
        body: JSON.stringify(e),
        attributes: { ApproximateReceiveCount: '1' },
      })),
    } as unknown as SQSEvent);
  return { deps, mails, deliver };
}

const provider = (name: string, capacity: number): Provider => ({
  id: ids.next('provider'),
  name,
  city: 'Ludhiana',
  categories: ['training'],
  accredited: true,
  capacity,
  clusterIds: [LUDHIANA],
  blocked: false,
  contactEmail: `${name.toLowerCase().replace(/\W+/g, '.')}@providers.test`,
  createdAt: iso(before.now()),
});

/** An open request of KNIDGRO's with a bid from each provider (stored, so the provider's bid index sees it). */
async function withBids(
  t: TestApp,
  providers: Provider[],
): Promise<{ request: ServiceRequest; bidOf: Map<string, string> }> {
  const request = await t.stores.requests.create(
    publish(
      createRequest(aNewRequest({ coSponsorIds: [] }), {
        clusterId: LUDHIANA,
        associationId: KNIDGRO,
        ids,
        clock: before,
      }),
      before,
    ),
  );
  const bidOf = new Map<string, string>();
  for (const p of providers) {
    const bid = aBid(request, p.id);
    await t.stores.bids.submit(bid, before.now());
    bidOf.set(p.id, bid.id);
  }
  return { request, bidOf };
}

/** Closes the request with a ranking of the given scores (best first), as the close route stores it. */
async function closeRanked(
  t: TestApp,
  request: ServiceRequest,
  bidOf: Map<string, string>,
  scores: [Provider, number][],
): Promise<EventEnvelope> {
  const money = { amount: 500_000, currency: 'INR' as const };
  const ranking = [...scores]
    .sort((a, b) => b[1] - a[1])
    .map(([p, score], i) => ({
      bidId: bidOf.get(p.id)!,
      providerId: p.id,
      pricePerFirm: money,
      total: money,
      priceScore: score,
      qualityScore: 0,
      score,
      rank: i + 1,
    }));
  const evaluation: StoredEvaluation = {
    requestId: request.id,
    clusterId: LUDHIANA,
    evaluatedAt: iso(after.now()),
    evaluatedBy: KNIDGRO_REP.userId,
    outcome: 'ranked',
    pledgedFirms: 0,
    volume: 2,
    ranking,
    recommended: ranking[0]!,
    invalid: [],
  };
  await t.stores.evaluations.close(close(request, after), request.version, 0, evaluation);
  return {
    id: ids.next('event'),
    type: 'request.closed',
    clusterId: LUDHIANA,
    occurredAt: iso(after.now()),
    correlationId: 'test',
    idempotencyKey: `request.closed:${request.id}`,
    payload: { requestId: request.id, outcome: 'ranked', status: 'evaluating', closedBy: 'association' },
  };
}

/**
 * Four requests closing together. A (capacity 1) tops r1 (9000 vs B 8500) and r2 (8000 vs B 6000):
 * it adds more on r2, so r1 goes to B. C (capacity 1) already delivers an overlapping award, so
 * r3 (C 9500, B 7000) goes to B, and r4 (only C) keeps its recommendation, marked.
 */
async function scenario(t: TestApp) {
  const [a, b, c] = [provider('Alpha Training', 1), provider('Beta Institute', 5), provider('Gamma Lab', 1)];
  await Promise.all([a, b, c].map((p) => t.stores.providers.putWithRegistrations(p, p.createdAt)));
  const held = await withBids(t, [c]);
  const candidate = {
    bidId: held.bidOf.get(c.id)!,
    providerId: c.id,
    pricePerFirm: { amount: 1, currency: 'INR' as const },
    total: { amount: 2, currency: 'INR' as const },
    rank: 1,
  };
  await t.stores.requests.update(
    award(
      close(held.request, after),
      {
        basis: { requestId: held.request.id, volume: 2, ranking: [candidate], recommended: candidate },
        awardedBy: KNIDGRO_REP.userId,
      },
      after,
    ),
    held.request.version,
  );

  const r = await Promise.all([[a, b], [a, b], [c, b], [c]].map((ps) => withBids(t, ps)));
  const scores: [Provider, number][][] = [
    [
      [a, 9_000],
      [b, 8_500],
    ],
    [
      [a, 8_000],
      [b, 6_000],
    ],
    [
      [c, 9_500],
      [b, 7_000],
    ],
    [[c, 9_900]],
  ];
  const events = await Promise.all(r.map((x, i) => closeRanked(t, x.request, x.bidOf, scores[i]!)));
  const bruteForce = bruteForceOptimum({
    capacities: [1, 5, 0],
    bids: scores.map((s) => s.map(([p, score]): [number, number] => [[a, b, c].indexOf(p), score])),
  });
  return { a, b, c, requests: r, events, bruteForce };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;

/** Everything the worker writes for a scenario: evaluations, run records, the lead's inbox. */
async function stateOf(t: TestApp, s: Scenario) {
  const closed = await t.stores.matchingRuns.closedRequests(
    LUDHIANA,
    s.requests.map((x) => x.request.id),
  );
  const runIds = [...new Set(closed.map((c) => c.matching?.runId))].filter((id): id is string => id !== undefined);
  const runs = await Promise.all(runIds.map((id) => t.stores.matchingRuns.get(LUDHIANA, id)));
  const allRuns = await t.stores.db.doc.send(
    new QueryCommand({
      TableName: t.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': `CLUSTER#${LUDHIANA}`, ':sk': 'MATCHRUN#' },
      ConsistentRead: true,
    }),
  );
  const ids = new Set(s.requests.map((x) => x.request.id));
  const inbox = (await t.stores.inbox.list(KNIDGRO, { limit: 100 })).items.filter(
    (n) => n.requestId && ids.has(n.requestId),
  );
  return {
    evaluations: closed.map((c) => ({ recommended: c.evaluation?.recommended?.bidId, matching: c.matching })),
    runs,
    runsOfTheseRequests: (allRuns.Items ?? []).filter((i) => (i.requestIds as string[]).some((id) => ids.has(id)))
      .length,
    inbox: inbox.map(({ mailedAt: _m, ...n }) => ({ ...n, mailed: _m !== undefined })),
  };
}

/** The state exactly-once processing leaves (run ids aside). */
function expectMatched(state: Awaited<ReturnType<typeof stateOf>>, s: Scenario) {
  const [r1, r2, r3, r4] = s.requests;
  expect(state.evaluations.map((e) => e.recommended)).toEqual([
    r1!.bidOf.get(s.b.id),
    r2!.bidOf.get(s.a.id),
    r3!.bidOf.get(s.b.id),
    r4!.bidOf.get(s.c.id),
  ]);
  const runId = state.runs[0]!.runId;
  expect(state.evaluations.map((e) => e.matching)).toEqual([
    { runId, capacityAdjusted: true, reason: 'recommended bidder at capacity', replacedBidId: r1!.bidOf.get(s.a.id) },
    { runId, capacityAdjusted: false },
    { runId, capacityAdjusted: true, reason: 'recommended bidder at capacity', replacedBidId: r3!.bidOf.get(s.c.id) },
    { runId, capacityAdjusted: false, reason: 'every bidder at capacity' },
  ]);
  expect(state.runs).toHaveLength(1);
  expect(state.runsOfTheseRequests).toBe(1);
  const run = state.runs[0]!;
  expect(run.objective).toBe(s.bruteForce);
  expect(run.objective).toBe(8_500 + 8_000 + 7_000);
  expect(run.certificateCheck).toMatchObject({ ok: true, primal: run.objective, dual: run.objective });
  // Re-checked from the stored record alone, with the independent checker.
  const check = checkByIds(
    run.instance,
    run.slots.map((x) => ({ id: x.id, capacity: x.remaining })),
    run.assignments.map((x) => ({ requestId: x.requestId, providerId: x.slotId })),
    run.certificate,
  );
  expect(check.ok).toBe(true);
  expect(run.slots.find((x) => x.providerId === s.c.id)).toMatchObject({ capacity: 1, busy: 1, remaining: 0 });
  expect(run.unassigned).toEqual([{ requestId: r4!.request.id, reason: 'every bidder at capacity' }]);
  expect(state.inbox).toHaveLength(4);
  expect(state.inbox.every((n) => n.kind === 'ranking.ready' && n.mailed)).toBe(true);
}

describe('matching worker', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await marketApp();
    await t.stores.users.createIfAbsent({
      id: KNIDGRO_REP.userId,
      email: 'director@knidgro.bds.example',
      name: 'Gurpreet Singh',
      role: 'association_rep',
      organisationId: KNIDGRO,
      organisationName: 'KNIDGRO',
      clusterIds: [LUDHIANA],
      passwordHash: 'x',
      disabled: false,
    });
  });
  afterAll(() => t.stop());

  it(
    'recommends the capacity-1 provider where it adds more, the runner-up ' +
      'elsewhere, with a checked certificate; a redelivery changes nothing',
    async () => {
      const s = await scenario(t);
      const w = worker(t);
      expect((await w.deliver(s.events)).batchItemFailures).toEqual([]);
      const first = await stateOf(t, s);
      expectMatched(first, s);
      expect(w.mails).toHaveLength(4);
      expect(w.mails[0]).toMatchObject({
        to: 'director@knidgro.bds.example',
        subject: expect.stringContaining('Ranking ready'),
      });

      // The same batch again, then each event alone: nothing new.
      expect((await w.deliver(s.events)).batchItemFailures).toEqual([]);
      expect((await w.deliver([s.events[1]!])).batchItemFailures).toEqual([]);
      expect(await stateOf(t, s)).toEqual(first);
      expect(w.mails).toHaveLength(4);
    },
  );

  it.each([
    ['before the run commits', 'before'],
    ['after the run commits, before anyone is told', 'after'],
    ['while mailing the lead association', 'mail'],
  ] as const)('ends in the exactly-once state after a crash %s and a retry', async (_label, where) => {
    const s = await scenario(t);
    const crash = () => {
      throw new Error('injected crash');
    };
    let crashed = false;
    const once =
      <A extends unknown[], R>(fn: (...a: A) => Promise<R>, at: 'before' | 'after') =>
      async (...args: A): Promise<R> => {
        if (crashed) return fn(...args);
        crashed = true;
        if (at === 'before') crash();
        await fn(...args);
        return crash();
      };
    const real = worker(t);
    const overrides: Partial<WorkerDeps> =
      where === 'mail'
        ? { mail: { send: once(real.deps.mail.send, 'before') } }
        : {
            stores: {
              ...t.stores,
              matchingRuns: { ...t.stores.matchingRuns, record: once(t.stores.matchingRuns.record, where) },
            },
          };
    const faulty = worker(t, { ...overrides, ...(where === 'mail' ? {} : { mail: real.deps.mail }) });
    const failed = await faulty.deliver(s.events);
    expect(failed.batchItemFailures.length).toBeGreaterThan(0);
    expect(crashed).toBe(true);

    expect((await real.deliver(s.events)).batchItemFailures).toEqual([]);
    expectMatched(await stateOf(t, s), s);
    expect(real.mails).toHaveLength(4);
  });

  it('does not rematch a request another run already took, and leaves an awarded one alone', async () => {
    const s = await scenario(t);
    const w = worker(t);
    await w.deliver([s.events[0]!]);
    const alone = await stateOf(t, s);
    expect(alone.evaluations[0]!.matching).toMatchObject({ capacityAdjusted: false });
    await w.deliver(s.events);
    const after = await stateOf(t, s);
    expect(after.evaluations[0]).toEqual(alone.evaluations[0]);
    expect(after.evaluations[1]!.matching!.runId).not.toBe(alone.evaluations[0]!.matching!.runId);
    // Only an award holds capacity: A's recommendation on r1 (an earlier run) does not, so A is free for r2.
    expect(after.evaluations[1]!.recommended).toBe(s.requests[1]!.bidOf.get(s.a.id));
  });

  it(
    "serves the run with its certificate to the cluster's " + 'admins, and the matching note with the evaluation',
    async () => {
      const s = await scenario(t);
      await worker(t).deliver(s.events);
      const { runs } = await stateOf(t, s);
      const admin = await tokenOf(t, demoActor('ludhiana-cda'));
      const res = await t.call('GET', `/api/clusters/${LUDHIANA}/matching-runs/${runs[0]!.runId}`, { token: admin });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        runId: runs[0]!.runId,
        objective: s.bruteForce,
        certificateCheck: { ok: true },
        certificate: { bound: s.bruteForce },
      });
      expect(
        (
          await t.call('GET', `/api/clusters/${LUDHIANA}/matching-runs/run_01M8GM41AC82MR5Y8JDZXXR1CJ`, {
            token: admin,
          })
        ).body.code,
      ).toBe('MATCHING_RUN.NOT_FOUND');
      const rep = await tokenOf(t, KNIDGRO_REP);
      expect(
        (await t.call('GET', `/api/clusters/${LUDHIANA}/matching-runs/${runs[0]!.runId}`, { token: rep })).status,
      ).toBe(403);
      const evaluation = await t.call(
        'GET',
        `/api/clusters/${LUDHIANA}/requests/${s.requests[0]!.request.id}/evaluation`,
        { token: rep },
      );
      expect(evaluation.body).toMatchObject({
        recommended: { bidId: s.requests[0]!.bidOf.get(s.b.id) },
        matching: { runId: runs[0]!.runId, capacityAdjusted: true },
      });
    },
  );
});
