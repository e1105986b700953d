import type { AnyRoute } from '../route';
import {
  changePassword,
  confirmPasswordReset,
  listMySessions,
  listSecurityEvents,
  requestPasswordReset,
  revokeMySession,
  setUserStatus,
} from '../routes/account';
import { demoAccounts, jwks, me, refresh, signIn, signOut } from '../routes/auth';
import { health } from '../routes/health';
import { listInbox, readNotification } from '../routes/inbox';
import { acceptInvitationRoute, invite, outbox, previewInvitation } from '../routes/invitations';
import { confirmProviderSignUp, signUpProvider } from '../routes/sign-up';

/** Who is who: sign-in, sessions, passwords, invitations, providers signing up, the inbox, liveness. */
export const accountsRoutes: readonly AnyRoute[] = [
  health,
  jwks,
  signIn,
  refresh,
  signOut,
  me,
  demoAccounts,
  listMySessions,
  revokeMySession,
  changePassword,
  requestPasswordReset,
  confirmPasswordReset,
  setUserStatus,
  listSecurityEvents,
  invite,
  previewInvitation,
  acceptInvitationRoute,
  outbox,
  signUpProvider,
  confirmProviderSignUp,
  listInbox,
  readNotification,
];
