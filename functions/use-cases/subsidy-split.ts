import {
  accountId,
  categoryOf,
  computeSubsidy,
  programmeFunds,
  type Cluster,
  type ClusterPolicy,
  type ServiceRequest,
  type SubsidySplit,
} from '@bds/core';
import type { StoredProgramme } from '../adapters/dynamo/programmes';
import type { Money as MoneyModule } from '@bds/core';
import type { UseCaseDeps } from './deps';

type Money = MoneyModule.Money;

/** What a split is computed for: the request, its cluster, and the award's total, time and repeat count. */
export interface SplitInput {
  request: ServiceRequest;
  cluster: Cluster;
  policy: ClusterPolicy | undefined;
  total: Money;
  awardedAt: string;
  repeatCount: number;
}

/**
 * An award's subsidy split as the escrow worker fixes it: every open programme applicable to the
 * cluster in the award's currency, each pool's funds as the ledger holds them now, the category's
 * schedule (innovative or not) at the association's repeat count. The escrow worker stores it; the
 * award preview only shows it, so what the lead confirms is what the worker will hold (unless
 * another award takes the funds in between).
 *
 * @example
 * const { split } = await subsidySplit(deps, { request, cluster, policy, total, awardedAt, repeatCount: 0 });
 */
export async function subsidySplit(
  deps: Pick<UseCaseDeps, 'stores'>,
  input: SplitInput,
): Promise<{ split: SubsidySplit; programmes: StoredProgramme[] }> {
  const { request, cluster, policy, total, awardedAt, repeatCount } = input;
  const programmes = (await deps.stores.programmes.applicable(cluster.id, cluster.state)).filter(
    (p) => p.currency === total.currency,
  );
  const pools = await deps.stores.ledger.accounts(
    programmes.map((p) => accountId({ kind: 'pool', programmeId: p.id })),
  );
  const funds = Object.fromEntries(programmes.map((p, i) => [p.id, programmeFunds(pools[i]!, p.currency)]));
  const innovative = categoryOf(request.category, policy?.customCategories ?? []).innovative;
  const split = computeSubsidy(
    {
      clusterId: cluster.id,
      state: cluster.state,
      category: request.category,
      innovative,
      associationId: request.associationId,
      total,
      awardedAt,
    },
    programmes,
    repeatCount,
    funds,
  );
  return { split, programmes };
}
