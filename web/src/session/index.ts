export {
  SessionProvider,
  useSession,
  isRepOf,
  isAdminOf,
  isNationalOrState,
  type SessionState,
} from './SessionContext';
export { readSession, accessValid } from './storage';
export { renewSession } from './renew';
