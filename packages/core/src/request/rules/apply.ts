import type { Clock } from '../../clock';
import type { RequestStatus, ServiceRequest } from '../schema';

// Internal to the request module: every transition ends here.

/**
 * The instant as stored: ISO 8601 in UTC.
 *
 * @example
 * isoNow(fixedClock(0)) // '1970-01-01T00:00:00.000Z'
 */
export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();

/**
 * Applies an allowed transition: the new state, any changed fields, version + 1, updatedAt.
 * Callers check their guards between `assertTransition` and this.
 *
 * @example
 * applyTransition(request, assertTransition(request, 'complete'), clock) // version + 1
 */
export function applyTransition(
  request: ServiceRequest,
  status: RequestStatus,
  clock: Clock,
  changes: Partial<ServiceRequest> = {},
): ServiceRequest {
  return { ...request, ...changes, status, version: request.version + 1, updatedAt: isoNow(clock) };
}
