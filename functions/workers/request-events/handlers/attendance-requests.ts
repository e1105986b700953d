import { formatIst, type EventOf } from '@bds/core';
import type { AttendanceRequest } from '../../../adapters/dynamo/attendance';
import type { Stores } from '../../../adapters/dynamo/stores';
import { attendanceCode, hashSecret, newSecret } from '../../../adapters/secrets/tokens';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';

/** The portal page a firm answers on; the token rides in the fragment, so it never reaches a server log. */
export const attendanceLink = (portalUrl: string, token: string): string => `${portalUrl}/attend#token=${token}`;

/**
 * A milestone reported (issue 12): each firm the provider listed as attending is asked "Did you
 * attend?" — by a single-use link mailed to it when its register entry has an address, and by a
 * short code its association enters on its behalf otherwise. Idempotent per (milestone, firm):
 * the request is written once (a redelivery reads it back), and its mail goes once — the raw
 * token stays on the request only until the mail is recorded, so a retry after a crash between
 * the two mails the same link (the mail's key stops a second copy).
 */
export async function requestAttendance(
  event: EventOf<'milestone.reported'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const { clusterId } = event;
  const { requestId, index, autoAcceptAt } = event.payload;
  const [request, record] = await Promise.all([
    deps.stores.requests.get(clusterId, requestId),
    deps.stores.escrow.get(clusterId, requestId),
  ]);
  const m = record?.milestones[index];
  const listed = m?.report?.attendedFirmIds ?? [];
  // A milestone reported before firms confirmed has no `attendance`: nobody is asked.
  if (!request || !record || !m?.attendance || listed.length === 0) {
    log.debug('no firm to ask', { requestId, index });
    return;
  }
  const pledged = await pledgedAssociations(deps.stores, clusterId, requestId);
  const refs = listed.flatMap((firmId) => {
    const associationId = pledged.get(firmId);
    return associationId ? [{ firmId, associationId }] : [];
  });
  const [firms, provider] = await Promise.all([
    deps.stores.firms.getMany(clusterId, refs),
    deps.stores.providers.get(record.providerId),
  ]);
  const secret = deps.secret ?? newSecret;
  const expiresAt = Math.floor(Date.parse(autoAcceptAt) / 1000);
  let mailed = 0;
  for (const firm of firms) {
    const token = secret();
    const fresh: AttendanceRequest = {
      clusterId,
      requestId,
      index,
      firmId: firm.id,
      firmName: firm.name,
      associationId: firm.associationId,
      code: attendanceCode(secret()),
      ...(firm.email ? { email: firm.email, tokenHash: hashSecret(token), mailToken: token } : {}),
      expiresAt,
      createdAt: event.occurredAt,
    };
    const stored = await deps.stores.attendance.issue(fresh);
    if (!stored.email || !stored.mailToken || stored.mailedAt) continue;
    await deps.mail.send({
      to: stored.email,
      subject: `Did you attend? ${request.title}`,
      text:
        `${provider?.name ?? 'The provider'} reports that ${stored.firmName} attended “${m.name}” of ` +
        `“${request.title}” (reported ${formatIst(m.report!.at)}). Public money pays the provider only for ` +
        `firms that confirm. Please answer yes or no:\n\n${attendanceLink(deps.portalUrl, stored.mailToken)}\n\n` +
        `The link works once, until ${formatIst(autoAcceptAt)}. If your association asks, your code is ${stored.code}.`,
      idempotencyKey: `attend:${clusterId}:${requestId}:${index}:${firm.id}`,
    });
    await deps.stores.attendance.markMailed(stored, new Date(deps.clock.now()).toISOString());
    mailed++;
  }
  log.debug('firms asked to confirm attendance', { requestId, index, firms: firms.length, mailed });
}

/** The request's pledged firms and their associations (a firm's key names its association). */
async function pledgedAssociations(stores: Stores, clusterId: string, requestId: string): Promise<Map<string, string>> {
  const firms = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await stores.pledges.served(clusterId, requestId, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const p of page.items) firms.set(p.firmId, p.associationId);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return firms;
}
