import { canReadRequest, formatIst, type EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { deliver } from './notify';

/**
 * A request opened: every eligible provider — approved in the cluster, offering the category,
 * not blocked, and (for an invitation-only request) invited — gets an inbox item and a mail to
 * its contact address.
 */
export async function notifyRequestOpened(
  event: EventOf<'request.opened'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId } = event.payload;
  const request = await deps.stores.requests.get(event.clusterId, requestId);
  if (!request) {
    log.warn('opened request not found; nothing to notify', { requestId });
    return;
  }
  const registrations = (await deps.stores.providers.approvedIn(event.clusterId)).filter((r) =>
    r.categories.includes(request.category),
  );
  const providers = await Promise.all(registrations.map((r) => deps.stores.providers.get(r.providerId)));
  const eligible = providers.filter(
    (p) =>
      p &&
      !p.blocked &&
      canReadRequest(
        { userId: 'worker', role: 'provider', organisationId: p.id, clusterIds: [event.clusterId] },
        request,
      ),
  );
  const deadline = formatIst(request.biddingDeadline);
  let fresh = 0;
  for (const provider of eligible) {
    const written = await deliver(
      {
        event,
        organisationId: provider!.id,
        kind: 'request.opened',
        requestId,
        title: `New request: ${request.title}`,
        text:
          `A ${request.category} request is open for bidding in your ` +
          `cluster until ${deadline}: “${request.title}”, ${request.place}.`,
        mailTo: provider!.contactEmail ? [provider!.contactEmail] : [],
      },
      deps,
      log,
    );
    if (written) fresh++;
  }
  log.info('eligible providers notified', { requestId, eligible: eligible.length, new: fresh });
}
