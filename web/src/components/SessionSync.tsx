import { useEffect } from 'react';
import { ApiError, useApi, type User } from '../api';
import { useLocation } from '../router';
import { useSession } from '../session';

const sameReach = (a: User, b: User): boolean =>
  a.role === b.role &&
  a.organisationId === b.organisationId &&
  a.clusterIds.length === b.clusterIds.length &&
  a.clusterIds.every((id) => b.clusterIds.includes(id));

/**
 * Keeps the token's reach in step with the account. The access token lists the clusters the
 * user reaches when it was issued; when a cluster admin approves a provider, the provider's
 * next page asks `/api/me`, sees the new cluster and renews the session so its token
 * carries it. Providers are checked on every page (approvals are what they wait for),
 * everyone else once per visit.
 */
export function SessionSync() {
  const api = useApi();
  const { user, signOut } = useSession();
  const { pathname } = useLocation();
  const key = user?.role === 'provider' ? pathname : 'once';
  const userId = user?.id;
  useEffect(() => {
    if (!userId) return;
    const controller = new AbortController();
    api
      .me(controller.signal)
      .then(
        async (fresh) => {
          const held = user;
          if (held && !sameReach(fresh, held)) await api.renewSession();
        },
        (error: unknown) => {
          // The account is gone: nothing this tab holds can be used any more.
          if (error instanceof ApiError && error.status === 404) signOut();
        },
      )
      .catch(() => undefined);
    return () => controller.abort();
    // `user` is read when the answer arrives; the check reruns per user and (for providers) per page.
  }, [api, userId, key, signOut]);
  return null;
}
