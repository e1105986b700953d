import { DomainError, tokenStanding, type AccountStanding } from '@bds/core';
import type { Deps } from '../deps';
import type { VerifiedActor } from '../auth/tokens';
import { boundedCache, type BoundedCache } from './cache';

/**
 * How long one process trusts an account's standing it has read. This is the worst case between
 * a sign-out, disable or password change made through another instance and an access token of
 * that account being refused here; the instance that makes the change forgets at once.
 */
export const STANDING_CACHE_MS = 5_000;
const STANDING_CACHE_ENTRIES = 10_000;

const caches = new WeakMap<object, BoundedCache<AccountStanding>>();
const cacheOf = (deps: Pick<Deps, 'clock' | 'stores'>): BoundedCache<AccountStanding> => {
  let cache = caches.get(deps.stores);
  if (!cache) {
    cache = boundedCache<AccountStanding>({
      ttlMs: STANDING_CACHE_MS,
      maxEntries: STANDING_CACHE_ENTRIES,
      now: () => deps.clock.now(),
    });
    caches.set(deps.stores, cache);
  }
  return cache;
};

/**
 * Refuses an access token whose account has since been signed out, disabled or given a new
 * password: the token's session version against the account's, read at most once per
 * {@link STANDING_CACHE_MS} per account and process — no read per request on the hot path.
 *
 * @example
 * await assertTokenStanding(deps, await deps.tokens.verify(token));
 */
export async function assertTokenStanding(deps: Pick<Deps, 'clock' | 'stores'>, actor: VerifiedActor): Promise<void> {
  const standing = await cacheOf(deps).get(actor.userId, () => deps.stores.users.standing(actor.userId));
  const verdict = tokenStanding(actor.session.version, standing);
  if (verdict === 'disabled')
    throw new DomainError('AUTH.USER_DISABLED', 'unauthenticated', 'This account is disabled.');
  if (verdict === 'revoked')
    throw new DomainError('AUTH.SESSION_REVOKED', 'unauthenticated', 'This session has ended; sign in again.');
}

/**
 * Ends every access token of an account now: raises its session version, and this process
 * forgets what it had cached (other instances follow within {@link STANDING_CACHE_MS}).
 */
export async function endAccessTokens(deps: Pick<Deps, 'clock' | 'stores'>, userId: string): Promise<void> {
  await deps.stores.users.endAccessTokens(userId);
  forgetStanding(deps, userId);
}

/** Drops the cached standing of an account after this process changed it. */
export const forgetStanding = (deps: Pick<Deps, 'clock' | 'stores'>, userId: string): void =>
  cacheOf(deps).delete(userId);
