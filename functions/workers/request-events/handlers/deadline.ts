import { DomainError, type EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import { closeAndEvaluateRequest } from '../../../use-cases/close-request';
import type { WorkerDeps } from '../deps';
import { armDeadline } from './schedule';

export { DEADLINE_CLOSER } from '../../../use-cases/close-request';

/**
 * `request.deadline`: closes and evaluates a request whose bidding deadline has passed, through
 * the same use case as the close route. A trigger may come early (re-armed at the stored
 * deadline, which also covers a deadline moved later), late (closes then), or again once the
 * request is closed, cancelled or gone (nothing; logged).
 */
export async function onDeadline(event: EventOf<'request.deadline'>, deps: WorkerDeps, log: Logger): Promise<void> {
  const { requestId, deadline } = event.payload;
  const found = await deps.stores.evaluations.closeContext(event.clusterId, requestId);
  const { request } = found;
  if (request?.status !== 'open') {
    log.info('request is not open; nothing to close', { requestId, status: request?.status ?? 'missing' });
    return;
  }
  if (Date.parse(request.biddingDeadline) > deps.clock.now()) {
    await armDeadline(
      deps,
      { clusterId: request.clusterId, requestId, deadline: request.biddingDeadline },
      event.correlationId,
    );
    log.info('triggered before the deadline; re-armed', {
      requestId,
      deadline: request.biddingDeadline,
      triggerFor: deadline,
    });
    return;
  }
  try {
    const { next, evaluation } = await closeAndEvaluateRequest(
      deps,
      { request, bids: found.bids, policy: found.policy },
      { by: 'deadline' },
      event.correlationId,
    );
    log.info('request closed at its deadline', { requestId, outcome: evaluation.outcome, status: next.status });
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'conflict') throw error;
    // Someone closed or cancelled it meanwhile: done. A pledge landing at the deadline: retried by the queue.
    const now = await deps.stores.requests.get(request.clusterId, requestId);
    if (now?.status === 'open') throw error;
    log.info('request changed while closing; nothing to do', {
      requestId,
      status: now?.status ?? 'missing',
      code: error.code,
    });
  }
}
