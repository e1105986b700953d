import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '@bds/core';
import type { AnyRoute } from '../../../functions/api/route';
import { allRoutes } from '../../../functions/api/routes';
import type { TestApp } from '../support/test-app';
import {
  badBody,
  badCursor,
  badId,
  badQuery,
  malformedJson,
  rawPathSegment,
  wrongContentType,
  type BadCase,
} from './fuzz-arbitraries';
import {
  demoActor,
  KNIDGRO,
  LUDHIANA,
  marketApp,
  newBid,
  newRequest,
  openRequestVia,
  providerActor,
  registerFirmVia,
  tokenOf,
} from './support';

const TOTAL_RUNS = 1_200;
const runsPerRoute = Math.max(20, Math.ceil(TOTAL_RUNS / allRoutes.length));
// Every list pages through adapters/dynamo/page.ts: a forged cursor inside the right partition is a 422 too.
const PARTITION_ONLY_CURSORS = new Set<string>();

const ACTORS: Record<Role, Actor> = {
  association_rep: demoActor('knidgro'),
  provider: providerActor('itTraining'),
  cluster_admin: demoActor('ludhiana-cda'),
  state_admin: demoActor('punjab'),
  national_admin: demoActor('nac'),
  funder: demoActor('sidbi'),
};
/** Someone the route lets in, so that the bad input, not the role check, is what gets answered. */
const actorFor = (route: AnyRoute): Actor | undefined =>
  route.access === 'public'
    ? undefined
    : route.access === 'signed-in'
      ? ACTORS.association_rep
      : ACTORS[route.access[0] as Role];

describe('bad input on every route: never a 5xx, always problem+json, and the field named for a bad body', () => {
  let t: TestApp;
  let sent = 0;
  const tokens = new Map<string, string>();
  let values: Record<string, string> = {};
  const validBodies = (now: number): Record<string, Record<string, unknown>> => ({
    postRequest: { ...newRequest(now) },
    registerFirm: { name: 'Fuzz Knits', employees: 9, mechanised: true, womenLed: false },
    importFirms: { csv: 'name,employees,mechanised,women_led\nFuzz,3,no,no\n' },
    pledgeFirm: { firmId: values.firmId },
    submitBid: { ...newBid(5_000) },
    reviseBid: { ...newBid(5_000) },
    awardRequest: { bidId: `bid_${'1'.repeat(26)}` },
    ...Object.fromEntries(
      ['previewSplitAward', 'awardSplit'].map((op) => [
        op,
        {
          parts: [
            { bidId: `bid_${'1'.repeat(26)}`, firms: 2 },
            { bidId: `bid_${'2'.repeat(26)}`, firms: 3 },
          ],
          reason: 'Our own split: the second provider trains in Punjabi.',
        },
      ]),
    ),
    cancelRequest: { reason: 'A long enough reason to cancel this request' },
    moveRequestDeadline: { biddingDeadline: new Date(now + 3 * 3_600_000).toISOString() },
    signIn: { email: 'someone@example.org', password: 'x' },
    signUpProvider: {
      name: 'Fuzz Testing Lab',
      city: 'Surat',
      categories: ['testing'],
      contactName: 'Fuzz Tester',
      email: 'fuzz@providers.example',
      password: 'a long enough passphrase',
    },
    confirmProviderSignUp: { token: 'a'.repeat(43) },
    readAttendanceLink: { token: 'a'.repeat(43) },
    answerAttendance: { token: 'a'.repeat(43), attended: true },
    answerAttendanceOnBehalf: { code: 'K7P3QX', attended: false },
    fileComplaint: { reason: 'The ranking misread the tier table of our bid.', evidence: 'Bid form, page 2.' },
    decideComplaint: { outcome: 'dismissed', reason: 'The tier table was read as the provider wrote it.' },
    acceptMilestoneInFull: { reason: 'The firm signed the paper register on both days.' },
    reviewScreenFlag: { note: 'Both institutes share a director; referred to the state agency.' },
    rateMilestone: { stars: 4, comment: 'The stall was ready on time.' },
    answerRating: { text: 'Thank you; we will keep the same team.' },
  });

  beforeAll(async () => {
    t = await marketApp();
    for (const actor of Object.values(ACTORS)) tokens.set(actor.userId, await tokenOf(t, actor));
    const lead = tokens.get(ACTORS.association_rep.userId)!;
    const requestId = await openRequestVia(t, lead, LUDHIANA, newRequest(Date.now()));
    const firmId = await registerFirmVia(t, lead, LUDHIANA, KNIDGRO, 'Fuzz Target Knits');
    values = { clusterId: LUDHIANA, requestId, associationId: KNIDGRO, firmId, flagId: 'scr_0123456789abcdef' };
  });
  afterAll(() => t.stop());

  async function send(route: AnyRoute, c: BadCase) {
    const path = route.path.replace(
      /:([A-Za-z]+)/g,
      (_, name: string) => c.rawParams?.[name] ?? encodeURIComponent(c.params[name] ?? values[name] ?? 'abc_1'),
    );
    const query = new URLSearchParams(c.query).toString();
    const actor = actorFor(route);
    const res = await t.app.request(`${path}${query ? `?${query}` : ''}`, {
      method: route.method.toUpperCase(),
      headers: {
        ...(actor ? { authorization: `Bearer ${tokens.get(actor.userId)}` } : {}),
        ...(c.body ? { 'content-type': c.body.type } : {}),
      },
      ...(c.body && route.method !== 'get' ? { body: c.body.text } : {}),
    });
    sent++;
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    // A call the route accepts may answer CSV (an export ignores a query it does not read): only JSON is parsed.
    return {
      status: res.status,
      type,
      body: text && type.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  }

  function cases(route: AnyRoute): fc.Arbitrary<BadCase> {
    const valid = validBodies(Date.now())[route.operationId] ?? {};
    const hasBody = route.body !== undefined || route.operationId === 'importFirms';
    const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
    const partition = { attribute: 'PK', value: `CLUSTER#${LUDHIANA}` };
    const cursor = badCursor(partition, !PARTITION_ONLY_CURSORS.has(route.operationId));
    const json = (text: string) => ({ text, type: 'application/json' });
    const kinds: fc.Arbitrary<BadCase>[] = [
      badQuery(cursor).map((query) => ({ kind: 'query', params: {}, query })),
      badBody(valid).map((b) => ({ kind: 'body', params: {}, query: {}, body: json(JSON.stringify(b)) })),
    ];
    if (names.length > 0) {
      kinds.push(
        fc.tuple(fc.constantFrom(...names), badId).map(([n, v]) => ({ kind: 'path', params: { [n]: v }, query: {} })),
      );
      kinds.push(
        fc
          .tuple(fc.constantFrom(...names), rawPathSegment)
          .map(([n, v]) => ({ kind: 'path', params: {}, rawParams: { [n]: v }, query: {} })),
      );
    }
    if (hasBody) {
      kinds.push(malformedJson(valid).map((text) => ({ kind: 'json', params: {}, query: {}, body: json(text) })));
      kinds.push(
        wrongContentType.map((type) => ({
          kind: 'content-type',
          params: {},
          query: {},
          body: { text: JSON.stringify(valid), type },
        })),
      );
    }
    return fc.oneof(...kinds);
  }

  it.each(allRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (_, route) => {
    await fc.assert(
      fc.asyncProperty(cases(route), async (c) => {
        const res = await send(route, c);
        const where = `${route.operationId} ${c.kind} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status < 400) return;
        expect(res.type, where).toContain('application/problem+json');
        expect(res.body, where).toMatchObject({ status: res.status, title: expect.any(String) });
        const bodyAtFault = c.kind === 'body' || c.kind === 'json' || c.kind === 'content-type';
        const hasBody = route.body !== undefined || route.operationId === 'importFirms';
        if (bodyAtFault && hasBody && (res.status === 400 || res.status === 422)) {
          const errors = res.body?.errors as { field?: string }[] | undefined;
          expect(errors?.length, where).toBeGreaterThan(0);
          for (const e of errors ?? []) expect(e.field, where).toMatch(/\S/);
        }
      }),
      { numRuns: runsPerRoute },
    );
  });

  it(`sent at least ${TOTAL_RUNS} bad calls across ${allRoutes.length} routes`, () => {
    expect(sent).toBeGreaterThanOrEqual(TOTAL_RUNS);
  });
});
