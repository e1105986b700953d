import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, importJWK } from 'jose';
import { Role, type Actor } from '@bds/core';
import { allRoutes } from '../../../functions/api/routes';
import { createTokenService } from '../../../functions/api/auth/tokens';
import { generateSigningJwk } from '../../../functions/adapters/secrets/signing-jwk';
import type { AnyRoute } from '../../../functions/api/route';
import { CLUSTERS } from '../../../functions/local/seed/data';
import { testApp, type TestApp } from '../support/test-app';

// Generated from the route table: every route × every role × own/foreign cluster, and every
// kind of bad token. A new route is covered the day it is added.
const OWN = CLUSTERS.ludhiana.id;
const FOREIGN = CLUSTERS.jaipur.id;
const PREFIX: Record<string, string> = {
  requestId: 'req',
  providerId: 'prv',
  bidId: 'bid',
  firmId: 'frm',
  associationId: 'asc',
  userId: 'usr',
  programmeId: 'prg',
  milestoneId: 'mil',
  notificationId: 'ntf',
  runId: 'run',
  complaintId: 'cmp',
  raterId: 'asc',
};
/** Path parameters that are not prefixed ULIDs. */
const LITERAL: Record<string, string> = { flagId: 'scr_0123456789abcdef' };

function pathFor(route: AnyRoute, clusterId: string): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
    // Well-formed values: path parameters are validated before the tenant guard, and this test is about the guard.
    name === 'clusterId'
      ? clusterId
      : name === 'token'
        ? 'a'.repeat(43)
        : name === 'index'
          ? '0'
          : (LITERAL[name] ?? `${PREFIX[name] ?? 'xxx'}_01M8GM41AC82MR5Y8JDZXXR1CJ`),
  );
}

/**
 * Who may call without signing in, pinned as literal data (not read from the routes): a route that
 * becomes public fails this file until the list changes too.
 */
const PUBLIC_ROUTES = [
  'health',
  'jwks',
  'signIn',
  'refreshSession',
  'signOut',
  'listDemoAccounts',
  'requestPasswordReset',
  'confirmPasswordReset',
  'previewInvitation',
  'acceptInvitation',
  'readOutbox',
  'signUpProvider',
  'confirmProviderSignUp',
  'listClusters',
  'getCluster',
  'listCategories',
  'getIndicators',
  'getMonthlyIndicators',
  'getIndicatorsTable',
  'getFunder',
  'listOpenContractingReleases',
  'downloadOpenContractingReleases',
  // Issue 13: the screens' counts per cluster (no provider, request or price).
  'listOpenDataScreenCounts',
  // Issue 12: a firm answers "Did you attend?" through its mailed link; the link is the credential.
  'readAttendanceLink',
  'answerAttendance',
];

const actorFor = (role: Role): Actor => ({
  userId: 'usr_matrix',
  role,
  organisationId: 'asc_matrix',
  clusterIds: role === 'national_admin' ? [] : [OWN],
  ...(role === 'state_admin' ? { state: CLUSTERS.ludhiana.state } : {}),
});

describe('authorization matrix', () => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const badTokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await testApp();
    for (const role of Role.options) tokens.set(role, (await t.deps.tokens.issue(actorFor(role))).token);
    const good = tokens.get('cluster_admin')!;
    const [h, p, s] = good.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'national_admin' })).toString('base64url');
    badTokens.tampered = `${h}.${forged}.${s}`;
    badTokens.algNone = new UnsecuredJWT({ ...claims }).encode();
    const past = await createTokenService({
      privateJwk: t.signingJwk,
      issuer: 'bds-exchange',
      now: () => Date.now() - 3_600_000,
    });
    badTokens.expired = (await past.issue(actorFor('national_admin'))).token;
    const key = await importJWK(t.signingJwk, 'ES256');
    const sign = (kid: string, aud: string) =>
      new SignJWT({ role: 'national_admin', org: 'x', clu: [] })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject('usr_x')
        .setIssuer('bds-exchange')
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    badTokens.wrongAudience = await sign('test', 'another-api');
    badTokens.unknownKid = await sign('rotated-away', 'bds-exchange-api');
    const stranger = await createTokenService({ privateJwk: await generateSigningJwk('test'), issuer: 'bds-exchange' });
    badTokens.foreignKey = (await stranger.issue(actorFor('national_admin'))).token;
  });
  afterAll(() => t.stop());

  const send = (route: AnyRoute, clusterId: string, token?: string) =>
    t.call(route.method.toUpperCase(), pathFor(route, clusterId), {
      ...(token ? { token } : {}),
      ...(route.method === 'get' ? {} : { body: {} }),
    });

  it('opens only the pinned routes to callers without a token', () => {
    // Act
    const open = allRoutes.filter((r) => r.access === 'public').map((r) => r.operationId);

    // Assess
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('sign-up: anyone may ask and follow a link, and the answers do not depend on who asks', async () => {
    // Prepare
    const form = {
      name: 'Matrix Testing Lab',
      city: 'Surat',
      categories: ['testing'],
      contactName: 'Matrix Tester',
      email: 'matrix@providers.example',
      password: 'a long enough passphrase',
    };
    const forged = { token: 'a'.repeat(43) };

    // Act
    const asked = await t.call('POST', '/api/providers', { body: form });
    const askedSignedIn = await t.call('POST', '/api/providers', { body: form, token: tokens.get('funder') });
    const followed = await t.call('POST', '/api/providers/sign-up/confirm', { body: forged });
    const followedSignedIn = await t.call('POST', '/api/providers/sign-up/confirm', {
      body: forged,
      token: tokens.get('national_admin'),
    });

    // Assess: the ask is accepted for any caller; a forged link is refused for any caller
    for (const res of [asked, askedSignedIn]) expect(res).toMatchObject({ status: 202, body: asked.body });
    for (const res of [followed, followedSignedIn])
      expect(res).toMatchObject({ status: 422, body: { code: 'SIGNUP.LINK_INVALID' } });
  });

  it("firms' confirmation links: anyone may follow one, a forged one is refused alike for every caller", async () => {
    // Prepare
    const forged = { token: 'a'.repeat(43) };
    // Act
    const answers = [];
    for (const token of [undefined, tokens.get('provider'), tokens.get('national_admin')]) {
      answers.push(await t.call('POST', '/api/attendance/view', { body: forged, ...(token ? { token } : {}) }));
      answers.push(
        await t.call('POST', '/api/attendance/answer', {
          body: { ...forged, attended: true },
          ...(token ? { token } : {}),
        }),
      );
    }
    // Assess
    for (const res of answers) expect(res).toMatchObject({ status: 422, body: { code: 'ATTENDANCE.LINK_INVALID' } });
  });

  it('ratings (issue 12): who may call each rating route, pinned as literal data', () => {
    // A provider never rates (it cannot rate itself) and answers only; a funder neither reads nor rates.
    const expected: Record<string, readonly string[]> = {
      rateMilestone: ['association_rep'],
      answerRating: ['provider'],
      listRequestRatings: ['association_rep', 'provider', 'cluster_admin', 'state_admin', 'national_admin'],
      listProviderRatings: ['association_rep', 'provider', 'cluster_admin', 'state_admin', 'national_admin'],
    };
    const actual = Object.fromEntries(
      allRoutes.filter((r) => r.operationId in expected).map((r) => [r.operationId, r.access]),
    );
    expect(actual).toEqual(expected);
  });

  it.each(allRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const hasCluster = route.path.includes(':clusterId');
    const failures: string[] = [];
    const check = (label: string, ok: boolean, res: { status: number; body: unknown }) => {
      if (!ok || res.status >= 500) failures.push(`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    };

    const anonymous = await send(route, OWN);
    check(
      'no token',
      route.access === 'public' ? anonymous.status !== 401 && anonymous.status !== 403 : anonymous.status === 401,
      anonymous,
    );
    for (const [label, token] of Object.entries(badTokens)) {
      const res = await send(route, OWN, token);
      check(label, res.status === 401, res);
    }
    for (const role of Role.options) {
      const allowed = route.access === 'public' || route.access === 'signed-in' || route.access.includes(role);
      const own = await send(route, OWN, tokens.get(role));
      const ownCode = (own.body as { code?: string } | undefined)?.code;
      // Resource rules may still say 403 (another association's register); the role gate says AUTH.ROLE_NOT_ALLOWED.
      check(
        `${role} own cluster`,
        allowed
          ? own.status !== 401 && ownCode !== 'AUTH.ROLE_NOT_ALLOWED' && ownCode !== 'CLUSTER.NOT_FOUND'
          : ownCode === 'AUTH.ROLE_NOT_ALLOWED',
        own,
      );
      if (!hasCluster || route.access === 'public') continue;
      const foreign = await send(route, FOREIGN, tokens.get(role));
      const code = (foreign.body as { code?: string } | undefined)?.code;
      const expected = !allowed ? 'AUTH.ROLE_NOT_ALLOWED' : role === 'national_admin' ? undefined : 'CLUSTER.NOT_FOUND';
      check(
        `${role} foreign cluster`,
        expected === undefined ? foreign.status !== 401 : code === expected && foreign.status >= 400,
        foreign,
      );
    }
    expect(failures).toEqual([]);
  });
});
