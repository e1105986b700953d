import { z } from 'zod';
import { DomainError } from '@bds/core';
import { route } from '../route';
import { verifyPassword } from '../auth/passwords';

const SignIn = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });
const User = z.object({
  id: z.string(), email: z.string(), name: z.string(), role: z.string(),
  organisationId: z.string(), organisationName: z.string(), clusterIds: z.array(z.string()),
});
const Session = z.object({ accessToken: z.string(), expiresAt: z.iso.datetime(), user: User });
const DemoAccounts = z.object({ items: z.array(z.object({ role: z.string(), email: z.string(), password: z.string(), name: z.string(), organisationName: z.string() })) });

// One message for unknown email and wrong password: sign-in must not reveal who has an account.
const badCredentials = () => new DomainError('AUTH.BAD_CREDENTIALS', 'unauthenticated', 'Email or password is wrong.');
// Verifying against a fixed hash when the email is unknown keeps the timing the same.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const signIn = route({
  method: 'post',
  path: '/api/auth/sign-in',
  operationId: 'signIn',
  summary: 'Sign in with email and password; returns an access token',
  tags: ['auth'],
  access: 'public',
  body: SignIn,
  responses: { 200: { description: 'Signed in', schema: Session } },
  handler: async ({ body, deps, log }) => {
    const user = await deps.stores.users.byEmail(body.email);
    const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      log.info('sign-in refused', { email: body.email });
      throw badCredentials();
    }
    const { token, expiresAt } = await deps.tokens.issue({
      userId: user.id, role: user.role, organisationId: user.organisationId, clusterIds: user.clusterIds, ...(user.state ? { state: user.state } : {}),
    });
    const { passwordHash: _h, disabled: _d, state: _s, ...profile } = user;
    return { status: 200, body: { accessToken: token, expiresAt, user: profile } };
  },
});

export const demoAccounts = route({
  method: 'get',
  path: '/api/demo-accounts',
  operationId: 'listDemoAccounts',
  summary: 'Demo sign-ins for every role (local stack only)',
  tags: ['auth'],
  access: 'public',
  responses: { 200: { description: 'Demo accounts', schema: DemoAccounts } },
  handler: async ({ deps }) => {
    if (!deps.demoAccounts) throw new DomainError('DEMO.DISABLED', 'not_found', 'Demo accounts exist only on a local stack.');
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
  responses: { 200: { description: 'JSON Web Key Set', schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) } },
  handler: async ({ deps }) => ({ status: 200, body: await deps.tokens.jwks() }),
});
