import { ApiError } from '../api/errors';
import type { Session } from '../api/types';
import { clearSession, readSession, writeSession } from './storage';

let inflight: { refreshToken: string; promise: Promise<Session | undefined> } | undefined;

/**
 * Exchanges the stored refresh token for a new session, once even when several calls ask at
 * the same moment (the refresh token works only once: a second exchange would fail and end
 * the session). A refused token ends the session; an unreachable API leaves it for later.
 *
 * @example
 * const session = await renewSession((token) => api.refreshSession(token));
 */
export function renewSession(exchange: (refreshToken: string) => Promise<Session>): Promise<Session | undefined> {
  const current = readSession();
  if (!current?.refreshToken) return Promise.resolve(undefined);
  if (inflight?.refreshToken === current.refreshToken) return inflight.promise;
  const promise = exchange(current.refreshToken).then(
    (next) => {
      writeSession(next);
      return next;
    },
    (error: unknown) => {
      if (error instanceof ApiError && error.status !== 0) {
        clearSession();
        return undefined;
      }
      throw error;
    },
  );
  const mine = { refreshToken: current.refreshToken, promise };
  inflight = mine;
  void promise
    .finally(() => {
      if (inflight === mine) inflight = undefined;
    })
    .catch(() => undefined);
  return promise;
}
