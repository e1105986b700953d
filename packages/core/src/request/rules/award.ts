import type { Clock } from '../../clock';
import { conflict, invalid } from '../../errors';
import type { Money } from '../../money';
import type { ServiceRequest } from '../schema';
import { requireReason } from './lifecycle';
import { applyTransition, isoNow } from './apply';
import { assertMayAward } from './standstill';
import { assertTransition } from './transitions';

/** One ranked bid, as the evaluation reports it (only the fields an award keeps). */
export interface AwardCandidate {
  bidId: string;
  providerId: string;
  pricePerFirm: Money;
  total: Money;
  rank: number;
}

/** The evaluation an award is made from; `Evaluation.evaluate`'s ranked outcome fits it. */
export interface AwardBasis {
  requestId: string;
  volume: number;
  ranking: readonly AwardCandidate[];
  recommended: AwardCandidate;
  /** No single bidder can serve the volume: the ranking is of bids a split may use (`awardSplit`). */
  split?: boolean | undefined;
}

export interface AwardInput {
  basis: AwardBasis;
  /** The bid picked; the recommendation when left out. */
  bidId?: string;
  /** Required when the pick is not the recommendation, kept for the audit trail. */
  reason?: string;
  /** The user id of the association rep confirming the award. */
  awardedBy: string;
}

/** What a stored evaluation holds: `volume` and `recommended` only when its outcome was a ranking. */
export interface EvaluatedRanking {
  requestId: string;
  volume?: number | undefined;
  ranking: readonly AwardCandidate[];
  recommended?: AwardCandidate | undefined;
  split?: boolean | undefined;
}

/**
 * The basis an award is made from. The state machine speaks first (an awarded or cancelled request
 * says so: `REQUEST.ILLEGAL_TRANSITION`), then the evaluation must hold a ranking
 * (`EVALUATION.NOT_RANKED`: not evaluated yet, or unsuccessful).
 *
 * @example
 * awardBasis(evaluating, storedEvaluation).recommended.bidId // the bid the evaluation recommends
 */
export function awardBasis(request: ServiceRequest, evaluation: EvaluatedRanking | undefined): AwardBasis {
  assertTransition(request, 'award');
  if (!evaluation?.recommended || evaluation.volume === undefined)
    throw conflict('EVALUATION.NOT_RANKED', 'The request has no ranking to award from.');
  const { requestId, volume, ranking, recommended, split } = evaluation;
  return { requestId, volume, ranking, recommended, ...(split ? { split: true } : {}) };
}

/**
 * The ranked bid an award would take: `bidId`, or the recommendation when left out. A bid that is
 * not in the ranking (invalid, withdrawn, unknown) cannot be picked (`REQUEST.BID_NOT_RANKED`).
 *
 * @example
 * rankedCandidate(basis).bidId === basis.recommended.bidId // true
 */
export function rankedCandidate(basis: AwardBasis, bidId: string = basis.recommended.bidId): AwardCandidate {
  const picked = basis.ranking.find((c) => c.bidId === bidId);
  if (!picked) throw invalid('REQUEST.BID_NOT_RANKED', 'That bid is not among the valid, ranked bids', 'bidId');
  return picked;
}

/**
 * Awards an evaluated request: the recommended bid, or another ranked bid with a written reason
 * (`REQUEST.REASON_REQUIRED`). A bid that is not in the ranking (invalid, withdrawn, unknown)
 * cannot be picked (`REQUEST.BID_NOT_RANKED`), nor can an evaluation of another request
 * (`REQUEST.EVALUATION_MISMATCH`).
 *
 * @example
 * award(evaluating, { basis: ranked, awardedBy: 'usr_…' }, clock).award?.bidId // ranked.recommended.bidId
 */
export function award(request: ServiceRequest, input: AwardInput, clock: Clock): ServiceRequest {
  const next = assertTransition(request, 'award');
  assertMayAward(request, clock.now());
  const { basis } = input;
  if (basis.requestId !== request.id) {
    throw invalid('REQUEST.EVALUATION_MISMATCH', 'The evaluation is for another request', 'basis');
  }
  if (basis.split) {
    throw conflict('AWARD.SPLIT_NEEDED', 'No single bidder can serve the pledged volume: award a split.');
  }
  const picked = rankedCandidate(basis, input.bidId);
  const departs = picked.bidId !== basis.recommended.bidId;
  const reason = departs ? requireReason(input.reason) : input.reason?.trim() || undefined;
  return applyTransition(request, next, clock, {
    award: {
      bidId: picked.bidId,
      providerId: picked.providerId,
      volume: basis.volume,
      pricePerFirm: picked.pricePerFirm,
      total: picked.total,
      recommendedBidId: basis.recommended.bidId,
      ...(reason === undefined ? {} : { reason }),
      awardedBy: input.awardedBy,
      awardedAt: isoNow(clock),
    },
  });
}
