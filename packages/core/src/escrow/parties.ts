import type { Actor } from '../actor';
import { sponsorIds } from '../request/rules/co-sponsor';
import type { ServiceRequest } from '../request/schema';
import { escrowErrors } from './errors';
import type { EscrowRecord } from './schema';

const ADMIN_ROLES: readonly Actor['role'][] = ['cluster_admin', 'state_admin', 'national_admin'];

/**
 * Refuses anyone who is not a party to an award's money: its sponsoring associations, the
 * awarded provider, and the cluster's admins (the API has checked that they reach the cluster).
 *
 * @example
 * assertMoneyParty(actor, request, record); // throws ESCROW.NOT_PARTY for another provider
 */
export function assertMoneyParty(
  actor: Actor,
  request: Pick<ServiceRequest, 'associationId' | 'coSponsorIds'>,
  record: Pick<EscrowRecord, 'providerId'>,
): void {
  const party =
    ADMIN_ROLES.includes(actor.role) ||
    (actor.role === 'association_rep' && sponsorIds(request).includes(actor.organisationId)) ||
    (actor.role === 'provider' && actor.organisationId === record.providerId);
  if (!party) {
    throw escrowErrors.notParty(
      "Only the sponsoring associations, the awarded provider and the cluster's admins see an award's money.",
    );
  }
}
