import type { Money } from '../money';
import type { Weights } from '../request/schema';
import type { InvalidBid, RankedBid } from './types';

/** What a stored evaluation holds that a bidder's view is made from. */
export interface EvaluationForBidder {
  outcome: 'ranked' | 'unsuccessful';
  volume?: number | undefined;
  ranking: readonly RankedBid[];
  recommended?: RankedBid | undefined;
  invalid: readonly (Omit<InvalidBid, 'reason'> & { reason: string })[];
}

/**
 * One bidder's view of a published ranking: its own rank and score with its parts, the weights,
 * the winning price at the pledged volume and how many bids there were — never another bidder's
 * identity or price curve (the award notice names the winner).
 */
export interface BidderView {
  bids: number;
  volume: number | undefined;
  weights: Weights;
  winning: { pricePerFirm: Money; total: Money } | undefined;
  mine:
    | { status: 'ranked'; bidId: string; rank: number; score: number; priceScore: number; qualityScore: number }
    | { status: 'excluded'; bidId: string; reason: string; detail: string };
}

/**
 * The bidder's view, or `undefined` when the provider has no bid in the evaluation.
 *
 * @example
 * bidderView(evaluation, request.weights, 'prv_01J…')?.mine // { status: 'ranked', rank: 2, score: 8125, … }
 */
export function bidderView(
  evaluation: EvaluationForBidder,
  weights: Weights,
  providerId: string,
): BidderView | undefined {
  const ranked = evaluation.ranking.find((b) => b.providerId === providerId);
  const excluded = evaluation.invalid.find((b) => b.providerId === providerId && b.reason !== 'superseded');
  if (!ranked && !excluded) return undefined;
  const mine: BidderView['mine'] = ranked
    ? {
        status: 'ranked',
        bidId: ranked.bidId,
        rank: ranked.rank,
        score: ranked.score,
        priceScore: ranked.priceScore,
        qualityScore: ranked.qualityScore,
      }
    : { status: 'excluded', bidId: excluded!.bidId, reason: excluded!.reason, detail: excluded!.detail };
  const top = evaluation.recommended;
  return {
    bids: evaluation.ranking.length + evaluation.invalid.filter((b) => b.reason !== 'superseded').length,
    volume: evaluation.volume,
    weights,
    winning: top ? { pricePerFirm: top.pricePerFirm, total: top.total } : undefined,
    mine,
  };
}
