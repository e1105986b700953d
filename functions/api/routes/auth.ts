import * as z from 'zod';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, DomainError, securityEvent, throttle, windowStart } from '@bds/core';
import { route } from '../route';
import { PublicUser, SessionBody, endSession, issueSession, refreshSession } from '../auth/session';

const SignIn = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });
const Refresh = z.object({ refreshToken: z.string().min(20).max(200) });
const DemoAccounts = z.object({
  items: z.array(
    z.object({
      role: z.string(),
      email: z.string(),
      password: z.string(),
      name: z.string(),
      organisationName: z.string(),
    }),
  ),
});

// One message for unknown email and wrong password: sign-in must not reveal who has an account.
const badCredentials = () => new DomainError('AUTH.BAD_CREDENTIALS', 'unauthenticated', 'Email or password is wrong.');
// Verifying against a fixed hash when the email is unknown keeps the timing the same.

/** The caller's address: API Gateway's source IP in Lambda, the socket's peer locally. */
function clientAddress(env: unknown): string {
  const e = env as
    | { requestContext?: { http?: { sourceIp?: string } }; incoming?: { socket?: { remoteAddress?: string } } }
    | undefined;
  return e?.requestContext?.http?.sourceIp ?? e?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export const signIn = route({
  method: 'post',
  path: '/api/auth/sign-in',
  operationId: 'signIn',
  summary:
    'Sign in with email and password; returns an access token and a refresh token. ' +
    'Failed attempts are throttled per account and per address (429 with Retry-After).',
  tags: ['auth'],
  access: 'public',
  body: SignIn,
  responses: { 200: { description: 'Signed in', schema: SessionBody } },
  handler: async ({ body, deps, log, hono }) => {
    const now = deps.clock.now();
    const subjects = [
      {
        subject: `acct#${body.email.toLowerCase()}`,
        windowStart: windowStart(now, ACCOUNT_THROTTLE),
        policy: ACCOUNT_THROTTLE,
      },
      {
        subject: `addr#${clientAddress(hono.env)}`,
        windowStart: windowStart(now, ADDRESS_THROTTLE),
        policy: ADDRESS_THROTTLE,
      },
    ];
    const [user, failures] = await Promise.all([
      deps.stores.users.byEmail(body.email),
      deps.stores.throttle.failures(subjects),
    ]);
    for (const [i, s] of subjects.entries()) {
      const decision = throttle({ failures: failures[i] ?? 0, windowStart: s.windowStart }, now, s.policy);
      if (!decision.allowed) {
        hono.header('retry-after', String(decision.retryAfterSeconds));
        throw new DomainError(
          'AUTH.TOO_MANY_ATTEMPTS',
          'too_many',
          `Too many failed sign-ins; try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
        );
      }
    }
    const ok = await deps.passwords.verify(body.password, user?.passwordHash ?? deps.passwords.dummyHash);
    if (!user || !ok || user.disabled) {
      log.info('sign-in refused', { email: body.email });
      await Promise.all(
        subjects.map((s) =>
          deps.stores.throttle.recordFailure(
            s.subject,
            s.windowStart,
            Math.floor((s.windowStart + s.policy.windowMs) / 1000) + 60,
          ),
        ),
      );
      // The failure that reaches a limit is a lockout: a security event in the audit trail.
      const lockedOut = subjects.filter((s, i) => (failures[i] ?? 0) + 1 === s.policy.maxFailures);
      for (const s of lockedOut) {
        const event = securityEvent(
          'auth.lockout',
          { id: user?.id ?? 'anonymous', role: user?.role ?? 'anonymous' },
          s.subject,
          { reason: `${s.policy.maxFailures} failed sign-ins within ${s.policy.windowMs / 60_000} minutes` },
          deps,
        );
        await deps.stores.audit.append(event);
      }
      throw badCredentials();
    }
    return { status: 200, body: await issueSession(deps, user, { userAgent: hono.req.header('user-agent') ?? '' }) };
  },
});

export const refresh = route({
  method: 'post',
  path: '/api/auth/refresh',
  operationId: 'refreshSession',
  summary: 'Exchange a refresh token for a new access token and a new refresh token (the old one stops working)',
  tags: ['auth'],
  access: 'public',
  body: Refresh,
  responses: { 200: { description: 'A new session', schema: SessionBody } },
  handler: async ({ body, deps }) => ({ status: 200, body: await refreshSession(deps, body.refreshToken) }),
});

export const signOut = route({
  method: 'post',
  path: '/api/auth/sign-out',
  operationId: 'signOut',
  summary: "End a session: its refresh token stops working, and so do the account's access tokens at once",
  tags: ['auth'],
  access: 'public',
  body: Refresh,
  responses: { 204: { description: 'Signed out' } },
  handler: async ({ body, deps }) => {
    await endSession(deps, body.refreshToken);
    return { status: 204 };
  },
});

export const me = route({
  method: 'get',
  path: '/api/me',
  operationId: 'me',
  summary: 'The signed-in user',
  tags: ['auth'],
  access: 'signed-in',
  responses: { 200: { description: 'The user', schema: PublicUser } },
  handler: async ({ actor, deps }) => {
    const user = await deps.stores.users.byId(actor.userId);
    if (!user) throw new DomainError('USER.NOT_FOUND', 'not_found', 'Your account no longer exists.');
    const { passwordHash: _p, disabled: _d, ...profile } = user;
    return { status: 200, body: profile };
  },
});

export const demoAccounts = route({
  method: 'get',
  path: '/api/demo-accounts',
  operationId: 'listDemoAccounts',
  summary: 'Demo sign-ins for every role (local stack only)',
  tags: ['auth'],
  access: 'public',
  localOnly: true,
  responses: { 200: { description: 'Demo accounts', schema: DemoAccounts } },
  handler: async ({ deps }) => {
    if (!deps.demoAccounts)
      throw new DomainError('DEMO.DISABLED', 'not_found', 'Demo accounts exist only on a local stack.');
    return { status: 200, body: { items: deps.demoAccounts } };
  },
});

export const jwks = route({
  method: 'get',
  path: '/.well-known/jwks.json',
  operationId: 'jwks',
  summary: 'Public keys that verify access tokens',
  tags: ['auth'],
  access: 'public',
  responses: {
    200: { description: 'JSON Web Key Set', schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) },
  },
  handler: async ({ deps }) => ({ status: 200, body: await deps.tokens.jwks() }),
});
