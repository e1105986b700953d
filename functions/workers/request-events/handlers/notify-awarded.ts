import type { EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { deliver } from './notify';

/** A request awarded: the awarded provider is told (inbox and its contact address). */
export async function notifyRequestAwarded(
  event: EventOf<'request.awarded'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, providerId } = event.payload;
  const [request, provider] = await Promise.all([
    deps.stores.requests.get(event.clusterId, requestId),
    deps.stores.providers.get(providerId),
  ]);
  if (!provider) {
    log.warn('awarded provider not found; nothing to notify', { requestId, providerId });
    return;
  }
  const title = request ? `Awarded: ${request.title}` : 'You have been awarded a request';
  await deliver(
    {
      event,
      organisationId: providerId,
      kind: 'request.awarded',
      requestId,
      title,
      text:
        `${request ? `“${request.title}”` : `Request ${requestId}`} was awarded to ` +
        `${provider.name}. Plan the delivery and report each milestone in the portal.`,
      mailTo: provider.contactEmail ? [provider.contactEmail] : [],
    },
    deps,
    log,
  );
}
