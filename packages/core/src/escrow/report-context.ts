import type { Firm } from '../firm/schema';
import { DEFAULT_SIZE_POLICY, isUnderServed } from '../firm/size';
import { DEFAULT_MILESTONE_AUTO_ACCEPT_DAYS, type ClusterPolicy } from '../identity/cluster-policy';

/** What `reportMilestone` checks a report against and fixes with it. */
export interface ReportContext {
  pledgedFirmIds: ReadonlySet<string>;
  at: string;
  autoAcceptDays: number;
  underServedFirmIds: ReadonlySet<string>;
}

/**
 * The context of a milestone report: the cluster's auto-acceptance wait and size rule (national
 * defaults when the cluster has set no policy), and which of the attending firms are under-served
 * as they stand now. Only pledged firms are judged: a stranger is refused by `reportMilestone`.
 *
 * @example
 * reportContext({ policy: undefined, pledgedFirmIds: new Set(['frm_1']), attendedFirms: [micro], at }).autoAcceptDays
 * // 14
 */
export function reportContext(input: {
  policy: Pick<ClusterPolicy, 'size' | 'milestoneAutoAcceptDays'> | undefined;
  pledgedFirmIds: ReadonlySet<string>;
  attendedFirms: readonly Pick<Firm, 'id' | 'employees' | 'mechanised'>[];
  at: string;
}): ReportContext {
  const { policy, pledgedFirmIds, attendedFirms, at } = input;
  const size = policy?.size ?? DEFAULT_SIZE_POLICY;
  const underServed = attendedFirms.filter((f) => pledgedFirmIds.has(f.id) && isUnderServed(f, size));
  return {
    pledgedFirmIds,
    at,
    autoAcceptDays: policy?.milestoneAutoAcceptDays ?? DEFAULT_MILESTONE_AUTO_ACCEPT_DAYS,
    underServedFirmIds: new Set(underServed.map((f) => f.id)),
  };
}
