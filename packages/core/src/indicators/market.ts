import { entries, type MonthAggregate } from './aggregate';
import type { MarketCategory } from './schema';
import type { Currency } from '../money';

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Per category: distinct providers with accepted deliveries, the largest one's share and the
 * Herfindahl index of delivered value, the median bids per delivered request, and the share
 * delivered with no subsidy at all (the paper's "distorting the BDS market?" question).
 *
 * @example
 * marketOf([month], 'INR')[0] // { category: 'design', providers: 2, herfindahl: 0.5, … }
 */
export function marketOf(months: readonly MonthAggregate[], currency: Currency): MarketCategory[] {
  const delivered = new Map<string, number>();
  const unsubsidised = new Map<string, number>();
  const providers = new Map<string, Map<string, number>>();
  const bids = new Map<string, Map<string, number>>();
  for (const m of months) {
    for (const [c, v] of entries(m, 'C#')) delivered.set(c, (delivered.get(c) ?? 0) + Number(v));
    for (const [c, v] of entries(m, 'U#')) unsubsidised.set(c, (unsubsidised.get(c) ?? 0) + Number(v));
    for (const [k, v] of entries(m, 'V#')) {
      const cut = k.lastIndexOf('#');
      const c = k.slice(0, cut);
      const byProvider = providers.get(c) ?? new Map<string, number>();
      byProvider.set(k.slice(cut + 1), (byProvider.get(k.slice(cut + 1)) ?? 0) + Number(v));
      providers.set(c, byProvider);
    }
    for (const [k, v] of entries(m, 'B#')) {
      const cut = k.lastIndexOf('#');
      const c = k.slice(0, cut);
      // One request may deliver milestones in several months: count it once.
      const byRequest = bids.get(c) ?? new Map<string, number>();
      byRequest.set(k.slice(cut + 1), Number(v));
      bids.set(c, byRequest);
    }
  }
  return [...delivered.keys()].sort().map((category) => {
    const total = delivered.get(category) ?? 0;
    const shares = [...(providers.get(category)?.values() ?? [])].map((v) => (total > 0 ? v / total : 0));
    return {
      category,
      delivered: { amount: total, currency },
      providers: shares.length,
      largestShare: total > 0 && shares.length > 0 ? Math.max(...shares) : null,
      herfindahl: total > 0 && shares.length > 0 ? shares.reduce((s, x) => s + x * x, 0) : null,
      medianBids: median([...(bids.get(category)?.values() ?? [])]),
      unsubsidisedShare: total > 0 ? (unsubsidised.get(category) ?? 0) / total : null,
    };
  });
}
