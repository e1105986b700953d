import type { Money } from '../money';

/** Why a bid was left out of the ranking. */
export type InvalidReason =
  | 'wrong_request'
  | 'withdrawn'
  | 'currency_mismatch'
  | 'superseded'
  | 'below_first_tier'
  | 'over_capacity'
  | 'over_remaining_capacity';

export interface InvalidBid {
  bidId: string;
  providerId: string;
  reason: InvalidReason;
  /** The reason in words, for the association and the provider. */
  detail: string;
}

/**
 * One valid bid in the ranking. Scores are integers in hundredths of a point (10000 = the full
 * 100 points), rounded down for display; the ranking itself compares exact fractions.
 */
export interface RankedBid {
  bidId: string;
  providerId: string;
  pricePerFirm: Money;
  total: Money;
  priceScore: number;
  qualityScore: number;
  score: number;
  rank: number;
  /** In a split ranking: the firms this bid can take (its quote is at that volume). */
  capacity?: number;
}

export interface RankedEvaluation {
  outcome: 'ranked';
  requestId: string;
  pledgedFirms: number;
  /** Firms served: the pledges, capped at the request's maxFirms. */
  volume: number;
  ranking: RankedBid[];
  invalid: InvalidBid[];
  /** Rank 1, the recommended award (in a split ranking: the first contract). */
  recommended: RankedBid;
  /** No single bid can serve the volume; the ranking is of the bids a split award may use. */
  split?: true;
}

export interface UnsuccessfulEvaluation {
  outcome: 'unsuccessful';
  requestId: string;
  pledgedFirms: number;
  code: 'too_few_pledges' | 'no_valid_bid';
  /** In words, ready for `markUnsuccessful`. */
  reason: string;
  invalid: InvalidBid[];
}

export type EvaluationResult = RankedEvaluation | UnsuccessfulEvaluation;
