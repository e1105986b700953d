import type { Clock } from '../../clock';
import { conflict, DomainError, invalid } from '../../errors';
import { REQUEST_LIMITS, type ServiceRequest } from '../schema';
import { applyTransition } from './apply';
import { assertTransition, deadlineReached } from './transitions';

/**
 * Another association of the same cluster joins the request with its own members' pledges.
 * Allowed in draft, and while open until the deadline. Errors: `REQUEST.DEADLINE_PASSED`,
 * `REQUEST.CROSS_CLUSTER` (forbidden), `REQUEST.DUPLICATE_CO_SPONSOR`, `REQUEST.TOO_MANY_CO_SPONSORS`.
 *
 * @example
 * addCoSponsor(open, { id: 'asc_…', clusterId: open.clusterId }, clock).coSponsorIds // [..., 'asc_…']
 */
export function addCoSponsor(
  request: ServiceRequest,
  association: { id: string; clusterId: string },
  clock: Clock,
): ServiceRequest {
  const next = assertTransition(request, 'addCoSponsor');
  if (request.status === 'open' && deadlineReached(request, clock.now())) {
    throw conflict(
      'REQUEST.DEADLINE_PASSED',
      'The bidding deadline has passed; no association can join now',
      'associationId',
    );
  }
  if (association.clusterId !== request.clusterId) {
    throw new DomainError(
      'REQUEST.CROSS_CLUSTER',
      'forbidden',
      'Only an association of the same cluster can co-sponsor',
      'associationId',
    );
  }
  if (association.id === request.associationId || request.coSponsorIds.includes(association.id)) {
    throw conflict('REQUEST.DUPLICATE_CO_SPONSOR', 'The association already sponsors this request', 'associationId');
  }
  if (request.coSponsorIds.length >= REQUEST_LIMITS.coSponsors) {
    throw invalid(
      'REQUEST.TOO_MANY_CO_SPONSORS',
      `A request can have at most ${REQUEST_LIMITS.coSponsors} co-sponsors`,
      'associationId',
    );
  }
  return applyTransition(request, next, clock, { coSponsorIds: [...request.coSponsorIds, association.id] });
}

/**
 * Every association whose members may pledge: the lead and the co-sponsors.
 *
 * @example
 * sponsorIds(request) // ['asc_lead…', 'asc_co…']
 */
export const sponsorIds = (request: Pick<ServiceRequest, 'associationId' | 'coSponsorIds'>): string[] => [
  request.associationId,
  ...request.coSponsorIds,
];
