import { ApiError } from '../api/errors';
import type { Session } from '../api/types';
import { accessValid, behindOtherTabs, clearSession, readSession, writeSession } from './storage';
import { waitForTabs } from './tabs';

/** How long a tab waits for another tab's renewed session to reach it before renewing itself. */
const CATCH_UP_MS = 3_000;

/**
 * Runs `renew` while no other tab of the portal renews (the Web Locks API): the tabs share one refresh token, and a
 * rotated-out token spent again is a replay that ends the session everywhere (docs/security.md). Inside the lock, a
 * tab first catches up with a renewal another tab has just made.
 */
async function oneTabAtATime<T>(renew: () => Promise<T>): Promise<T> {
  const run = async () => {
    await waitForTabs(() => !behindOtherTabs(), CATCH_UP_MS);
    return renew();
  };
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return run();
  return navigator.locks.request('bds.session.renew', run);
}

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
  const spent = current.refreshToken;
  const promise = oneTabAtATime(async () => {
    const now = readSession();
    // Another tab renewed while this one waited (its session is this tab's too), or signed out.
    if (!now?.refreshToken || (now.refreshToken !== spent && accessValid(now))) return now;
    const next = await exchange(now.refreshToken);
    writeSession(next);
    return next;
  }).then(
    (next) => next,
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
