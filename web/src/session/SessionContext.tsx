import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Session, User } from '../api/types';
import { clearSession, readSession, subscribeSession, writeSession } from './storage';

export interface SessionState {
  session: Session | undefined;
  user: User | undefined;
  signIn(session: Session): void;
  /** Forgets the session in this tab (the API call that revokes it is the caller's). */
  signOut(): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);
const snapshot = () => readSession();

/** Holds the signed-in user for the whole portal; survives reloads of the tab and token renewals. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, snapshot, () => undefined);
  const signIn = useCallback((next: Session) => writeSession(next), []);
  const signOut = useCallback(() => clearSession(), []);
  const value = useMemo(() => ({ session, user: session?.user, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

/**
 * The signed-in user, and the ways to change who that is.
 *
 * @example
 * const { user, signOut } = useSession();
 */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a <SessionProvider>');
  return value;
}

/** True when the user represents an association of this cluster (and so may post requests). */
export const isRepOf = (user: User | undefined, clusterId: string): boolean =>
  user?.role === 'association_rep' && user.clusterIds.includes(clusterId);

const ADMIN_ROLES: readonly string[] = ['national_admin', 'state_admin', 'cluster_admin'];

/** True for the admins over a cluster: national, state (the API checks the state) and its own cluster admins. */
export const isAdminOf = (user: User | undefined, clusterId: string): boolean =>
  !!user && ADMIN_ROLES.includes(user.role) && (user.role !== 'cluster_admin' || user.clusterIds.includes(clusterId));

/** National and state admins: they onboard, suspend and archive clusters. */
export const isNationalOrState = (user: User | undefined): boolean =>
  user?.role === 'national_admin' || user?.role === 'state_admin';
