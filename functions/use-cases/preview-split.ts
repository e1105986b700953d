import { Money as M, notFound, perFirmShare, priceParts, type ServiceRequest, type SplitAward } from '@bds/core';
import type { StoredEvaluation } from '../adapters/dynamo/evaluations';
import { planRequestSplit, type SplitChoice } from './award-split';
import type { UseCaseDeps } from './deps';
import { subsidySplit } from './subsidy-split';

type Money = M.Money;

/** One contract of a split as it would be: its provider, firms, price and money. */
export interface SplitPreviewContract {
  bidId: string;
  providerId: string;
  providerName: string;
  firms: number;
  pricePerFirm: Money;
  total: Money;
  subsidy: Money;
  privateShare: Money;
  perFirm: Money;
  even: boolean;
}

/** A split award as the lead reads it before confirming: every contract and the sums. */
export interface SplitPreview {
  strategy: SplitAward['strategy'];
  volume: number;
  total: Money;
  subsidy: Money;
  privateShare: Money;
  contracts: SplitPreviewContract[];
}

/**
 * A split award computed and not written: the same parts the award makes (`planRequestSplit`), each
 * contract's subsidy by the shared split (`subsidySplit`) at the association's current repeat count
 * (one count for the whole split, as the award stamps it) and today's funds. Contracts draw on the
 * same pools in turn at award time; a pool short of both is shown whole here and the worker's holds
 * decide (a refused hold becomes private share).
 *
 * @example
 * const preview = await previewSplit(deps, found, {});
 */
export async function previewSplit(
  deps: UseCaseDeps,
  found: { request: ServiceRequest; evaluation: StoredEvaluation | undefined },
  choice: SplitChoice,
): Promise<SplitPreview> {
  const { request } = found;
  const { candidates, parts, strategy, basis } = await planRequestSplit(deps, found, choice);
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
  const priced = priceParts(candidates, parts);
  const names = await deps.stores.names.resolve(
    request.clusterId,
    priced.map((p) => p.candidate.providerId),
  );
  const awardedAt = new Date(deps.clock.now()).toISOString();
  const contracts = await Promise.all(
    priced.map(async (p) => {
      const { split } = await subsidySplit(deps, {
        request,
        cluster,
        policy,
        total: p.quote.total,
        awardedAt,
        repeatCount,
      });
      return {
        bidId: p.bidId,
        providerId: p.candidate.providerId,
        providerName: names[p.candidate.providerId] ?? '',
        firms: p.firms,
        pricePerFirm: p.quote.pricePerFirm,
        total: split.total,
        subsidy: split.subsidy,
        privateShare: split.privateShare,
        ...perFirmShare(split.privateShare, p.firms),
      };
    }),
  );
  const zero = M.money(0, request.currency);
  const sum = (f: (c: SplitPreviewContract) => Money) => contracts.reduce((s, c) => M.add(s, f(c)), zero);
  return {
    strategy,
    volume: basis.volume,
    total: sum((c) => c.total),
    subsidy: sum((c) => c.subsidy),
    privateShare: sum((c) => c.privateShare),
    contracts,
  };
}
