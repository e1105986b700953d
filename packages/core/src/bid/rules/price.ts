import { invalid } from '../../errors';
import { money, times, type Money } from '../../money';
import type { Bid, PriceTier } from '../schema';

/** A bid's price at one volume. */
export interface PriceQuote {
  firms: number;
  tier: PriceTier;
  pricePerFirm: Money;
  /** pricePerFirm × firms, exact in minor units. */
  total: Money;
}

/**
 * The tier that applies to a volume: the one with the greatest lower bound ≤ firms, or
 * `undefined` below the first tier. Tiers are ascending (the schema guarantees it).
 *
 * @example
 * tierAt([{ minFirms: 10, … }, { minFirms: 20, … }], 25)?.minFirms // 20
 */
export function tierAt(tiers: readonly PriceTier[], firms: number): PriceTier | undefined {
  let found: PriceTier | undefined;
  for (const tier of tiers) {
    if (tier.minFirms <= firms) found = tier;
    else break;
  }
  return found;
}

/**
 * What the bid costs for `firms` firms. Refuses a volume the bid does not cover:
 * `BID.VOLUME_BELOW_TIERS` under the first tier, `BID.OVER_CAPACITY` above capacity.
 *
 * @example
 * priceAt(bid, 25) // { tier: { minFirms: 20, … }, pricePerFirm: ₹4,000, total: ₹1,00,000 }
 */
export function priceAt(bid: Pick<Bid, 'priceTiers' | 'capacity'>, firms: number): PriceQuote {
  if (!Number.isSafeInteger(firms) || firms < 1)
    throw invalid('BID.BAD_VOLUME', `${firms} is not a number of firms`, 'firms');
  if (firms > bid.capacity) throw invalid('BID.OVER_CAPACITY', `The bid serves at most ${bid.capacity} firms`, 'firms');
  const tier = tierAt(bid.priceTiers, firms);
  if (!tier) {
    throw invalid('BID.VOLUME_BELOW_TIERS', `The bid starts at ${bid.priceTiers[0]?.minFirms ?? '?'} firms`, 'firms');
  }
  const pricePerFirm = money(tier.pricePerFirm.amount, tier.pricePerFirm.currency);
  return { firms, tier, pricePerFirm, total: times(pricePerFirm, firms) };
}
