import {
  DomainError,
  auditEntry,
  award,
  awardBasis,
  newEvent,
  type Actor,
  type EventOf,
  type ServiceRequest,
} from '@bds/core';
import type { StoredEvaluation } from '../adapters/dynamo/evaluations';
import { repeatCountBump } from '../adapters/dynamo/repeat-counts';
import type { UseCaseDeps } from './deps';

/** The bid the lead picks (the recommendation when left out) and, when it departs from it, why. */
export interface AwardChoice {
  bidId?: string | undefined;
  reason?: string | undefined;
}

/**
 * Awards an evaluated request: core's `awardBasis` and `award` on the request and evaluation as
 * read, then the request's transition, its audit entry, the `request.awarded` event (which
 * sets up the award's escrow) and the association's repeat count for the category (read, stamped
 * on the award, advanced) in one transaction, guarded by the version and the count read: the
 * count can never drift from the awards. Another award of the same association and category
 * committing in between moves the count; the award is then re-read and decided again (3 tries).
 * The award route and the demo seed both award through here.
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
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await awardOnce(deps, found, by, choice, correlationId);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof DomainError) || error.code !== 'REQUEST.COUNTER_MOVED') throw error;
    }
  }
}

async function awardOnce(
  deps: UseCaseDeps,
  found: { request: ServiceRequest; evaluation: StoredEvaluation | undefined },
  by: Actor,
  choice: AwardChoice,
  correlationId: string,
): Promise<{ next: ServiceRequest; event: EventOf<'request.awarded'> }> {
  const { request, evaluation } = found;
  const key = { clusterId: request.clusterId, associationId: request.associationId, category: request.category };
  const repeatCount = await deps.stores.repeatCounts.read(key);
  const basis = awardBasis(request, evaluation);
  const { bidId, reason } = choice;
  const decided = award(
    request,
    { basis, ...(bidId ? { bidId } : {}), ...(reason ? { reason } : {}), awardedBy: by.userId },
    deps.clock,
  );
  const awarded = { ...decided.award!, repeatCount };
  const next = { ...decided, award: awarded };
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
  await deps.stores.requests.updateWithAudit(
    next,
    request.version,
    entry,
    [event],
    [repeatCountBump(deps.stores.db.table, key, repeatCount)],
  );
  return { next, event };
}
