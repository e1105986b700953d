import * as z from 'zod';
import { DomainError, Role, securityEvent, type Actor } from '@bds/core';
import type { StoredUser } from '../../adapters/dynamo/users';
import type { Deps } from '../deps';
import { hashSecret, newSecret } from './secrets';
import { endAccessTokens } from '../security/session-check';

export const REFRESH_TTL_SECONDS = 14 * 24 * 60 * 60;

export const PublicUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  organisationId: z.string(),
  organisationName: z.string(),
  clusterIds: z.array(z.string()),
  /** A state admin's state: the portal links to the clusters it may open (core's `opensCluster`). */
  state: z.string().optional(),
});
export const SessionBody = z.object({
  accessToken: z.string(),
  expiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  user: PublicUser,
});
export type SessionBody = z.infer<typeof SessionBody>;

export const actorOf = (user: StoredUser): Actor => ({
  userId: user.id,
  role: user.role,
  organisationId: user.organisationId,
  clusterIds: user.clusterIds,
  ...(user.state ? { state: user.state } : {}),
});

const publicUser = (user: StoredUser) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  organisationId: user.organisationId,
  organisationName: user.organisationName,
  clusterIds: user.clusterIds,
  ...(user.state ? { state: user.state } : {}),
});

const ended = () =>
  new DomainError('AUTH.SESSION_EXPIRED', 'unauthenticated', 'Your session has ended; sign in again.');

/** An access token under the account's current session version, and a fresh refresh token. */
async function mint(deps: Deps, user: StoredUser, familyId: string) {
  const { sessionVersion } = await deps.stores.users.standing(user.id);
  const { token, expiresAt } = await deps.tokens.issue(actorOf(user), { version: sessionVersion, id: familyId });
  const now = deps.clock.now();
  const refreshToken = newSecret();
  const session = {
    userEmail: user.email,
    userId: user.id,
    familyId,
    createdAt: new Date(now).toISOString(),
    expiresAt: Math.floor(now / 1000) + REFRESH_TTL_SECONDS,
  };
  return { token, expiresAt, refreshToken, session };
}

/**
 * Starts a session (a sign-in): a short-lived access token and the first refresh token of a new
 * family.
 */
export async function issueSession(
  deps: Deps,
  user: StoredUser,
  opts: { userAgent?: string } = {},
): Promise<SessionBody> {
  if (user.disabled) throw new DomainError('AUTH.USER_DISABLED', 'unauthenticated', 'This account is disabled.');
  const familyId = deps.ids.next('session');
  const { token, expiresAt, refreshToken, session } = await mint(deps, user, familyId);
  await deps.stores.sessions.start(hashSecret(refreshToken), session, {
    id: familyId,
    userId: user.id,
    userEmail: user.email,
    currentHash: hashSecret(refreshToken),
    createdAt: session.createdAt,
    lastUsedAt: session.createdAt,
    expiresAt: session.expiresAt,
    ...(opts.userAgent ? { userAgent: opts.userAgent.slice(0, 200) } : {}),
  });
  return { accessToken: token, expiresAt, refreshToken, user: publicUser(user) };
}

/**
 * Exchanges a refresh token for a new session. A token that its family has already rotated past
 * is a replay — someone holds a copy — so the whole family ends, every access token of the account
 * stops working, and the event goes to the security audit trail.
 */
export async function refreshSession(deps: Deps, refreshToken: string): Promise<SessionBody> {
  const hash = hashSecret(refreshToken);
  const session = await deps.stores.sessions.get(hash);
  if (!session?.familyId || session.expiresAt * 1000 <= deps.clock.now()) throw ended();
  const family = await deps.stores.sessions.family(session.familyId);
  if (!family) throw ended();
  if (family.currentHash !== hash) {
    await deps.stores.sessions.endFamily(family.id);
    await endAccessTokens(deps, family.userId);
    const event = securityEvent(
      'auth.refresh_reuse',
      { id: family.userId, role: 'user' },
      family.userId,
      { reason: `A rotated-out refresh token of session ${family.id} was presented again; the session was ended.` },
      deps,
    );
    await deps.stores.audit.append(event);
    deps.log.warn('refresh token reuse: session family ended', { userId: family.userId, sessionId: family.id });
    throw new DomainError(
      'AUTH.SESSION_REUSED',
      'unauthenticated',
      'This sign-in was ended because its refresh token was used twice; sign in again.',
    );
  }
  const user = await deps.stores.users.byEmail(session.userEmail);
  if (!user || user.disabled) throw ended();
  const minted = await mint(deps, user, family.id);
  await deps.stores.sessions.rotate(
    family.id,
    hash,
    hashSecret(minted.refreshToken),
    minted.session,
    minted.session.createdAt,
  );
  return {
    accessToken: minted.token,
    expiresAt: minted.expiresAt,
    refreshToken: minted.refreshToken,
    user: publicUser(user),
  };
}

/** Signs out: the session's family ends, and every access token of the account stops working. */
export async function endSession(deps: Deps, refreshToken: string): Promise<string | undefined> {
  const session = await deps.stores.sessions.get(hashSecret(refreshToken));
  if (!session?.familyId) return undefined;
  const family = await deps.stores.sessions.family(session.familyId);
  if (!family || family.currentHash !== hashSecret(refreshToken)) return undefined;
  await deps.stores.sessions.endFamily(family.id);
  await endAccessTokens(deps, family.userId);
  return family.userId;
}
