import { DomainError, canReadRequest, isLeadSponsor, notFound, sponsorIds, type Actor } from '@bds/core';
import * as z from 'zod';
import type { StoredRequest } from '../../adapters/dynamo/requests';
import { ClusterParams, IdParam } from './common';

/** `/api/clusters/:clusterId/requests/:requestId…` */
export const RequestParams = ClusterParams.extend({ requestId: IdParam });

/** The admins over a cluster (the app has already checked that they reach it). */
export const ADMINS = ['cluster_admin', 'state_admin', 'national_admin'] as const;
/** True for the cluster, state and national admins. */
export const isAdmin = (actor: Actor): boolean => (ADMINS as readonly string[]).includes(actor.role);

/** A free-text reason, as kept in the audit trail. */
export const Reason = z.string().trim().min(1).max(2_000);

/**
 * The request if the actor may know it exists; otherwise the same 404 as a missing one, so a
 * draft or an invitation-only request is not revealed.
 *
 * @example
 * const request = visible(actor, await deps.stores.requests.get(clusterId, requestId));
 */
export function visible(actor: Actor, request: StoredRequest | undefined): StoredRequest {
  if (!request || !canReadRequest(actor, request)) throw notFound('REQUEST.NOT_FOUND', 'No such request.');
  return request;
}

/** Refuses anyone but the lead association (and, when `orAdmin`, the cluster's admins). */
export function assertLead(actor: Actor, request: StoredRequest, orAdmin = false): void {
  if (isLeadSponsor(actor, request) || (orAdmin && isAdmin(actor))) return;
  throw new DomainError(
    'REQUEST.NOT_SPONSOR',
    'forbidden',
    orAdmin
      ? 'Only the lead association or a cluster admin can do that.'
      : 'Only the lead association of this request can do that.',
  );
}

/** Refuses anyone but a sponsoring association (lead or co-sponsor) and the cluster's admins. */
export function assertSponsorOrAdmin(actor: Actor, request: StoredRequest): void {
  const sponsor = actor.role === 'association_rep' && sponsorIds(request).includes(actor.organisationId);
  if (!sponsor && !isAdmin(actor))
    throw new DomainError(
      'REQUEST.NOT_SPONSOR',
      'forbidden',
      'Only the sponsoring associations and cluster admins can read this.',
    );
}

/** The stored request after a transition: the pledge counter is not part of core's request. */
export const withCount = (next: Omit<StoredRequest, 'pledgedFirms'>, current: StoredRequest): StoredRequest => ({
  ...next,
  pledgedFirms: current.pledgedFirms,
});
