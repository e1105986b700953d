import { milestoneDelivery, type EventOf } from '@bds/core';
import { bidCount } from '../../../adapters/dynamo/evaluations';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';

/**
 * `milestone.decided`: adds the milestone's delivery to its month's aggregates (cluster, state,
 * nation). What counts is derived from the stored record, not from the event, so a late or
 * repeated event adds the same thing; the store's marker makes the second add a no-op. A
 * milestone that counts for nothing (voided, resolved with a void) writes nothing.
 */
export async function onMilestoneDecided(
  event: EventOf<'milestone.decided'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, index } = event.payload;
  const [record, cluster, { evaluation }] = await Promise.all([
    deps.stores.escrow.get(event.clusterId, requestId),
    deps.stores.clusters.get(event.clusterId),
    deps.stores.evaluations.withRequest(event.clusterId, requestId),
  ]);
  if (!record || !cluster) return log.warn('no escrow or cluster for the decided milestone', { requestId, index });
  const association = await deps.stores.clusters.getAssociation(event.clusterId, record.associationId);
  const delivery = milestoneDelivery(record, index, {
    state: cluster.state,
    associationName: association?.shortName ?? record.associationId,
    bids: bidCount(evaluation),
  });
  if (!delivery)
    return log.info('milestone counts for no delivery', { requestId, index, status: record.milestones[index]?.status });
  const applied = await deps.stores.indicators.apply(delivery);
  log.info(applied ? 'delivery added to the indicators' : 'delivery already in the indicators', {
    requestId,
    index,
    month: delivery.month,
  });
}
