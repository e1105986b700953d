import { Money, type EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { activityIdFor } from './request-opened';

/**
 * A request awarded: the cluster's feed says to whom, for how much, and what subsidy is held. Runs
 * after the escrow handler, so the held amount is the record's. Keyed by the event: written once.
 * The line names its request, so the feed shows it only to those who may read that request.
 */
export async function recordAwardActivity(
  event: EventOf<'request.awarded'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, providerId, total } = event.payload;
  const [request, provider, record] = await Promise.all([
    deps.stores.requests.get(event.clusterId, requestId),
    deps.stores.providers.get(providerId),
    deps.stores.escrow.get(event.clusterId, requestId),
  ]);
  const held =
    record && record.subsidy.amount > 0 ? `; ${Money.moneyText(record.subsidy)} of subsidy held in escrow` : '';
  const outcome = await deps.stores.activity.append({
    id: activityIdFor(event),
    clusterId: event.clusterId,
    at: event.occurredAt,
    kind: 'request.awarded',
    message:
      `Request “${request?.title ?? requestId}” awarded to ${provider?.name ?? 'a provider'} ` +
      `for ${Money.moneyText(total)}${held}.`,
    requestId,
    correlationId: event.correlationId,
  });
  log.debug(outcome === 'written' ? 'award in the activity feed' : 'award already in the feed', { requestId });
}

/** A milestone decided: the cluster's feed says how it was decided and what was released. Written once. */
export async function recordDecisionActivity(
  event: EventOf<'milestone.decided'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, index, status } = event.payload;
  const [request, record] = await Promise.all([
    deps.stores.requests.get(event.clusterId, requestId),
    deps.stores.escrow.get(event.clusterId, requestId),
  ]);
  const milestone = record?.milestones[index];
  if (!record || !milestone) {
    log.warn('decided milestone not found; no activity', { requestId, index });
    return;
  }
  const released = milestone.holds.reduce((sum, h) => sum + h.released.amount, 0);
  const provider = await deps.stores.providers.get(record.providerId);
  const amount = Money.moneyText({ amount: released, currency: record.currency });
  const money = released > 0 ? `: ${amount} released to ${provider?.name ?? 'the provider'}` : '';
  const outcome = await deps.stores.activity.append({
    id: activityIdFor(event),
    clusterId: event.clusterId,
    at: event.occurredAt,
    kind: 'milestone.decided',
    message: `“${milestone.name}” of “${request?.title ?? requestId}” ${status}${money}.`,
    requestId,
    correlationId: event.correlationId,
  });
  log.debug(outcome === 'written' ? 'decision in the activity feed' : 'decision already in the feed', {
    requestId,
    index,
  });
}
