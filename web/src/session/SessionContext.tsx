import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Session, User } from '../api/types';
import { clearSession, readSession, writeSession } from './storage';

export interface SessionState {
  session: Session | undefined;
  user: User | undefined;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Holds the signed-in user for the whole portal; survives reloads of the tab. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => readSession());
  const signIn = useCallback((next: Session) => {
    writeSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    clearSession();
    setSession(undefined);
  }, []);
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
