import { useEffect } from 'react';
import type { User } from '../api';
import { navigate, paths } from '../router';
import { useSession } from '../session';

/**
 * The signed-in user; signed out, the page sends the visitor to sign in and back to `here`.
 *
 * @example
 * const user = useRequireUser(paths.firms(clusterId)); if (!user) return null;
 */
export function useRequireUser(here: string): User | undefined {
  const { user } = useSession();
  useEffect(() => {
    if (!user) navigate(paths.signIn(here), { replace: true });
  }, [user, here]);
  return user;
}
