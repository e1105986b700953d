import { newEvent, reportContext, reportMilestone, type Actor, type EscrowRecord } from '@bds/core';
import type { Stores } from '../adapters/dynamo/stores';
import { deliveryStep, type MilestoneTarget } from './decide-milestone';
import type { UseCaseDeps } from './deps';

/** What the awarded provider says of a delivered milestone. */
export interface MilestoneReport {
  evidence: string;
  attendedFirmIds?: readonly string[] | undefined;
}

/**
 * The awarded provider reports a milestone delivered: reads the cluster's policy, the request's
 * pledged firms and the attending firms as they stand now; core's `reportContext` and
 * `reportMilestone` decide; the record, the `milestone.reported` event (which schedules the
 * auto-acceptance) and, on the first report, the request's step to `in_delivery` (audited) are
 * written together. The report route comes here.
 *
 * @example
 * const target = { clusterId, requestId, index, by: provider, correlationId };
 * const record = await reportDelivered(deps, target, { evidence, attendedFirmIds });
 */
export async function reportDelivered(
  deps: UseCaseDeps,
  target: MilestoneTarget & { by: Actor },
  report: MilestoneReport,
): Promise<EscrowRecord> {
  const { clusterId, requestId, index, by, correlationId } = target;
  const attended = [...new Set(report.attendedFirmIds ?? [])];
  const [policy, pledged] = await Promise.all([
    deps.stores.clusters.getPolicy(clusterId),
    pledgedFirms(deps.stores, clusterId, requestId, attended),
  ]);
  const refs = attended.flatMap((firmId) => {
    const associationId = pledged.get(firmId);
    return associationId ? [{ firmId, associationId }] : [];
  });
  const attendedFirms = await deps.stores.firms.getMany(clusterId, refs);
  const at = new Date(deps.clock.now()).toISOString();
  const ctx = reportContext({ policy, pledgedFirmIds: new Set(pledged.keys()), attendedFirms, at });
  const { record } = await deps.stores.escrow.change(
    clusterId,
    requestId,
    (r, request) => {
      const next = reportMilestone(r, index, by, report, ctx);
      const autoAcceptAt = next.milestones[index]!.autoAcceptAt!;
      const event = newEvent(
        'milestone.reported',
        { requestId, index, autoAcceptAt },
        { id: deps.ids.next('event'), clusterId, occurredAt: at, correlationId },
      );
      return { record: next, events: [event], request: deliveryStep(deps, by, request, next), result: undefined };
    },
    { withRequest: true },
  );
  return record;
}

/** The request's pledged firms (firm → its association), read only when the report names attendees. */
async function pledgedFirms(
  stores: Stores,
  clusterId: string,
  requestId: string,
  attended: readonly string[],
): Promise<Map<string, string>> {
  const firms = new Map<string, string>();
  if (attended.length === 0) return firms;
  let cursor: string | undefined;
  do {
    const page = await stores.pledges.served(clusterId, requestId, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const p of page.items) firms.set(p.firmId, p.associationId);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return firms;
}
