import type { EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { deliver } from './notify';

/**
 * A request awarded: every other provider whose bid was live at the award is told it was not
 * chosen (inbox and mail), so none waits on a request that has moved on. Withdrawn bids hear nothing.
 */
export async function notifyBidsLost(event: EventOf<'request.awarded'>, deps: WorkerDeps, log: Logger): Promise<void> {
  const { requestId, providerId: winner } = event.payload;
  const [request, bids] = await Promise.all([
    deps.stores.requests.get(event.clusterId, requestId),
    deps.stores.bids.allForRequest(event.clusterId, requestId),
  ]);
  const losers = [
    ...new Set(bids.filter((b) => b.status === 'live' && b.providerId !== winner).map((b) => b.providerId)),
  ];
  const title = request?.title ?? bids[0]?.requestTitle ?? requestId;
  let fresh = 0;
  for (const providerId of losers) {
    const provider = await deps.stores.providers.get(providerId);
    if (!provider) continue;
    const written = await deliver(
      {
        event,
        organisationId: providerId,
        kind: 'bid.lost',
        requestId,
        title: `Not awarded: ${title}`,
        text:
          `“${title}” was awarded to another provider. Thank you for bidding; ` +
          'new requests in your categories will reach your inbox.',
        mailTo: provider.contactEmail ? [provider.contactEmail] : [],
      },
      deps,
      log,
    );
    if (written) fresh++;
  }
  log.info('losing bidders notified', { requestId, losers: losers.length, new: fresh });
}
