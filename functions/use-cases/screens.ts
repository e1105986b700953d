import { auditEntry, notFound, providerShareThresholdBp, runScreens, type Actor } from '@bds/core';
import type { ScreenReview, StoredScreens } from '../adapters/dynamo/screens';
import type { UseCaseDeps } from './deps';

/**
 * Runs the collusion and capture screens over a cluster's ranked requests and stores the result
 * whole. The same state gives the same result, so the worker may run it once per closed or
 * awarded request, repeatedly, in any order.
 *
 * @example
 * const result = await recomputeClusterScreens(deps, clusterId);
 */
export async function recomputeClusterScreens(
  deps: Pick<UseCaseDeps, 'stores'>,
  clusterId: string,
): Promise<StoredScreens> {
  const [{ requests, basis }, policy] = await Promise.all([
    deps.stores.screens.inputs(clusterId),
    deps.stores.clusters.getPolicy(clusterId),
  ]);
  const flags = runScreens(requests, { providerShareThresholdBp: providerShareThresholdBp(policy ?? {}) });
  const result: StoredScreens = { clusterId, flags, requests: requests.length, basis };
  await deps.stores.screens.save(result);
  return result;
}

/**
 * An admin marks a flag reviewed with a note (a later review replaces it; the audit trail keeps
 * each). The review remembers the evidence it saw, so new evidence shows as not yet reviewed.
 *
 * @example
 * await reviewScreenFlag(deps, actor, clusterId, 'scr_…', 'Both institutes share a director; referred to SIDBI.');
 */
export async function reviewScreenFlag(
  deps: UseCaseDeps,
  actor: Actor,
  clusterId: string,
  flagId: string,
  note: string,
): Promise<ScreenReview> {
  const { result, reviews } = await deps.stores.screens.get(clusterId);
  const flag = result?.flags.find((f) => f.id === flagId);
  if (!flag) throw notFound('SCREEN.NOT_FOUND', 'No such screen flag in this cluster.');
  const review: ScreenReview = {
    clusterId,
    flagId,
    note,
    reviewedBy: actor.userId,
    reviewedAt: new Date(deps.clock.now()).toISOString(),
    evidenceHash: flag.evidenceHash,
  };
  const before = reviews.find((r) => r.flagId === flagId);
  const entry = auditEntry(
    actor,
    'screen.reviewed',
    // The cluster is the subject (a flag id means nothing to a reader); the flag is named by what it is about.
    clusterId,
    {
      clusterId,
      ...(before ? { before: { note: before.note } } : {}),
      after: { screen: flag.kind, category: flag.category, providers: flag.providerIds, note },
    },
    deps,
  );
  await deps.stores.screens.review(review, entry);
  return review;
}
