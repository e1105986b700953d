/**
 * Who may invite whom (DESIGN.md §2). Free of zod and of any runtime import, so the portal can
 * offer exactly the roles the API allows (`@bds/core/who-invites`) without bundling the domain.
 */
import type { Role } from '../actor';

/** Roles that are invited (providers sign up themselves); `InvitableRole` is its zod schema. */
export const INVITABLE_ROLES = ['state_admin', 'cluster_admin', 'association_rep', 'funder'] as const;
type InvitableRole = (typeof INVITABLE_ROLES)[number];

/**
 * National admins invite state admins, cluster admins and funders; state admins invite cluster
 * admins; cluster admins invite association reps; nobody else invites.
 *
 * @example
 * INVITABLE.state_admin // ['cluster_admin']
 */
export const INVITABLE: Readonly<Record<Role, readonly InvitableRole[]>> = {
  national_admin: ['state_admin', 'cluster_admin', 'funder'],
  state_admin: ['cluster_admin'],
  cluster_admin: ['association_rep'],
  association_rep: [],
  provider: [],
  funder: [],
};

/**
 * Whether a role may invite another, before the scope checks (own state, own cluster).
 *
 * @example
 * mayInvite('cluster_admin', 'association_rep') // true
 */
export const mayInvite = (inviter: Role, role: InvitableRole): boolean => INVITABLE[inviter].includes(role);
