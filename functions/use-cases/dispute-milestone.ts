import { disputeMilestone, type Actor, type EscrowRecord } from '@bds/core';
import { deliveryStep, type MilestoneTarget } from './decide-milestone';
import type { UseCaseDeps } from './deps';

/**
 * The lead association disputes a reported milestone: core's `disputeMilestone` on the record as
 * read (the reason's length, who may dispute, which states), written under that record's version;
 * the holds stay until an admin resolves it (`decideMilestone`). The dispute route comes here.
 *
 * @example
 * const record = await disputeDelivery(deps, { clusterId, requestId, index, by: lead, correlationId }, reason);
 */
export async function disputeDelivery(
  deps: UseCaseDeps,
  target: MilestoneTarget & { by: Actor },
  reason: string,
): Promise<EscrowRecord> {
  const { clusterId, requestId, index, by } = target;
  const at = new Date(deps.clock.now()).toISOString();
  const { record } = await deps.stores.escrow.change(
    clusterId,
    requestId,
    (r, request) => {
      const next = disputeMilestone(r, index, by, reason, at);
      return { record: next, request: deliveryStep(deps, by, request, next), result: undefined };
    },
    { withRequest: true },
  );
  return record;
}
