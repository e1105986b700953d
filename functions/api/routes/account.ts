import * as z from 'zod';
import { AuditEntry, DomainError, assertMayManageUser, notFound, securityEvent, SECURITY_TRAIL } from '@bds/core';
import { route } from '../route';
import { hashSecret, newSecret } from '../auth/secrets';
import { passwordResetMail } from '../auth/mail';
import { SessionBody, issueSession } from '../auth/session';
import { endAccessTokens, forgetStanding } from '../security/session-check';
import { IdParam, Paging, pageOf } from './common';
import { Reason } from './guards';
import { isCancelled } from '../../adapters/dynamo/transact';

/** A password policy that favours length (NIST 800-63B): at least 12 characters. */
const Password = z.string().min(12, 'Use at least 12 characters').max(200);
const RESET_MINUTES = 60;
const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  userAgent: z.string().optional(),
  current: z.boolean(),
});

export const listMySessions = route({
  method: 'get',
  path: '/api/me/sessions',
  operationId: 'listMySessions',
  summary: "The signed-in user's active sessions (one per sign-in), newest first",
  tags: ['auth'],
  access: 'signed-in',
  responses: { 200: { description: 'Sessions', schema: z.object({ items: z.array(SessionInfo) }) } },
  handler: async ({ actor, deps, hono }) => {
    const current = hono.get('sessionId') as string | undefined;
    const families = await deps.stores.sessions.listForUser(actor.userId);
    const items = families.map((f) => ({
      id: f.id,
      createdAt: f.createdAt,
      lastUsedAt: f.lastUsedAt,
      ...(f.userAgent ? { userAgent: f.userAgent } : {}),
      current: f.id === current,
    }));
    return { status: 200, body: { items } };
  },
});

export const revokeMySession = route({
  method: 'delete',
  path: '/api/me/sessions/:sessionId',
  operationId: 'revokeMySession',
  summary: 'End one of your sessions (another device): its refresh token stops working, access tokens at once',
  tags: ['auth'],
  access: 'signed-in',
  params: z.object({ sessionId: IdParam }),
  responses: { 204: { description: 'The session has ended' } },
  handler: async ({ params, actor, deps }) => {
    const family = await deps.stores.sessions.family(params.sessionId);
    if (!family || family.userId !== actor.userId) throw notFound('SESSION.NOT_FOUND', 'No such session.');
    await deps.stores.sessions.endFamily(family.id);
    await endAccessTokens(deps, actor.userId);
    return { status: 204 };
  },
});

export const changePassword = route({
  method: 'post',
  path: '/api/me/password',
  operationId: 'changePassword',
  summary: 'Change your password: every session ends, and a new one starts for this device',
  tags: ['auth'],
  access: 'signed-in',
  body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password }),
  responses: { 200: { description: 'A new session', schema: SessionBody } },
  handler: async ({ body, actor, deps, hono }) => {
    const user = await deps.stores.users.byId(actor.userId);
    if (!user) throw notFound('USER.NOT_FOUND', 'Your account no longer exists.');
    if (!(await deps.passwords.verify(body.currentPassword, user.passwordHash))) {
      throw new DomainError('AUTH.BAD_CREDENTIALS', 'invalid', 'The current password is wrong.', 'currentPassword');
    }
    const event = securityEvent('auth.password_change', { id: user.id, role: user.role }, user.id, {}, deps);
    await deps.stores.users.setPassword(user, await deps.passwords.hash(body.newPassword), event);
    await deps.stores.sessions.endAllForUser(user.id);
    forgetStanding(deps, user.id);
    return { status: 200, body: await issueSession(deps, user, { userAgent: hono.req.header('user-agent') ?? '' }) };
  },
});

export const requestPasswordReset = route({
  method: 'post',
  path: '/api/auth/password-reset',
  operationId: 'requestPasswordReset',
  summary: 'Mail a single-use password-reset link; the answer is the same whether or not the email has an account',
  tags: ['auth'],
  access: 'public',
  body: z.object({ email: z.email().max(254) }),
  responses: {
    202: { description: 'If the email has an account, a link is on its way', schema: z.object({ detail: z.string() }) },
  },
  handler: async ({ body, deps }) => {
    const user = await deps.stores.users.byEmail(body.email);
    if (user && !user.disabled) {
      const token = newSecret();
      const now = deps.clock.now();
      const expiresAt = Math.floor(now / 1000) + RESET_MINUTES * 60;
      await deps.stores.passwordResets.create(hashSecret(token), {
        userEmail: user.email,
        createdAt: new Date(now).toISOString(),
        expiresAt,
      });
      await deps.mail.send(passwordResetMail(user.email, token, deps.portalUrl, RESET_MINUTES));
    }
    return {
      status: 202,
      body: { detail: 'If this email has an account, a link to choose a new password is on its way.' },
    };
  },
});

export const confirmPasswordReset = route({
  method: 'post',
  path: '/api/auth/password-reset/confirm',
  operationId: 'confirmPasswordReset',
  summary: 'Choose a new password with a reset link (works once, before it expires); every session ends',
  tags: ['auth'],
  access: 'public',
  body: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a reset token'), password: Password }),
  responses: { 204: { description: 'The password is changed; sign in with it' } },
  handler: async ({ body, deps }) => {
    const invalidLink = () =>
      new DomainError(
        'AUTH.RESET_INVALID',
        'invalid',
        'This reset link is not valid or has expired; ask for a new one.',
        'token',
      );
    const hash = hashSecret(body.token);
    const now = deps.clock.now();
    const reset = await deps.stores.passwordResets.get(hash);
    if (!reset || reset.expiresAt * 1000 <= now) throw invalidLink();
    const user = await deps.stores.users.byEmail(reset.userEmail);
    if (!user || user.disabled) throw invalidLink();
    const event = securityEvent('auth.password_reset', { id: user.id, role: user.role }, user.id, {}, deps);
    try {
      await deps.stores.users.setPassword(user, await deps.passwords.hash(body.password), event, [
        deps.stores.passwordResets.consume(hash, Math.floor(now / 1000)),
      ]);
    } catch (error) {
      if (isCancelled(error)) throw invalidLink();
      throw error;
    }
    await deps.stores.sessions.endAllForUser(user.id);
    forgetStanding(deps, user.id);
    return { status: 204 };
  },
});

export const setUserStatus = route({
  method: 'post',
  path: '/api/users/:userId/status',
  operationId: 'setUserStatus',
  summary: 'Disable or re-enable a user within your scope; a disabled user is signed out everywhere at once',
  tags: ['auth'],
  access: ['national_admin', 'state_admin', 'cluster_admin'],
  params: z.object({ userId: IdParam }),
  body: z.object({ disabled: z.boolean(), reason: Reason }),
  responses: { 200: { description: 'The standing', schema: z.object({ id: z.string(), disabled: z.boolean() }) } },
  handler: async ({ params, body, actor, deps }) => {
    const user = await deps.stores.users.byId(params.userId);
    if (!user) throw notFound('USER.NOT_FOUND', 'No such user.');
    assertMayManageUser(actor, user);
    const event = securityEvent(
      body.disabled ? 'user.disable' : 'user.enable',
      { id: actor.userId, role: actor.role },
      user.id,
      { before: { disabled: user.disabled }, after: { disabled: body.disabled }, reason: body.reason },
      deps,
    );
    // The cluster's own trail shows it too, so its admins see who was disabled in their cluster.
    const trails = [
      event,
      ...user.clusterIds.slice(0, 1).map((clusterId) => ({ ...event, id: deps.ids.next('audit'), clusterId })),
    ];
    await deps.stores.users.setDisabled(user, body.disabled, trails);
    forgetStanding(deps, user.id);
    if (body.disabled) await deps.stores.sessions.endAllForUser(user.id);
    return { status: 200, body: { id: user.id, disabled: body.disabled } };
  },
});

export const listSecurityEvents = route({
  method: 'get',
  path: '/api/security-events',
  operationId: 'listSecurityEvents',
  summary: 'Security events, newest first: lockouts, refresh-token reuse, password resets and changes, disables',
  tags: ['auth'],
  access: ['national_admin'],
  query: Paging,
  responses: { 200: { description: 'A page of security events', schema: pageOf(AuditEntry) } },
  handler: async ({ query, deps }) => ({ status: 200, body: await deps.stores.audit.list(SECURITY_TRAIL, query) }),
});
