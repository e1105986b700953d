import { SCREEN_CONSTANTS as C, type ScreenBid, type ScreenFlag, type ScreenedRequest } from './schema';
import { flag, ratioBp } from './util';

const bid = (r: ScreenedRequest, providerId: string): ScreenBid => {
  const b = r.bids.find((x) => x.providerId === providerId)!;
  return { requestId: r.requestId, providerId, total: b.total, won: r.winnerId === providerId };
};

/**
 * Identical or near-identical prices: a pair of providers whose totals at the pledged volume lie
 * within 0.25 % of each other on at least 2 requests and on at least half of the requests both bid
 * on (one coincidence is common among honest bidders; a habit is not). Per category.
 *
 * @example
 * identicalPrices('training', requests)
 * // [{ kind: 'identical_prices', providerIds: ['prv_a', 'prv_b'], figures: { nearRequests: 3, jointRequests: 4, … } }]
 */
export function identicalPrices(category: string, requests: readonly ScreenedRequest[]): ScreenFlag[] {
  const pairs = new Map<string, { joint: number; near: ScreenedRequest[]; maxGapBp: number }>();
  for (const r of requests) {
    const bids = [...r.bids].sort((a, b) => a.providerId.localeCompare(b.providerId));
    for (let i = 0; i < bids.length; i++)
      for (let j = i + 1; j < bids.length; j++) {
        const [a, b] = [bids[i]!, bids[j]!];
        if (a.providerId === b.providerId || a.total.currency !== b.total.currency) continue;
        const key = `${a.providerId}~${b.providerId}`;
        const pair = pairs.get(key) ?? { joint: 0, near: [], maxGapBp: 0 };
        pair.joint++;
        const [lo, hi] = a.total.amount <= b.total.amount ? [a, b] : [b, a];
        const gapBp = ratioBp(hi.total.amount - lo.total.amount, lo.total.amount);
        if (gapBp <= C.nearIdenticalBp) {
          pair.near.push(r);
          pair.maxGapBp = Math.max(pair.maxGapBp, gapBp);
        }
        pairs.set(key, pair);
      }
  }
  const out: ScreenFlag[] = [];
  for (const [key, p] of pairs) {
    if (p.near.length < C.nearIdenticalMinRequests || ratioBp(p.near.length, p.joint) < C.nearIdenticalMinShareBp)
      continue;
    const providers = key.split('~');
    const cited = p.near.slice(0, C.maxEvidence);
    out.push(
      flag('identical_prices', category, key, {
        providerIds: providers,
        requestIds: cited.map((r) => r.requestId),
        figures: {
          nearRequests: p.near.length,
          jointRequests: p.joint,
          maxGapBp: p.maxGapBp,
          limitBp: C.nearIdenticalBp,
        },
        bids: cited.flatMap((r) => providers.map((id) => bid(r, id))),
      }),
    );
  }
  return out;
}

/** A request whose every losing bid is at least 1.3 × the winner's total. */
function covered(r: ScreenedRequest): boolean {
  const winner = r.bids.find((b) => b.providerId === r.winnerId);
  if (!winner || r.bids.length < 2) return false;
  return r.bids.every((b) => b === winner || ratioBp(b.total.amount, winner.total.amount) >= C.coverRatioBp);
}

/**
 * Cover bidding: requests whose losing bids are all far above the winner (≥ 1.3 ×), where a
 * loser of one such request is the winner of another and the other way round — providers
 * covering for each other in turn. One flag per category, citing every such request.
 *
 * @example
 * coverBidding('training', requests) // [{ kind: 'cover_bidding', figures: { requests: 2, minRatioBp: 14000, … } }]
 */
export function coverBidding(category: string, requests: readonly ScreenedRequest[]): ScreenFlag[] {
  const cov = requests.filter(covered);
  const cited = new Set<ScreenedRequest>();
  for (const a of cov)
    for (const b of cov) {
      if (a === b || a.winnerId === b.winnerId) continue;
      const bLostInA = a.bids.some((x) => x.providerId === b.winnerId);
      const aLostInB = b.bids.some((x) => x.providerId === a.winnerId);
      if (bLostInA && aLostInB) cited.add(a).add(b);
    }
  if (cited.size === 0) return [];
  const list = cov.filter((r) => cited.has(r)).slice(0, C.maxEvidence);
  const ratios = list.flatMap((r) => {
    const w = r.bids.find((b) => b.providerId === r.winnerId)!;
    return r.bids.filter((b) => b !== w).map((b) => ratioBp(b.total.amount, w.total.amount));
  });
  return [
    flag('cover_bidding', category, 'cover', {
      providerIds: list.flatMap((r) => r.bids.map((b) => b.providerId)),
      requestIds: list.map((r) => r.requestId),
      figures: { requests: cited.size, minRatioBp: Math.min(...ratios), limitBp: C.coverRatioBp },
      bids: list.flatMap((r) => r.bids.map((b) => bid(r, b.providerId))),
    }),
  ];
}
