import type { Actor } from './actor';
import type { ServiceRequest } from './request/schema';

/**
 * Who may read a request (the tenant check — the actor reaches the cluster — comes first,
 * in the API). Drafts are seen only by their sponsors and the cluster's admins; providers see
 * a published request only when it is open to the whole cluster or they are invited.
 *
 * @example
 * canReadRequest(provider, { ...request, status: 'draft' }) // false
 */
export function canReadRequest(
  actor: Actor,
  request: Pick<ServiceRequest, 'status' | 'associationId' | 'coSponsorIds' | 'visibility' | 'invitedProviderIds'>,
): boolean {
  const sponsor =
    actor.role === 'association_rep' &&
    (request.associationId === actor.organisationId || request.coSponsorIds.includes(actor.organisationId));
  const admin = actor.role === 'national_admin' || actor.role === 'state_admin' || actor.role === 'cluster_admin';
  if (request.status === 'draft') return sponsor || admin;
  if (actor.role === 'provider')
    return request.visibility === 'cluster' || request.invitedProviderIds.includes(actor.organisationId);
  return true;
}

/** True when the actor speaks for the request's lead association. */
export const isLeadSponsor = (actor: Actor, request: Pick<ServiceRequest, 'associationId'>): boolean =>
  actor.role === 'association_rep' && actor.organisationId === request.associationId;

/**
 * Who may read a line of a cluster's activity feed: a line about a request only whoever may
 * read the request (an invitation-only request stays hidden from the providers not invited);
 * a line about a request that cannot be found, only the cluster's admins.
 *
 * @example
 * canReadActivity(provider, { requestId: 'req_…' }, invitedOnlyRequest) // false
 */
export function canReadActivity(
  actor: Actor,
  entry: { requestId?: string | undefined },
  request: Parameters<typeof canReadRequest>[1] | undefined,
): boolean {
  if (entry.requestId === undefined) return true;
  if (!request)
    return actor.role === 'national_admin' || actor.role === 'state_admin' || actor.role === 'cluster_admin';
  return canReadRequest(actor, request);
}
