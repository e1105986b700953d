import { z } from 'zod';
import { DomainError, Role, type Actor } from '@bds/core';
import type { StoredUser } from '../../adapters/dynamo/users';
import type { Deps } from '../deps';
import { hashSecret, newSecret } from './secrets';

export const REFRESH_TTL_SECONDS = 14 * 24 * 60 * 60;

export const PublicUser = z.object({
  id: z.string(), email: z.string(), name: z.string(), role: Role,
  organisationId: z.string(), organisationName: z.string(), clusterIds: z.array(z.string()),
});
export const SessionBody = z.object({ accessToken: z.string(), expiresAt: z.iso.datetime(), refreshToken: z.string(), user: PublicUser });
export type SessionBody = z.infer<typeof SessionBody>;

export const actorOf = (user: StoredUser): Actor => ({
  userId: user.id, role: user.role, organisationId: user.organisationId, clusterIds: user.clusterIds, ...(user.state ? { state: user.state } : {}),
});

const publicUser = (user: StoredUser) => ({
  id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId, organisationName: user.organisationName, clusterIds: user.clusterIds,
});

/**
 * Starts a session: a short-lived access token and a refresh token. With `rotating`, the
 * presented refresh token is swapped for the new one atomically (it works once).
 */
export async function issueSession(deps: Deps, user: StoredUser, rotating?: string): Promise<SessionBody> {
  if (user.disabled) throw new DomainError('AUTH.USER_DISABLED', 'unauthenticated', 'This account is disabled.');
  const { token, expiresAt } = await deps.tokens.issue(actorOf(user));
  const refreshToken = newSecret();
  const now = deps.clock.now();
  const session = { userEmail: user.email, createdAt: new Date(now).toISOString(), expiresAt: Math.floor(now / 1000) + REFRESH_TTL_SECONDS };
  if (rotating) await deps.stores.sessions.rotate(hashSecret(rotating), hashSecret(refreshToken), session);
  else await deps.stores.sessions.create(hashSecret(refreshToken), session);
  return { accessToken: token, expiresAt, refreshToken, user: publicUser(user) };
}
