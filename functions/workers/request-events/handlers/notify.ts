import type { EventEnvelope } from '@bds/core';
import { notificationIdFor, type Notification } from '../../../adapters/dynamo/inbox';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';

/** One organisation to tell about one event, and who to mail (maybe no one). */
export interface Delivery {
  event: EventEnvelope;
  organisationId: string;
  kind: Notification['kind'];
  title: string;
  text: string;
  requestId?: string;
  mailTo: readonly string[];
}

/** The portal page of a request. */
export const requestLink = (deps: Pick<WorkerDeps, 'portalUrl'>, clusterId: string, requestId: string): string =>
  `${deps.portalUrl}/clusters/${encodeURIComponent(clusterId)}/requests/${encodeURIComponent(requestId)}`;

/**
 * Puts the notification in the organisation's inbox (keyed by event and organisation, so a
 * redelivery writes nothing new) and mails it once: the inbox item records `mailedAt` after the
 * mail, so a redelivery after success sends nothing, one after a crash between the put and the
 * mail sends it then, and the mail's idempotency key stops a second send after a crash between
 * the mail and `mailedAt`. Returns whether the inbox item was new.
 *
 * @example
 * await deliver({ event, organisationId: providerId, kind: 'request.awarded', title, text, mailTo: [email] }, deps,
 * log);
 */
export async function deliver(d: Delivery, deps: WorkerDeps, log: Logger): Promise<boolean> {
  const link = d.requestId ? requestLink(deps, d.event.clusterId, d.requestId) : undefined;
  const notification: Notification = {
    id: notificationIdFor(d.event),
    organisationId: d.organisationId,
    kind: d.kind,
    title: d.title,
    text: d.text,
    clusterId: d.event.clusterId,
    eventId: d.event.id,
    createdAt: d.event.occurredAt,
    ...(d.requestId ? { requestId: d.requestId } : {}),
    ...(link ? { link } : {}),
  };
  const { written, stored } = await deps.stores.inbox.put(notification);
  if (d.mailTo.length > 0 && !stored.mailedAt) {
    for (const to of d.mailTo) {
      // Keyed by notification and recipient: a retry after a crash between this send and
      // `markMailed` below does not mail twice (exactly locally; see MailMessage.idempotencyKey for SES).
      await deps.mail.send({
        to,
        subject: d.title,
        text: link ? `${d.text}\n\n${link}` : d.text,
        idempotencyKey: `${notification.id}:${d.organisationId}:${to.toLowerCase()}`,
      });
    }
    await deps.stores.inbox.markMailed(d.organisationId, notification.id, new Date(deps.clock.now()).toISOString());
  }
  log.debug(written ? 'notified' : 'already notified', {
    organisationId: d.organisationId,
    kind: d.kind,
    mailed: d.mailTo.length,
  });
  return written;
}
