import {
  closeAndEvaluate,
  newEvent,
  standstillMs,
  type BidForEvaluation,
  type ClusterPolicy,
  type ProcurementTiming,
  type ServiceRequest,
} from '@bds/core';
import { toStoredEvaluation, type StoredEvaluation } from '../adapters/dynamo/evaluations';
import type { UseCaseDeps } from './deps';

/** Who closed a request the scheduler closed; kept as the evaluation's `evaluatedBy`. */
export const DEADLINE_CLOSER = 'system:deadline';

/** The lead association's rep (by user id) at the close route, or the deadline's schedule. */
export type Closer = { by: 'association'; userId: string } | { by: 'deadline' };

/**
 * Closes bidding and evaluates: core's `closeAndEvaluate` on the request and its bids as read
 * (a ranking starts the cluster's stand-still), then the request's transition, the evaluation, the
 * `request.closed` event and, when ranked, `request.standstill_started` in one
 * transaction (version-guarded: a request changed since the read is a conflict, nothing
 * written). The close route and the deadline worker both close through here.
 *
 * @example
 * const { request, evaluation } = await closeAndEvaluateRequest(deps, await deps.stores.evaluations.closeContext(c, r),
 * closer, correlationId);
 */
export async function closeAndEvaluateRequest(
  deps: UseCaseDeps & { timing: ProcurementTiming },
  found: {
    request: ServiceRequest & { version: number; pledgedFirms: number };
    bids: readonly BidForEvaluation[];
    /** The cluster's policy, read with the request (`closeContext`); undefined: the national defaults. */
    policy: ClusterPolicy | undefined;
  },
  closer: Closer,
  correlationId: string,
): Promise<{ next: ServiceRequest; evaluation: StoredEvaluation }> {
  const { request, bids, policy } = found;
  const still = standstillMs(policy, deps.timing);
  const { next, result } = closeAndEvaluate(request, bids, request.pledgedFirms, deps.clock, still);
  const at = new Date(deps.clock.now()).toISOString();
  const context = { clusterId: request.clusterId, occurredAt: at, correlationId };
  const evaluatedBy = closer.by === 'association' ? closer.userId : DEADLINE_CLOSER;
  const evaluation = toStoredEvaluation(result, { clusterId: request.clusterId, evaluatedAt: at, evaluatedBy });
  const event = newEvent(
    'request.closed',
    { requestId: request.id, outcome: result.outcome, status: next.status, closedBy: closer.by },
    { id: deps.ids.next('event'), ...context },
  );
  // A ranking is published to its bidders with its stand-still (the worker arms the schedule and tells them).
  const started = next.standstillEndsAt
    ? [
        newEvent(
          'request.standstill_started',
          { requestId: request.id, endsAt: next.standstillEndsAt },
          { id: deps.ids.next('event'), ...context },
        ),
      ]
    : [];
  await deps.stores.evaluations.close(next, request.version, request.pledgedFirms, evaluation, [event, ...started]);
  return { next, evaluation };
}
