import type { Actor } from '../actor';
import type { Clock } from '../clock';
import { DomainError, notFound } from '../errors';
import type { IdGenerator } from '../ids';
import type { AuditEntry } from './audit';

/** The audit trail security events go to (lockouts, reuse, resets, disables): national, not a cluster's. */
export const SECURITY_TRAIL = 'security';

/** What the account says now about its access tokens: their version, and whether it is disabled. */
export interface AccountStanding {
  sessionVersion: number;
  disabled: boolean;
}

/**
 * Whether an access token still speaks for its account. Sign-out, a disable, a role change or a
 * new password raise the account's session version; a token minted under a lower one is over.
 *
 * @example
 * tokenStanding(3, { sessionVersion: 4, disabled: false }) // 'revoked'
 */
export function tokenStanding(tokenVersion: number, account: AccountStanding): 'valid' | 'revoked' | 'disabled' {
  if (account.disabled) return 'disabled';
  return tokenVersion < account.sessionVersion ? 'revoked' : 'valid';
}

/** The user an admin would manage, as far as scope is concerned. */
export interface ManagedUser {
  id: string;
  role: Actor['role'];
  clusterIds: readonly string[];
  state?: string | undefined;
}

/**
 * Whether an admin may disable or re-enable a user: national admins anyone but themselves;
 * state admins the cluster admins and association reps whose clusters all lie in their state's
 * reach; cluster admins the association reps of their own clusters. Outside that scope the
 * user is not revealed (`USER.NOT_FOUND`, 404).
 *
 * @example
 * assertMayManageUser(clusterAdmin, { id: 'usr_x', role: 'association_rep', clusterIds: [clusterAdmin.clusterIds[0]] })
 * // ok
 */
export function assertMayManageUser(actor: Actor, target: ManagedUser): void {
  if (actor.userId === target.id)
    throw new DomainError('USER.SELF', 'forbidden', 'You cannot change your own account standing.');
  const within = target.clusterIds.length > 0 && target.clusterIds.every((c) => actor.clusterIds.includes(c));
  const allowed =
    actor.role === 'national_admin' ||
    (actor.role === 'state_admin' &&
      (target.role === 'cluster_admin' || target.role === 'association_rep') &&
      within) ||
    (actor.role === 'cluster_admin' && target.role === 'association_rep' && within);
  if (!allowed) throw notFound('USER.NOT_FOUND', 'No such user.');
}

/**
 * A security event for the audit trail. `actor` is who acted (an admin) or, for what happens to
 * an account by itself (a lockout, a reused refresh token), the account's own id and role.
 *
 * @example
 * securityEvent('auth.refresh_reuse', { id: user.id, role: user.role }, user.id, { reason: 'family revoked' }, { ids,
 * clock })
 */
export function securityEvent(
  action:
    | 'auth.lockout'
    | 'auth.refresh_reuse'
    | 'auth.password_reset'
    | 'auth.password_change'
    | 'auth.sign_up_taken'
    | 'user.disable'
    | 'user.enable',
  actor: { id: string; role: string },
  subject: string,
  detail: { before?: unknown; after?: unknown; reason?: string },
  ctx: { ids: IdGenerator; clock: Clock },
): AuditEntry {
  return {
    id: ctx.ids.next('audit'),
    clusterId: SECURITY_TRAIL,
    at: new Date(ctx.clock.now()).toISOString(),
    actorId: actor.id,
    actorRole: actor.role,
    action,
    subject,
    ...detail,
  };
}
