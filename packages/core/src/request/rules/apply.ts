import type { Clock } from '../../clock';
import type { RequestStatus, ServiceRequest } from '../schema';

// Internal to the request module: every transition ends here.

/** The instant as stored: ISO 8601 in UTC. */
export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();

/**
 * Applies an allowed transition: the new state, any changed fields, version + 1, updatedAt.
 * Callers check their guards between `assertTransition` and this.
 */
export function applyTransition(
  request: ServiceRequest,
  status: RequestStatus,
  clock: Clock,
  changes: Partial<ServiceRequest> = {},
): ServiceRequest {
  return { ...request, ...changes, status, version: request.version + 1, updatedAt: isoNow(clock) };
}
