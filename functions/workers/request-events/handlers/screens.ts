import type { EventOf } from '@bds/core';
import { recomputeClusterScreens } from '../../../use-cases/screens';
import type { Logger } from '../../../observability/logger';
import type { BatchHandler, WorkerDeps } from '../deps';
import { onRequestsClosed } from './matching';

/** Recomputes one cluster's screens and logs what they found. */
async function screen(clusterId: string, deps: WorkerDeps, log: Logger): Promise<void> {
  const result = await recomputeClusterScreens(deps, clusterId);
  log.info('screens recomputed', { clusterId, requests: result.requests, flags: result.flags.length });
}

/**
 * `request.closed`, a batch at a time: matching first (`onRequestsClosed`), then the collusion
 * screens of each cluster in the batch, over the state matching left. A cluster whose screens
 * fail fails its events: the retry finds them matched (skipped) and screens again; the result is
 * replaced whole, so a repeat writes the same item.
 */
export const onRequestsClosedThenScreen: BatchHandler<'request.closed'> = async (events, deps, log) => {
  const { failedEventIds } = await onRequestsClosed(events, deps, log);
  const failed = new Set(failedEventIds);
  for (const clusterId of new Set(events.map((e) => e.clusterId))) {
    try {
      await screen(clusterId, deps, log.child({ clusterId }));
    } catch (error) {
      log.error('screens failed; the events will be retried', { clusterId, error });
      for (const e of events) if (e.clusterId === clusterId) failed.add(e.id);
    }
  }
  return { failedEventIds: [...failed] };
};

/**
 * `request.awarded` (the winner and the awarded value change the share and rotation screens) and
 * `complaint.decided` (an upheld complaint re-ranks): the cluster's screens again.
 */
export async function rescreen(
  event: EventOf<'request.awarded'> | EventOf<'complaint.decided'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  await screen(event.clusterId, deps, log);
}
