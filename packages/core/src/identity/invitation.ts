import * as z from 'zod';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import { DomainError, conflict } from '../errors';
import type { IdGenerator } from '../ids';
import { INVITABLE_ROLES, mayInvite } from './who-invites';

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Roles that are invited (providers sign up themselves). */
export const InvitableRole = z.enum(INVITABLE_ROLES);
export type InvitableRole = z.infer<typeof InvitableRole>;

/**
 * A single-use, expiring invitation. Only the hash of its secret token is stored, so a leak
 * of the table does not leak usable links.
 */
export const Invitation = z.object({
  id: z.string(),
  tokenHash: z.string().min(32),
  email: z.email(),
  name: z.string().min(2).max(120),
  role: InvitableRole,
  organisationId: z.string(),
  organisationName: z.string(),
  clusterIds: z.array(z.string()),
  state: z.string().optional(),
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().optional(),
});
export type Invitation = z.infer<typeof Invitation>;

const forbidden = (message: string) => new DomainError('INVITATION.NOT_ALLOWED', 'forbidden', message);

/**
 * Who may invite whom (DESIGN.md §2): national admins invite state admins, cluster admins and
 * funders; state admins invite cluster admins of their own state's clusters; cluster admins
 * invite association reps of their cluster.
 *
 * @example
 * assertMayInvite({ role: 'cluster_admin', clusterIds: ['clu_1'], ... }, 'association_rep', { clusterId: 'clu_1' }) //
 * ok
 */
export function assertMayInvite(
  actor: Actor,
  role: InvitableRole,
  target: { clusterId?: string; clusterState?: string },
): void {
  if (!mayInvite(actor.role, role)) {
    throw forbidden(`A ${actor.role.replace('_', ' ')} cannot invite a ${role.replace('_', ' ')}`);
  }
  if (actor.role === 'state_admin' && target.clusterState !== actor.state)
    throw forbidden('A state admin invites only for clusters of their own state');
  if (actor.role === 'cluster_admin' && (!target.clusterId || !actor.clusterIds.includes(target.clusterId)))
    throw forbidden('A cluster admin invites only for their own cluster');
}

export interface InvitationInput {
  email: string;
  name: string;
  role: InvitableRole;
  organisationId: string;
  organisationName: string;
  clusterIds: string[];
  state?: string;
}

/**
 * Creates an invitation for a token whose hash the caller computed (core has no crypto).
 *
 * @example
 * const inv = createInvitation(input, actor, sha256hex, { ids, clock });
 */
export function createInvitation(
  input: InvitationInput,
  actor: Actor,
  tokenHash: string,
  ctx: { ids: IdGenerator; clock: Clock },
): Invitation {
  const now = ctx.clock.now();
  return Invitation.parse({
    ...input,
    email: input.email.toLowerCase(),
    id: ctx.ids.next('invitation'),
    tokenHash,
    invitedBy: actor.userId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + INVITATION_TTL_MS).toISOString(),
  });
}

/**
 * Accepts an invitation: refused when already used or expired. Returns the accepted copy.
 *
 * @example
 * acceptInvitation(inv, clock).acceptedAt // now
 */
export function acceptInvitation(invitation: Invitation, clock: Clock): Invitation {
  if (invitation.acceptedAt) throw conflict('INVITATION.USED', 'This invitation has already been used');
  if (Date.parse(invitation.expiresAt) <= clock.now())
    throw new DomainError('INVITATION.EXPIRED', 'conflict', 'This invitation has expired; ask for a new one');
  return { ...invitation, acceptedAt: new Date(clock.now()).toISOString() };
}
