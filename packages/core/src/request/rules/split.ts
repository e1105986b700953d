import { conflict, invalid } from '../../errors';
import { priceAt, type PriceQuote } from '../../bid/rules/price';
import type { PriceTier } from '../../bid/schema';

/** At most this many contracts in one split (each is a request, an escrow and its deliveries). */
export const SPLIT_MAX_CONTRACTS = 10;
/** A contract lists its firms on its request item; a delivery report lists at most this many too. */
export const SPLIT_MAX_FIRMS_PER_CONTRACT = 500;

/** A bid a split may give firms to: its rank in the split ranking, its capacity and its price curve. */
export interface SplitCandidate {
  bidId: string;
  providerId: string;
  rank: number;
  /** The firms it can take: its bid's capacity (or less, when the provider is busy elsewhere). */
  capacity: number;
  priceTiers: readonly PriceTier[];
}

/** One part of a split: how many firms a bid serves. */
export interface SplitPart {
  bidId: string;
  firms: number;
}

const firstTier = (c: SplitCandidate) => c.priceTiers[0]?.minFirms ?? Number.POSITIVE_INFINITY;

/**
 * The rule's split: the best-ranked candidate first, each up to its capacity, until the volume is
 * covered. A candidate whose first tier is above what is left is passed over. `undefined` when the
 * candidates cannot cover the volume this way (or would need more than `SPLIT_MAX_CONTRACTS`).
 *
 * @example
 * planSplit([{ bidId: 'a', rank: 1, capacity: 30, … }, { bidId: 'b', rank: 2, capacity: 30, … }], 40)
 * // [{ bidId: 'a', firms: 30 }, { bidId: 'b', firms: 10 }]
 */
export function planSplit(candidates: readonly SplitCandidate[], volume: number): SplitPart[] | undefined {
  const parts: SplitPart[] = [];
  let left = volume;
  for (const c of [...candidates].sort((a, b) => a.rank - b.rank)) {
    if (left === 0) break;
    const firms = Math.min(c.capacity, left, SPLIT_MAX_FIRMS_PER_CONTRACT);
    if (firms < firstTier(c) || firms < 1) continue;
    parts.push({ bidId: c.bidId, firms });
    left -= firms;
  }
  return left === 0 && parts.length >= 2 && parts.length <= SPLIT_MAX_CONTRACTS ? parts : undefined;
}

/**
 * Checks an association's own split: 2 to `SPLIT_MAX_CONTRACTS` parts, each a different candidate,
 * within its capacity and at or above its first tier, adding up to the volume exactly. Errors name
 * the part's field (`parts.<i>.firms`).
 *
 * @example
 * checkSplit(candidates, 40, [{ bidId: 'a', firms: 35 }, { bidId: 'b', firms: 5 }])
 * // throws SPLIT.OVER_CAPACITY on parts.0.firms
 */
export function checkSplit(
  candidates: readonly SplitCandidate[],
  volume: number,
  parts: readonly SplitPart[],
): SplitPart[] {
  if (parts.length < 2 || parts.length > SPLIT_MAX_CONTRACTS) {
    throw invalid('SPLIT.PARTS', `A split has 2 to ${SPLIT_MAX_CONTRACTS} parts`, 'parts');
  }
  const seen = new Set<string>();
  parts.forEach((part, i) => {
    const c = candidates.find((x) => x.bidId === part.bidId);
    if (!c) throw invalid('REQUEST.BID_NOT_RANKED', 'That bid is not among the ranked bids', `parts.${i}.bidId`);
    if (seen.has(part.bidId)) throw invalid('SPLIT.DUPLICATE_BID', 'A bid has one part', `parts.${i}.bidId`);
    seen.add(part.bidId);
    if (!Number.isSafeInteger(part.firms) || part.firms < 1)
      throw invalid('SPLIT.BAD_FIRMS', 'A part serves at least one firm', `parts.${i}.firms`);
    if (part.firms > Math.min(c.capacity, SPLIT_MAX_FIRMS_PER_CONTRACT))
      throw invalid('SPLIT.OVER_CAPACITY', `That bid serves at most ${c.capacity} firms`, `parts.${i}.firms`);
    if (part.firms < firstTier(c))
      throw invalid('SPLIT.BELOW_FIRST_TIER', `That bid starts at ${firstTier(c)} firms`, `parts.${i}.firms`);
  });
  const sum = parts.reduce((s, p) => s + p.firms, 0);
  if (sum !== volume) throw invalid('SPLIT.NOT_VOLUME', `The parts serve ${sum} firms; ${volume} are pledged`, 'parts');
  return parts.map((p) => ({ bidId: p.bidId, firms: p.firms }));
}

/**
 * The firms a split serves, in pledge order (earliest first, ties by firm id), dealt out to the
 * parts in order: each firm in exactly one contract. Refuses when fewer firms are pledged than the
 * parts serve (`SPLIT.PLEDGES_SHORT`).
 *
 * @example
 * const pledges = [{ firmId: 'f1', pledgedAt }, { firmId: 'f2', pledgedAt }];
 * assignFirms(pledges, [{ bidId: 'a', firms: 1 }, { bidId: 'b', firms: 1 }])
 * // [['f1'], ['f2']]
 */
export function assignFirms(
  pledges: readonly { firmId: string; pledgedAt: string }[],
  parts: readonly SplitPart[],
): string[][] {
  const ordered = [...pledges]
    .sort((a, b) => a.pledgedAt.localeCompare(b.pledgedAt) || a.firmId.localeCompare(b.firmId))
    .map((p) => p.firmId);
  const needed = parts.reduce((s, p) => s + p.firms, 0);
  if (new Set(ordered).size < needed)
    throw conflict('SPLIT.PLEDGES_SHORT', `${ordered.length} firms pledged; the split serves ${needed}`);
  let at = 0;
  return parts.map((p) => {
    const firms = ordered.slice(at, at + p.firms);
    at += p.firms;
    return firms;
  });
}

/**
 * Each part's price on its own bid's curve (the tier at its firms). Money is whole paise: the split's
 * total is the sum of the contracts' totals, exactly.
 *
 * @example
 * priceParts(candidates, [{ bidId: 'a', firms: 30 }])[0]?.total // ₹… × 30
 */
export function priceParts(
  candidates: readonly SplitCandidate[],
  parts: readonly SplitPart[],
): (SplitPart & { candidate: SplitCandidate; quote: PriceQuote })[] {
  return parts.map((part) => {
    const candidate = candidates.find((c) => c.bidId === part.bidId);
    if (!candidate) throw invalid('REQUEST.BID_NOT_RANKED', 'That bid is not among the ranked bids', 'parts');
    return {
      ...part,
      candidate,
      quote: priceAt({ priceTiers: [...candidate.priceTiers], capacity: candidate.capacity }, part.firms),
    };
  });
}
