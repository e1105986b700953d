export {
  SessionProvider,
  useSession,
  isRepOf,
  isAdminOf,
  isNationalOrState,
  type SessionState,
} from './SessionContext';
export { readSession, accessValid, adoptSession } from './storage';
export { renewSession } from './renew';
