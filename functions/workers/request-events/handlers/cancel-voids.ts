import { cancelEscrow, type EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { settle } from './escrow';

/**
 * `request.cancelled`: every hold still pending goes back to its own programme's pool
 * (`void:<holdId>`), every milestone not decided becomes `voided`. The record is changed
 * first (version-guarded, so a milestone accepted meanwhile keeps its release), then the
 * voids run; a redelivery replays them. An award whose escrow is not set up yet is left to
 * the award handler, which sees the cancelled request.
 */
export async function onRequestCancelledVoids(
  event: EventOf<'request.cancelled'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId } = event.payload;
  const existing = await deps.stores.escrow.get(event.clusterId, requestId);
  if (!existing) {
    log.info('no escrow to void', { requestId });
    return;
  }
  const at = new Date(deps.clock.now()).toISOString();
  const { result } = await deps.stores.escrow.change(event.clusterId, requestId, (r) => {
    const decision = cancelEscrow(r, at);
    return r.cancelledAt ? { result: decision.commands } : { record: decision.record, result: decision.commands };
  });
  await settle(deps, result);
  log.info('award cancelled; holds voided', { requestId, voids: result.length });
}
