import { awardBasis, conflict, notFound, perFirmShare, rankedCandidate, type ServiceRequest } from '@bds/core';
import type { StoredEvaluation } from '../adapters/dynamo/evaluations';
import type { Money as MoneyModule } from '@bds/core';
import type { UseCaseDeps } from './deps';

type Money = MoneyModule.Money;
import { subsidySplit } from './subsidy-split';

/** What awarding one ranked bid would do to the money, as the lead reads it before confirming. */
export interface AwardPreview {
  bidId: string;
  providerId: string;
  providerName: string;
  /** Firms served: the pledged volume the price is read at. */
  volume: number;
  pricePerFirm: Money;
  total: Money;
  subsidy: Money;
  privateShare: Money;
  /** The most one firm pays the provider; `even` when every firm pays just that. */
  perFirm: Money;
  even: boolean;
  /** The programmes that would hold the subsidy in escrow, in the order they apply. */
  contributions: { programmeId: string; programmeName: string; funderName: string; amount: Money }[];
}

/**
 * Awarding `bidId` (the recommendation when left out), computed and not written: the same basis
 * the award checks (`awardBasis`, `rankedCandidate`) and the same split the escrow worker will fix
 * (`subsidySplit`) at the association's current repeat count and today's funds. Nothing is held;
 * another award taking the funds first would change what the worker holds, never what it may hold.
 *
 * @example
 * const preview = await previewAward(deps, await deps.stores.evaluations.withRequest(c, r), bidId);
 */
export async function previewAward(
  deps: UseCaseDeps,
  found: { request: ServiceRequest; evaluation: StoredEvaluation | undefined },
  bidId: string | undefined,
): Promise<AwardPreview> {
  const { request, evaluation } = found;
  const basis = awardBasis(request, evaluation);
  if (basis.split)
    throw conflict('AWARD.SPLIT_NEEDED', 'No single bidder can serve the pledged volume: award a split.');
  const picked = rankedCandidate(basis, bidId);
  const [cluster, policy, repeatCount] = await Promise.all([
    deps.stores.clusters.get(request.clusterId),
    deps.stores.clusters.getPolicy(request.clusterId),
    deps.stores.repeatCounts.read({
      clusterId: request.clusterId,
      associationId: request.associationId,
      category: request.category,
    }),
  ]);
  if (!cluster) throw notFound('CLUSTER.NOT_FOUND', 'No such cluster.');
  const { split, programmes } = await subsidySplit(deps, {
    request,
    cluster,
    policy,
    total: picked.total,
    awardedAt: new Date(deps.clock.now()).toISOString(),
    repeatCount,
  });
  const byId = new Map(programmes.map((p) => [p.id, p]));
  const names = await deps.stores.names.resolve(request.clusterId, [
    picked.providerId,
    ...split.contributions.map((c) => c.funderId),
  ]);
  const { perFirm, even } = perFirmShare(split.privateShare, Math.max(1, basis.volume));
  return {
    bidId: picked.bidId,
    providerId: picked.providerId,
    providerName: names[picked.providerId] ?? '',
    volume: basis.volume,
    pricePerFirm: picked.pricePerFirm,
    total: split.total,
    subsidy: split.subsidy,
    privateShare: split.privateShare,
    perFirm,
    even,
    contributions: split.contributions.map((c) => ({
      programmeId: c.programmeId,
      programmeName: byId.get(c.programmeId)?.name ?? '',
      funderName: names[c.funderId] ?? '',
      amount: c.amount,
    })),
  };
}
