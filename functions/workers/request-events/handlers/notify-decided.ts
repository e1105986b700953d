import { formatIst, Money, type EscrowMilestone, type EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { deliver } from './notify';

/** What the decision did with the milestone's escrow, in words. */
function outcome(m: EscrowMilestone, currency: Money.Currency): { released: Money.Money; words: string } {
  const released = m.holds.reduce((sum, h) => Money.add(sum, h.released), Money.money(0, currency));
  const returned = m.holds.reduce((sum, h) => Money.add(sum, h.returned), Money.money(0, currency));
  const parts = [
    released.amount > 0 ? `${Money.moneyText(released)} of escrow released to the provider` : '',
    returned.amount > 0 ? `${Money.moneyText(returned)} returned to the programme` : '',
  ].filter(Boolean);
  return { released, words: parts.length ? `${parts.join('; ')}.` : 'No escrow was held for it.' };
}

/**
 * A milestone decided (accepted by the association or automatically, or resolved after a
 * dispute): the provider is told (inbox and mail) what it was paid, the lead association (inbox)
 * what was decided. One inbox item per organisation per event, so a redelivery tells no one twice.
 */
export async function notifyMilestoneDecided(
  event: EventOf<'milestone.decided'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, index, status } = event.payload;
  if (status !== 'accepted' && status !== 'resolved') return;
  const [request, record] = await Promise.all([
    deps.stores.requests.get(event.clusterId, requestId),
    deps.stores.escrow.get(event.clusterId, requestId),
  ]);
  const milestone = record?.milestones[index];
  if (!request || !record || !milestone) {
    log.warn('decided milestone not found; nothing to notify', { requestId, index });
    return;
  }
  const provider = await deps.stores.providers.get(record.providerId);
  const { released, words } = outcome(milestone, record.currency);
  const decidedAt = milestone.resolution?.at ?? milestone.acceptance?.at ?? event.occurredAt;
  const how =
    status === 'resolved'
      ? `was resolved by the cluster admin (${milestone.resolution?.outcome ?? 'decided'})`
      : milestone.acceptance?.automatic
        ? 'was accepted automatically, no answer having come before its deadline'
        : 'was accepted by the association';
  const text = `“${milestone.name}” of “${request.title}” ${how} on ${formatIst(decidedAt)}. ${words}`;
  const kind = status === 'resolved' ? 'milestone.resolved' : 'milestone.accepted';
  if (provider) {
    await deliver(
      {
        event,
        organisationId: provider.id,
        // What the provider acts on is the money: it says so first.
        kind: released.amount > 0 ? 'money.released' : kind,
        requestId,
        title:
          released.amount > 0
            ? `${Money.moneyText(released)} released: ${request.title}`
            : `${status === 'resolved' ? 'Resolved' : 'Accepted'}: ${request.title}`,
        text,
        mailTo: provider.contactEmail ? [provider.contactEmail] : [],
      },
      deps,
      log,
    );
  } else log.warn('provider of a decided milestone not found', { requestId, providerId: record.providerId });
  await deliver(
    {
      event,
      organisationId: record.associationId,
      kind,
      requestId,
      title: `${status === 'resolved' ? 'Resolved' : 'Accepted'}: ${milestone.name}, ${request.title}`,
      text,
      mailTo: [],
    },
    deps,
    log,
  );
}
