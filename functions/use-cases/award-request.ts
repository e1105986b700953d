import { auditEntry, award, awardBasis, newEvent, type Actor, type EventOf, type ServiceRequest } from '@bds/core';
import type { StoredEvaluation } from '../adapters/dynamo/evaluations';
import type { UseCaseDeps } from './deps';

/** The bid the lead picks (the recommendation when left out) and, when it departs from it, why. */
export interface AwardChoice {
  bidId?: string | undefined;
  reason?: string | undefined;
}

/**
 * Awards an evaluated request: core's `awardBasis` and `award` on the request and evaluation as
 * read, then the request's transition, its audit entry and the `request.awarded` event (which
 * sets up the award's escrow) in one transaction, guarded by the version read. The award route
 * and the demo seed both award through here.
 *
 * @example
 * const { next } = await makeAward(deps, await deps.stores.evaluations.withRequest(c, r), actor, { bidId }, cid);
 */
export async function makeAward(
  deps: UseCaseDeps,
  found: { request: ServiceRequest; evaluation: StoredEvaluation | undefined },
  by: Actor,
  choice: AwardChoice,
  correlationId: string,
): Promise<{ next: ServiceRequest; event: EventOf<'request.awarded'> }> {
  const { request, evaluation } = found;
  const basis = awardBasis(request, evaluation);
  const { bidId, reason } = choice;
  const next = award(
    request,
    { basis, ...(bidId ? { bidId } : {}), ...(reason ? { reason } : {}), awardedBy: by.userId },
    deps.clock,
  );
  const awarded = next.award!;
  const entry = auditEntry(
    by,
    'request.awarded',
    request.id,
    {
      clusterId: request.clusterId,
      before: { status: request.status, recommendedBidId: awarded.recommendedBidId },
      after: { status: next.status, bidId: awarded.bidId, providerId: awarded.providerId, total: awarded.total },
      ...(awarded.reason ? { reason: awarded.reason } : {}),
    },
    deps,
  );
  const event = newEvent(
    'request.awarded',
    {
      requestId: request.id,
      bidId: awarded.bidId,
      providerId: awarded.providerId,
      total: awarded.total,
      category: request.category,
      leadAssociationId: request.associationId,
      awardedAt: awarded.awardedAt,
    },
    { id: deps.ids.next('event'), clusterId: request.clusterId, occurredAt: awarded.awardedAt, correlationId },
  );
  await deps.stores.requests.updateWithAudit(next, request.version, entry, [event]);
  return { next, event };
}
