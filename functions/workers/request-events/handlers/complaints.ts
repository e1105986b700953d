import type { EventOf } from '@bds/core';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { deliver } from './notify';

/**
 * `complaint.filed`: the cluster's admins (inbox: a complaint to decide), the lead association
 * (inbox: the award is blocked) and the complainant (inbox and mail: received). Each delivery is
 * keyed by event and organisation, so a redelivery adds nothing.
 */
export async function notifyComplaintFiled(
  event: EventOf<'complaint.filed'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, complaintId, providerId } = event.payload;
  const [request, provider, complaints] = await Promise.all([
    deps.stores.requests.get(event.clusterId, requestId),
    deps.stores.providers.get(providerId),
    deps.stores.complaints.forRequest(event.clusterId, requestId),
  ]);
  const complaint = complaints.find((c) => c.id === complaintId);
  if (!request || !complaint) return log.warn('complaint or request not found; nothing to notify', { complaintId });
  const who = provider?.name ?? 'A bidder';
  const parties = [
    {
      organisationId: request.clusterId,
      title: `Complaint to decide: ${request.title}`,
      text:
        `${who} contests the ranking of “${request.title}”: ${complaint.reason} ` +
        'The award is blocked until you dismiss or uphold the complaint.',
      mailTo: [],
    },
    {
      organisationId: request.associationId,
      title: `Award blocked: ${request.title}`,
      text:
        `A bidder filed a complaint against the ranking of “${request.title}”. ` +
        'The award is blocked until the cluster admin decides it.',
      mailTo: [],
    },
    {
      organisationId: providerId,
      title: `Complaint received: ${request.title}`,
      text:
        `Your complaint against the ranking of “${request.title}” is filed. The award waits until the cluster ` +
        'admin decides it; you will be told the decision.',
      mailTo: provider?.contactEmail ? [provider.contactEmail] : [],
    },
  ];
  for (const p of parties) await deliver({ event, kind: 'complaint.filed', requestId, ...p }, deps, log);
}

/** What the decision means, in words, for the parties. */
function consequence(event: EventOf<'complaint.decided'>, stillOpen: number): string {
  const { outcome, remedy } = event.payload;
  if (outcome === 'dismissed')
    return stillOpen > 0
      ? 'The ranking stands; another complaint is still open, so the award still waits.'
      : 'The ranking stands and the award may go ahead once the stand-still is over.';
  return remedy === 'cancel'
    ? 'The request is cancelled; any money held for it returns to its programmes.'
    : 'The bids are being evaluated again: each bidder will see its new rank, and a new stand-still starts.';
}

/**
 * `complaint.decided`: the complainant (inbox and mail) and the lead association (inbox) hear the
 * decision and its reason; when the request is cancelled, every other bidder hears it too (inbox
 * and mail). A re-evaluation's new ranking reaches the bidders through `request.standstill_started`.
 */
export async function notifyComplaintDecided(
  event: EventOf<'complaint.decided'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { requestId, complaintId, providerId, outcome, remedy } = event.payload;
  const [{ request, evaluation }, complaints] = await Promise.all([
    deps.stores.evaluations.withRequest(event.clusterId, requestId),
    deps.stores.complaints.forRequest(event.clusterId, requestId),
  ]);
  const complaint = complaints.find((c) => c.id === complaintId);
  if (!request || !complaint) return log.warn('complaint or request not found; nothing to notify', { complaintId });
  const verdict = outcome === 'dismissed' ? 'dismissed' : 'upheld';
  const reason = complaint.decision?.reason ?? '';
  const stillOpen = complaints.filter((c) => c.status === 'open').length;
  const text =
    `The cluster admin ${verdict} the complaint on “${request.title}”: ${reason} ` + consequence(event, stillOpen);
  const title = `Complaint ${verdict}: ${request.title}`;
  const bidders =
    outcome === 'upheld' && remedy === 'cancel'
      ? [...new Set([...(evaluation?.ranking ?? []), ...(evaluation?.invalid ?? [])].map((b) => b.providerId))]
      : [];
  const providerIds = [providerId, ...bidders.filter((p) => p !== providerId)];
  const providers = await deps.stores.providers.getMany(providerIds);
  for (const [i, id] of providerIds.entries()) {
    const email = providers[i]?.contactEmail;
    await deliver(
      { event, organisationId: id, kind: 'complaint.decided', requestId, title, text, mailTo: email ? [email] : [] },
      deps,
      log,
    );
  }
  await deliver(
    { event, organisationId: request.associationId, kind: 'complaint.decided', requestId, title, text, mailTo: [] },
    deps,
    log,
  );
}
