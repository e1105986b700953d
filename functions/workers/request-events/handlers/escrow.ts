import {
  DomainError,
  LEDGER_ERROR,
  cancelEscrow,
  markHeld,
  openEscrow,
  recordHolds,
  refuseHold,
  settlement,
  type EscrowRecord,
  type EventOf,
  type LedgerCommand,
} from '@bds/core';
import { settleEscrow } from '../../../use-cases/settle-escrow';
import { subsidySplit } from '../../../use-cases/subsidy-split';
import type { Logger } from '../../../observability/logger';
import type { WorkerDeps } from '../deps';

/** Refusals that mean "the pool cannot give this any more": the award's split moved on without it. */
const POOL_REFUSALS: readonly string[] = [LEDGER_ERROR.insufficientFunds, LEDGER_ERROR.accountClosed];
const codeOf = (error: unknown) => (error instanceof DomainError ? error.code : undefined);

/** Carries decided commands to the ledger (replays are harmless; see `settleEscrow`). */
export const settle = (deps: WorkerDeps, commands: readonly LedgerCommand[]) =>
  settleEscrow(deps.stores.ledger, commands);

/** Computes the award's split once and stores it as a `pending` record; a retry finds the stored one. */
async function openOnce(
  event: EventOf<'request.awarded'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<EscrowRecord | undefined> {
  const { requestId } = event.payload;
  const existing = await deps.stores.escrow.get(event.clusterId, requestId);
  if (existing) return existing;
  const [request, cluster, policy] = await Promise.all([
    deps.stores.requests.get(event.clusterId, requestId),
    deps.stores.clusters.get(event.clusterId),
    deps.stores.clusters.getPolicy(event.clusterId),
  ]);
  if (!request?.award || !cluster) {
    log.warn('awarded request not found; nothing to escrow', { requestId });
    return undefined;
  }
  const { award } = request;
  // Stamped in the award's transaction; an award older than the counter, not yet backfilled, is recounted.
  const repeatCount =
    award.repeatCount ??
    (await deps.stores.escrow.earlierAwards({
      clusterId: cluster.id,
      associationId: request.associationId,
      category: request.category,
      awardedAt: award.awardedAt,
      requestId,
    }));
  const { split, programmes } = await subsidySplit(deps, {
    request,
    cluster,
    policy,
    total: award.total,
    awardedAt: award.awardedAt,
    repeatCount,
  });
  const at = new Date(deps.clock.now()).toISOString();
  const opened = openEscrow(
    {
      requestId,
      clusterId: cluster.id,
      providerId: award.providerId,
      associationId: request.associationId,
      category: request.category,
      awardedAt: award.awardedAt,
      milestones: request.milestones,
    },
    split,
    Object.fromEntries(programmes.map((p) => [p.id, p.name])),
    at,
  );
  // Cancelled before its escrow was set up: record that nothing is to be held.
  // The repeat count is kept even when no programme paid: graduation reads it from the record.
  const withCount = { ...opened, repeatCount };
  const record = request.status === 'cancelled' ? cancelEscrow(withCount, at).record : withCount;
  if (await deps.stores.escrow.create(record)) {
    log.info('escrow split fixed', {
      requestId,
      repeatCount,
      subsidy: split.subsidy.amount,
      privateShare: split.privateShare.amount,
      skipped: split.skipped,
    });
    return record;
  }
  return deps.stores.escrow.get(event.clusterId, requestId);
}

/**
 * `request.awarded`: puts the award's subsidy in escrow. The split is computed once and stored
 * FIRST (conditional put), then one hold per milestone and programme is made (idempotent ids),
 * then the record is marked `held`. A hold the pool refuses (a concurrent award took the funds,
 * or the programme closed) is dropped and its amount becomes private share: the split never
 * holds more than the pools gave. Safe to run twice, or alongside a cancellation.
 */
export async function onRequestAwardedEscrow(
  event: EventOf<'request.awarded'>,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  let record = await openOnce(event, deps, log);
  if (!record) return;
  const { clusterId, requestId } = record;
  const now = () => new Date(deps.clock.now()).toISOString();
  if (record.status === 'pending') {
    for (const hold of recordHolds(record)) {
      try {
        await deps.stores.ledger.execute(hold);
      } catch (error) {
        if (!POOL_REFUSALS.includes(codeOf(error) ?? '')) throw error;
        log.warn('hold refused by the pool; its amount becomes private share', {
          requestId,
          holdId: hold.id,
          code: codeOf(error),
        });
        await deps.stores.escrow.change(clusterId, requestId, (r) => ({
          record: refuseHold(r, hold.id, now()),
          result: undefined,
        }));
      }
    }
    record = (
      await deps.stores.escrow.change(clusterId, requestId, (r) =>
        r.status === 'pending' ? { record: markHeld(r, now()), result: undefined } : { result: undefined },
      )
    ).record;
  }
  // A cancellation committed before this read is seen here; one committed after it finds the
  // record, which exists by now, and voids it in its own handler. Either way nothing stays held.
  if (!record.cancelledAt && (await deps.stores.requests.get(clusterId, requestId))?.status === 'cancelled') {
    record = (
      await deps.stores.escrow.change(clusterId, requestId, (r) =>
        r.cancelledAt ? { result: undefined } : { record: cancelEscrow(r, now()).record, result: undefined },
      )
    ).record;
  }
  // What the record decided while the holds were being made (a cancellation), and holds it
  // refused that a racing retry may have made after all: carry both to the ledger.
  const refused = record.refusedHolds.map((id) => ({ kind: 'void' as const, id: `void:${id}`, pendingId: id }));
  await settle(deps, [...(record.cancelledAt ? settlement(record) : []), ...refused]);
  log.info('award escrow in place', { requestId, status: record.status, subsidy: record.subsidy.amount });
}
