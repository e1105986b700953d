import {
  DomainError,
  auditEntry,
  awardBasis,
  awardSplit,
  newEvent,
  splitParts,
  type Actor,
  type AwardBasis,
  type EventOf,
  type ServiceRequest,
  type SplitCandidate,
  type SplitPart,
} from '@bds/core';
import type { StoredEvaluation } from '../adapters/dynamo/evaluations';
import { repeatCountBump } from '../adapters/dynamo/repeat-counts';
import type { UseCaseDeps } from './deps';

/** The association's own split (then a reason is required), or the rule's when left out. */
export interface SplitChoice {
  parts?: SplitPart[] | undefined;
  reason?: string | undefined;
}

type Found = { request: ServiceRequest; evaluation: StoredEvaluation | undefined };

/**
 * The ranked bids a split may use, with their capacity (from the split ranking) and price curve
 * (from the bids, read consistently): what core's split rules need.
 */
export async function splitCandidates(
  deps: UseCaseDeps,
  request: ServiceRequest,
  basis: AwardBasis,
): Promise<SplitCandidate[]> {
  const bids = await deps.stores.bids.allForRequest(request.clusterId, request.id);
  return basis.ranking.flatMap((r) => {
    const bid = bids.find((b) => b.id === r.bidId);
    const capacity = (r as { capacity?: number }).capacity ?? bid?.capacity;
    return bid && capacity
      ? [{ bidId: r.bidId, providerId: r.providerId, rank: r.rank, capacity, priceTiers: bid.priceTiers }]
      : [];
  });
}

/** The parts a split would make on this request as read (the rule's, or the association's own checked). */
export async function planRequestSplit(deps: UseCaseDeps, found: Found, choice: SplitChoice) {
  const basis = awardBasis(found.request, found.evaluation);
  const candidates = await splitCandidates(deps, found.request, basis);
  return { basis, candidates, ...splitParts(basis, candidates, choice.parts) };
}

/** Every pledge of the request (firm and time): the firms a split deals out. */
async function allPledges(deps: UseCaseDeps, request: ServiceRequest) {
  const out: { firmId: string; pledgedAt: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.stores.pledges.list(request.clusterId, request.id, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items.map((p) => ({ firmId: p.firmId, pledgedAt: p.pledgedAt })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/**
 * Awards a split (issue 13): core's `awardSplit` on the request, its split ranking, its bids and
 * pledges as read; then, in one transaction guarded by the request's version and the association's
 * repeat count, the request's transition, each contract's request (`attribute_not_exists`), the audit
 * entry (`request.split_awarded`, with the reason of a custom split), one `request.awarded` per
 * contract (its escrow and notices, as any award's) and the repeat count advanced once: a split is
 * one award for the subsidy's taper, so every contract is stamped with the same count. 3 tries when
 * another award moves the count.
 *
 * @example
 * const { next, contracts } = await makeSplitAward(deps, found, actor, {}, correlationId);
 */
export async function makeSplitAward(
  deps: UseCaseDeps,
  found: Found,
  by: Actor,
  choice: SplitChoice,
  correlationId: string,
): Promise<{ next: ServiceRequest; contracts: ServiceRequest[]; events: EventOf<'request.awarded'>[] }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await splitOnce(deps, found, by, choice, correlationId);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof DomainError) || error.code !== 'REQUEST.COUNTER_MOVED') throw error;
    }
  }
}

async function splitOnce(deps: UseCaseDeps, found: Found, by: Actor, choice: SplitChoice, correlationId: string) {
  const { request, evaluation } = found;
  const key = { clusterId: request.clusterId, associationId: request.associationId, category: request.category };
  const basis = awardBasis(request, evaluation);
  const [repeatCount, candidates, pledges] = await Promise.all([
    deps.stores.repeatCounts.read(key),
    splitCandidates(deps, request, basis),
    allPledges(deps, request),
  ]);
  const contractIds = Array.from({ length: Math.max(2, choice.parts?.length ?? candidates.length) }, () =>
    deps.ids.next('request'),
  );
  const { next, contracts } = awardSplit(
    request,
    {
      basis,
      candidates,
      parts: choice.parts,
      reason: choice.reason,
      awardedBy: by.userId,
      pledges,
      contractIds,
      repeatCount,
    },
    deps.clock,
  );
  const split = next.splitAward!;
  const entry = auditEntry(
    by,
    'request.split_awarded',
    request.id,
    {
      clusterId: request.clusterId,
      before: { status: request.status, recommendedBidId: basis.recommended.bidId },
      after: {
        status: next.status,
        strategy: split.strategy,
        total: split.total,
        contracts: split.contracts.map((c) => ({
          requestId: c.requestId,
          providerId: c.providerId,
          firms: c.volume,
          total: c.total,
        })),
      },
      ...(split.reason ? { reason: split.reason } : {}),
    },
    deps,
  );
  const events = contracts.map((c) =>
    newEvent(
      'request.awarded',
      {
        requestId: c.id,
        bidId: c.award!.bidId,
        providerId: c.award!.providerId,
        total: c.award!.total,
        category: c.category,
        leadAssociationId: c.associationId,
        awardedAt: c.award!.awardedAt,
      },
      { id: deps.ids.next('event'), clusterId: c.clusterId, occurredAt: c.award!.awardedAt, correlationId },
    ),
  );
  await deps.stores.requests.awardSplit(
    next,
    request.version,
    entry,
    contracts,
    events,
    repeatCountBump(deps.stores.db.table, key, repeatCount),
  );
  return { next, contracts, events };
}
