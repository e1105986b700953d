import {
  DomainError,
  auditEntry,
  deliveryProgress,
  milestoneDecided,
  settlement,
  type Actor,
  type EscrowRecord,
  type LedgerCommand,
} from '@bds/core';
import type { RequestStep } from '../adapters/dynamo/escrow';
import type { StoredRequest } from '../adapters/dynamo/requests';
import type { UseCaseDeps } from './deps';
import { settleEscrow } from './settle-escrow';
import { syncDelivery } from './sync-delivery';

/** A decision core made on the record: the next record and the ledger commands it implies. */
export interface MilestoneDecision {
  record: EscrowRecord;
  commands: readonly LedgerCommand[];
}

/** Which milestone, and who decides: a person (audited) or the system (auto-acceptance, not audited). */
export interface MilestoneTarget {
  clusterId: string;
  requestId: string;
  index: number;
  by: Actor | undefined;
  correlationId: string;
}

/**
 * The request's transition a changed record implies (first report → `in_delivery`, last
 * decision → `completed`), to commit with the record, audited when a person made the change;
 * none when the request is already there, has ended, or could not be read.
 *
 * @example
 * return { record: next, request: deliveryStep(deps, actor, request, next), result: undefined };
 */
export function deliveryStep(
  deps: UseCaseDeps,
  by: Actor | undefined,
  request: StoredRequest | undefined,
  record: EscrowRecord,
): RequestStep | undefined {
  const next = request && deliveryProgress(request, record, deps.clock);
  if (!request || !next) return undefined;
  if (!by) return { next, expectedVersion: request.version };
  const detail = { clusterId: request.clusterId, before: { status: request.status }, after: { status: next.status } };
  return {
    next,
    expectedVersion: request.version,
    audit: auditEntry(by, `request.${next.status}`, request.id, detail, deps),
  };
}

/**
 * Decides a milestone (accept, resolve, auto-accept) and carries the decision to the ledger; the
 * decision that closes the last milestone completes the request in the same transaction. The
 * API's accept and resolve and the worker's auto-acceptance all come here.
 *
 * When there is nothing to decide (`decide` returns undefined: already answered, not due), or
 * another writer decided first (`MILESTONE.ALREADY_DECIDED`, rethrown), what the record says is
 * settled again and the request synced: transfers replay by their derived ids, so a decider that
 * died between its writes cannot leave money held that the record says is released.
 *
 * @example
 * const { record } = await decideMilestone(deps, { clusterId, requestId, index, by: actor }, (r) => acceptMilestone(r,
 * index, actor, at));
 */
export async function decideMilestone(
  deps: UseCaseDeps,
  target: MilestoneTarget,
  decide: (record: EscrowRecord) => MilestoneDecision | undefined,
): Promise<{ record: EscrowRecord; decided: boolean; requestStatus?: string | undefined }> {
  const { clusterId, requestId, index, by, correlationId } = target;
  try {
    const { result, record } = await deps.stores.escrow.change(
      clusterId,
      requestId,
      (r, request) => {
        const decision = decide(r);
        if (!decision) return { result: undefined };
        const step = deliveryStep(deps, by, request, decision.record);
        // The indicators count the decision from the stored record; the event rides with it.
        const decided = milestoneDecided({
          id: deps.ids.next('event'),
          clusterId,
          requestId,
          index,
          at: decision.record.updatedAt,
          correlationId,
          status: decision.record.milestones[index]!.status,
        });
        const result = { commands: decision.commands, status: step?.next.status };
        return { record: decision.record, events: [decided], request: step, result };
      },
      { withRequest: true },
    );
    if (result) {
      await settleEscrow(deps.stores.ledger, result.commands);
      return { record, decided: true, requestStatus: result.status };
    }
    const synced = await catchUp(deps, target);
    return { record, decided: false, requestStatus: synced?.status };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'MILESTONE.ALREADY_DECIDED') await catchUp(deps, target);
    throw error;
  }
}

/** Settles what the stored record says of the milestone and moves the request to match. */
async function catchUp(deps: UseCaseDeps, target: MilestoneTarget) {
  const record = await deps.stores.escrow.get(target.clusterId, target.requestId);
  if (record) await settleEscrow(deps.stores.ledger, settlement(record, target.index));
  return syncDelivery(deps.stores, target.clusterId, target.requestId, deps.clock);
}
