export { SessionProvider, useSession, isRepOf, type SessionState } from './SessionContext';
export { readSession } from './storage';
