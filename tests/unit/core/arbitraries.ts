import fc from 'fast-check';
import type { PriceTier } from '../../../packages/core/src/bid';
import { money } from '../../../packages/core/src/money';

/** Ascending tiers with distinct lower bounds, and a capacity that reaches the first one. */
export const priceCurve = (opts: { maxBound?: number; maxPrice?: number } = {}) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 1, max: opts.maxBound ?? 200 }), { minLength: 1, maxLength: 5 }),
      fc.array(fc.integer({ min: 1, max: opts.maxPrice ?? 1_000_000_000 }), { minLength: 5, maxLength: 5 }),
      fc.integer({ min: 0, max: 300 }),
    )
    .map(([bounds, prices, extra]) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      const priceTiers: PriceTier[] = sorted.map((minFirms, i) => ({
        minFirms,
        pricePerFirm: money(prices[i] ?? 1, 'INR'),
      }));
      return { priceTiers, capacity: (sorted[0] ?? 1) + extra };
    });
