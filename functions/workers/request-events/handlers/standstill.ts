import { Money, bidderView, formatIst, newEvent, standstillTrigger, type EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { deliver } from './notify';

/** One schedule per request: a re-ranking's stand-still moves it. */
export const standstillScheduleName = (requestId: string): string => `standstill:${requestId}`;

/**
 * `request.standstill_started`: arms the one-time schedule that delivers `request.standstill_ended`
 * at the end. The trigger's id is derived from this event's, so a redelivery arms the same trigger.
 */
export async function armStandstill(
  event: EventOf<'request.standstill_started'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, endsAt } = event.payload;
  // A re-evaluation (an upheld complaint) starts another stand-still on the same schedule: only the stored one is
  // armed, so events delivered out of order leave the schedule at the latest end.
  const request = await deps.stores.requests.get(event.clusterId, requestId);
  if (request?.standstillEndsAt !== endsAt) return log.info('stand-still superseded; not armed', { requestId, endsAt });
  const trigger = newEvent(
    'request.standstill_ended',
    { requestId, endsAt },
    {
      id: `evt_still_${event.id.slice(event.id.indexOf('_') + 1)}`,
      clusterId: event.clusterId,
      occurredAt: endsAt,
      correlationId: event.correlationId,
    },
  );
  await deps.scheduler.at(standstillScheduleName(requestId), endsAt, trigger);
  log.info('stand-still scheduled', { requestId, endsAt });
}

/**
 * `request.standstill_started`: each bidder hears its own rank and score, the winning price and the
 * number of bids (core's `bidderView`), and until when it may complain. Inbox and mail, once per bidder.
 */
export async function notifyRankingPublished(
  event: EventOf<'request.standstill_started'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, endsAt } = event.payload;
  const { request, evaluation } = await deps.stores.evaluations.withRequest(event.clusterId, requestId);
  if (!request || !evaluation) return log.warn('ranked request not found; nothing to publish', { requestId });
  // A ranking superseded by a re-evaluation before this ran is not published: the new one is, by its own event.
  if (request.standstillEndsAt !== endsAt) return log.info('ranking superseded; not published', { requestId, endsAt });
  const providers = [...new Set([...evaluation.ranking, ...evaluation.invalid].map((b) => b.providerId))];
  for (const providerId of providers) {
    const view = bidderView(evaluation, request.weights, providerId);
    const provider = await deps.stores.providers.get(providerId);
    if (!view || !provider) continue;
    const standing =
      view.mine.status === 'ranked'
        ? `Your bid is ranked ${view.mine.rank} of ${view.bids} with ${(view.mine.score / 100).toFixed(2)} points.`
        : `Your bid was not ranked: ${view.mine.detail}.`;
    const winning = view.winning
      ? ` The recommended price is ${Money.moneyText(view.winning.pricePerFirm)} a firm.`
      : '';
    await deliver(
      {
        event,
        organisationId: providerId,
        kind: 'ranking.published',
        requestId,
        title: `Ranking published: ${request.title}`,
        text:
          `${standing}${winning} Until ${formatIst(endsAt)} you may file a complaint on the request's page; ` +
          'the award waits until then.',
        mailTo: provider.contactEmail ? [provider.contactEmail] : [],
      },
      deps,
      log,
    );
  }
}

/**
 * `request.standstill_ended`: early (re-armed with the same event, so its notification stays one),
 * due (the lead association hears it may award), or stale (awarded, cancelled, re-ranked: nothing).
 * The award itself checks the clock against the stored end, so no trigger can open it early.
 */
export async function onStandstillEnded(
  event: EventOf<'request.standstill_ended'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, endsAt } = event.payload;
  const request = await deps.stores.requests.get(event.clusterId, requestId);
  const decision = standstillTrigger(request, endsAt, deps.clock.now());
  if (decision === 'ignore' || !request) return log.info('stand-still trigger is stale; nothing to do', { requestId });
  if (decision === 'rearm') {
    await deps.scheduler.at(standstillScheduleName(requestId), endsAt, event);
    return log.info('stand-still triggered early; re-armed', { requestId, endsAt });
  }
  const complaint =
    (request.openComplaints ?? 0) > 0 ? ' A complaint is still open: the award waits for its decision.' : '';
  await deliver(
    {
      event,
      organisationId: request.associationId,
      kind: 'standstill.ended',
      requestId,
      title: `Stand-still over: ${request.title}`,
      text:
        `The stand-still of “${request.title}” ended on ${formatIst(endsAt)}.` +
        (complaint || ' You may award it now.'),
      mailTo: [],
    },
    deps,
    log,
  );
  log.info('stand-still ended', { requestId, endsAt });
}
