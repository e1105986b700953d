import { DomainError, closeAndEvaluate, newEvent, type EventOf } from '@bds/core';
import { toStoredEvaluation } from '../../../adapters/dynamo/evaluations';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { armDeadline } from './schedule';

/** Who closed a request the scheduler closed; kept as the evaluation's `evaluatedBy`. */
export const DEADLINE_CLOSER = 'system:deadline';

/**
 * `request.deadline`: closes and evaluates a request whose bidding deadline has passed, as the
 * close route does, with the `request.closed` event in the same transaction. A trigger may come
 * early (re-armed at the stored deadline, which also covers a deadline moved later), late (closes
 * then), or again once the request is closed, cancelled or gone (nothing; logged).
 */
export async function onDeadline(event: EventOf<'request.deadline'>, deps: WorkerDeps, log: Logger): Promise<void> {
  const { requestId, deadline } = event.payload;
  const request = await deps.stores.requests.get(event.clusterId, requestId);
  if (request?.status !== 'open') {
    log.info('request is not open; nothing to close', { requestId, status: request?.status ?? 'missing' });
    return;
  }
  if (Date.parse(request.biddingDeadline) > deps.clock.now()) {
    await armDeadline(deps, { clusterId: request.clusterId, requestId, deadline: request.biddingDeadline }, event.correlationId);
    log.info('triggered before the deadline; re-armed', { requestId, deadline: request.biddingDeadline, triggerFor: deadline });
    return;
  }

  const bids = await deps.stores.bids.allForRequest(request.clusterId, requestId);
  const { next, result } = closeAndEvaluate(request, bids, request.pledgedFirms, deps.clock);
  const at = new Date(deps.clock.now()).toISOString();
  const evaluation = toStoredEvaluation(result, { clusterId: request.clusterId, evaluatedAt: at, evaluatedBy: DEADLINE_CLOSER });
  try {
    await deps.stores.evaluations.close(next, request.version, request.pledgedFirms, evaluation, [
      newEvent('request.closed', { requestId, outcome: result.outcome, status: next.status, closedBy: 'deadline' }, {
        id: deps.ids.next('event'), clusterId: request.clusterId, occurredAt: at, correlationId: event.correlationId,
      }),
    ]);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'conflict') throw error;
    // Someone closed or cancelled it meanwhile: done. A pledge landing at the deadline: retried by the queue.
    const now = await deps.stores.requests.get(request.clusterId, requestId);
    if (now?.status === 'open') throw error;
    log.info('request changed while closing; nothing to do', { requestId, status: now?.status ?? 'missing', code: error.code });
    return;
  }
  log.info('request closed at its deadline', { requestId, outcome: result.outcome, status: next.status });
}
