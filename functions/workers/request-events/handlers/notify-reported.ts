import { formatIst, type EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { deliver } from './notify';

/**
 * A milestone reported: the lead association is asked to accept or dispute it before it is
 * accepted automatically. Associations have no contact address, so this is an inbox item only.
 */
export async function notifyMilestoneReported(
  event: EventOf<'milestone.reported'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, index, autoAcceptAt } = event.payload;
  const [request, record] = await Promise.all([
    deps.stores.requests.get(event.clusterId, requestId),
    deps.stores.escrow.get(event.clusterId, requestId),
  ]);
  if (!request || !record) {
    log.warn('reported milestone not found; nothing to notify', { requestId, index });
    return;
  }
  const provider = await deps.stores.providers.get(record.providerId);
  const milestone = record.milestones[index]?.name ?? `Milestone ${index + 1}`;
  await deliver(
    {
      event,
      organisationId: record.associationId,
      kind: 'milestone.reported',
      requestId,
      title: `Delivery reported: ${request.title}`,
      text:
        `${provider?.name ?? 'The provider'} reported “${milestone}” of “${request.title}” as delivered. ` +
        `Accept it or dispute it by ${formatIst(autoAcceptAt)}; after that it is accepted automatically ` +
        'and its escrow released to the provider.',
      mailTo: [],
    },
    deps,
    log,
  );
}
