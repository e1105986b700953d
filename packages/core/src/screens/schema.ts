import * as z from 'zod';
import { Money } from '../money';

/** The five screens of issue 13: patterns a reviewer should look at, never proof of collusion. */
export const ScreenKind = z.enum(['identical_prices', 'cover_bidding', 'bid_rotation', 'single_bid', 'provider_share']);
export type ScreenKind = z.infer<typeof ScreenKind>;

/** A flag's id: `scr_` and 16 hex digits, derived from what it is about, so a recomputation finds it again. */
export const ScreenFlagId = z.string().regex(/^scr_[0-9a-f]{16}$/, 'Not a screen flag id');

/** One bid a flag cites: which request, which provider, its total at the pledged volume, and whether it won. */
export const ScreenBid = z.object({
  requestId: z.string(),
  providerId: z.string(),
  total: Money,
  won: z.boolean(),
});
export type ScreenBid = z.infer<typeof ScreenBid>;

/**
 * A screen's finding with its evidence: the requests and bids it rests on and the numbers it
 * compared (`figures`, integers; `…Bp` are basis points, 10000 = 100 %). Which figures a kind
 * states is listed in docs/procurement.md.
 */
export const ScreenFlag = z.object({
  id: ScreenFlagId,
  kind: ScreenKind,
  category: z.string(),
  providerIds: z.array(z.string()),
  requestIds: z.array(z.string()),
  figures: z.record(z.string(), z.number().int()),
  bids: z.array(ScreenBid),
  /** A digest of the evidence: a review of an older digest is shown as "new evidence since". */
  evidenceHash: z.string(),
});
export type ScreenFlag = z.infer<typeof ScreenFlag>;

/**
 * What the screens read of one closed request: its ranked bids' totals at the pledged volume
 * (valid bids only), the winner (awarded, else recommended) and, once awarded, the awarded total.
 */
export interface ScreenedRequest {
  requestId: string;
  category: string;
  /** When it was ranked (ISO instant): orders a category's requests for the rotation screen. */
  closedAt: string;
  bids: readonly { providerId: string; total: Money }[];
  winnerId?: string;
  awarded?: Money;
}

/**
 * The thresholds. Only the provider share is a cluster's choice (its policy, within national
 * bounds); the others are national constants, chosen with the false-positive benchmark
 * (`npm run bench:screens`, docs/procurement.md).
 */
export interface ScreenPolicy {
  /** A provider's share of a category's awarded value above this (basis points) is flagged. */
  providerShareThresholdBp: number;
}

export const SCREEN_CONSTANTS = {
  /** Two totals within this distance of the lower one (basis points) are "near-identical". */
  nearIdenticalBp: 25,
  /** A pair near-identical on at least this many requests… */
  nearIdenticalMinRequests: 2,
  /** …and on at least this share (basis points) of the requests both bid on. */
  nearIdenticalMinShareBp: 5_000,
  /** Every losing bid at least this many basis points of the winner's total: "far above". */
  coverRatioBp: 13_000,
  /** A rotation: winners repeating with period 2 or 3 over at least this many consecutive requests. */
  rotationMinRequests: 8,
  /** Single-bid requests flagged from this many in a category… */
  singleBidMinRequests: 3,
  /** …when they are at least this share (basis points) of the category's requests with a bid. */
  singleBidMinShareBp: 5_000,
  /** A provider share is judged once a category has at least this many awards. */
  shareMinAwards: 5,
  /** Evidence lists are cut here so a flag stays a small item. */
  maxEvidence: 30,
} as const;
