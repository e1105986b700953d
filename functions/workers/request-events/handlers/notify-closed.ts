import type { EventOf } from '@bds/core';
import type { ClosedRequest } from '../../../adapters/dynamo/matching-runs';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';
import { deliver } from './notify';

/**
 * A request closed (and, when ranked, matched): its lead association is told the ranking is
 * ready, or why the request ended unsuccessful. Associations have no contact address, so the
 * mail goes to the person who closed it when that is a rep of the lead association.
 */
export async function notifyRequestClosed(
  event: EventOf<'request.closed'>,
  closed: ClosedRequest | undefined,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const request = closed?.request;
  const evaluation = closed?.evaluation;
  if (!request || !evaluation) {
    log.warn('closed request or its evaluation not found; nothing to notify', { requestId: closed?.requestId });
    return;
  }
  const closer = await deps.stores.users.byId(evaluation.evaluatedBy);
  const mailTo =
    closer && !closer.disabled && closer.role === 'association_rep' && closer.organisationId === request.associationId
      ? [closer.email]
      : [];
  const ranked = evaluation.outcome === 'ranked';
  const adjusted = closed.matching?.capacityAdjusted
    ? ' The recommendation was adjusted to what the providers can still take on.'
    : '';
  await deliver(
    {
      event,
      organisationId: request.associationId,
      requestId: request.id,
      kind: ranked ? 'ranking.ready' : 'request.unsuccessful',
      title: ranked ? `Ranking ready: ${request.title}` : `Unsuccessful: ${request.title}`,
      text: ranked
        ? `The ${evaluation.ranking.length} valid bid${evaluation.ranking.length === 1 ? '' : 's'} ` +
          `on “${request.title}” are ranked.${adjusted} Confirm the award in the portal.`
        : `“${request.title}” closed without an award: ${evaluation.reason ?? 'no valid bid'}.`,
      mailTo,
    },
    deps,
    log,
  );
}
