import { DomainError, deliveryProgress, type Clock, type ServiceRequest } from '@bds/core';
import type { EscrowStore } from '../adapters/dynamo/escrow';
import type { RequestStore } from '../adapters/dynamo/requests';

/**
 * Moves the request to where its escrow says it is (`deliveryProgress`), outside any decision:
 * the repair for a request whose milestones were decided without it (records older than the
 * transition, a step another writer's conflict left out). Idempotent; a request changed
 * meanwhile is left to whoever changed it.
 *
 * @example
 * await syncDelivery(stores, clusterId, requestId, clock);
 */
export async function syncDelivery(
  stores: { escrow: Pick<EscrowStore, 'get'>; requests: Pick<RequestStore, 'get' | 'update'> },
  clusterId: string,
  requestId: string,
  clock: Clock,
): Promise<ServiceRequest | undefined> {
  const [record, request] = await Promise.all([
    stores.escrow.get(clusterId, requestId),
    stores.requests.get(clusterId, requestId),
  ]);
  const next = record && request ? deliveryProgress(request, record, clock) : undefined;
  if (!next || !request) return undefined;
  try {
    return await stores.requests.update(next, request.version);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'REQUEST.VERSION_CONFLICT') return undefined;
    throw error;
  }
}
