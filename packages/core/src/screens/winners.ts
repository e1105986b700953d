import { SCREEN_CONSTANTS as C, type ScreenFlag, type ScreenPolicy, type ScreenedRequest } from './schema';
import { flag, ratioBp } from './util';

const winnerBid = (r: ScreenedRequest) => {
  const b = r.bids.find((x) => x.providerId === r.winnerId)!;
  return { requestId: r.requestId, providerId: b.providerId, total: b.total, won: true };
};

/** The longest run of consecutive winners repeating with period p (the first p of it distinct). */
function longestRotation(won: readonly ScreenedRequest[]): { start: number; length: number; period: number } {
  let best = { start: 0, length: 0, period: 0 };
  for (const period of [2, 3]) {
    for (let start = 0; start + period <= won.length; start++) {
      const head = won.slice(start, start + period).map((r) => r.winnerId);
      if (new Set(head).size !== period) continue;
      let end = start + period;
      // Each winner must repeat the one a period before, and the rotating set must bid on the request too.
      while (
        end < won.length &&
        won[end]!.winnerId === won[end - period]!.winnerId &&
        won[end]!.bids.filter((b) => head.includes(b.providerId)).length >= 2
      )
        end++;
      if (end - start > best.length) best = { start, length: end - start, period };
    }
  }
  return best;
}

/**
 * Bid rotation: in a category's requests (in closing order), winners taking turns — A, B, A, B…
 * or A, B, C, A, B, C… — for at least 8 consecutive requests on which the rotating providers also
 * bid against each other.
 *
 * @example
 * bidRotation('design', requests) // [{ kind: 'bid_rotation', figures: { period: 3, requests: 6 } }]
 */
export function bidRotation(category: string, requests: readonly ScreenedRequest[]): ScreenFlag[] {
  const won = requests
    .filter((r) => r.winnerId !== undefined && r.bids.some((b) => b.providerId === r.winnerId))
    .sort((a, b) => a.closedAt.localeCompare(b.closedAt) || a.requestId.localeCompare(b.requestId));
  const run = longestRotation(won);
  if (run.length < C.rotationMinRequests) return [];
  const list = won.slice(run.start, run.start + run.length);
  const providers = [...new Set(list.map((r) => r.winnerId!))].sort();
  const cited = list.slice(0, C.maxEvidence);
  return [
    flag('bid_rotation', category, providers.join('~'), {
      providerIds: providers,
      requestIds: cited.map((r) => r.requestId),
      figures: { period: run.period, requests: run.length, minRequests: C.rotationMinRequests },
      bids: cited.map(winnerBid),
    }),
  ];
}

/**
 * Single-bid requests: at least 3 of a category's requests drew exactly one valid bid, and they
 * are at least half of its requests with a bid.
 *
 * @example
 * singleBid('testing', requests) // [{ kind: 'single_bid', figures: { singleBid: 3, requests: 4, shareBp: 7500 } }]
 */
export function singleBid(category: string, requests: readonly ScreenedRequest[]): ScreenFlag[] {
  const withBid = requests.filter((r) => r.bids.length > 0);
  const single = withBid.filter((r) => r.bids.length === 1);
  const shareBp = ratioBp(single.length, withBid.length);
  if (single.length < C.singleBidMinRequests || shareBp < C.singleBidMinShareBp) return [];
  const cited = single.slice(0, C.maxEvidence);
  return [
    flag('single_bid', category, 'single', {
      providerIds: cited.map((r) => r.bids[0]!.providerId),
      requestIds: cited.map((r) => r.requestId),
      figures: { singleBid: single.length, requests: withBid.length, shareBp, limitBp: C.singleBidMinShareBp },
      bids: cited.map((r) => ({
        requestId: r.requestId,
        providerId: r.bids[0]!.providerId,
        total: r.bids[0]!.total,
        won: r.winnerId === r.bids[0]!.providerId,
      })),
    }),
  ];
}

/**
 * True when a provider won more requests than a fair draw among each request's bidders would
 * give, by more than three standard deviations: a large share won against few competitors each
 * time is what a thin market gives honestly (a probability, not money: floats are fine here).
 */
function beyondChance(providerId: string, wins: number, requests: readonly ScreenedRequest[]): boolean {
  let expected = 0;
  let variance = 0;
  for (const r of requests) {
    if (!r.winnerId || !r.bids.some((b) => b.providerId === providerId)) continue;
    const p = 1 / r.bids.length;
    expected += p;
    variance += p * (1 - p);
  }
  return wins > expected + 3 * Math.sqrt(variance);
}

/**
 * A provider's share of a category's awarded value in the cluster above the cluster's threshold
 * (the paper's ERP example: one provider holding a young market), once the category has 5 awards,
 * and only when its wins are beyond chance among the bidders it met (`beyondChance`).
 * Awards in another currency than the category's first are left out of the sums.
 *
 * @example
 * providerShare('it-software', requests, { providerShareThresholdBp: 6000 }) // [{ figures: { shareBp: 8200, … } }]
 */
export function providerShare(
  category: string,
  requests: readonly ScreenedRequest[],
  policy: ScreenPolicy,
): ScreenFlag[] {
  const awarded = requests.filter((r) => r.awarded && r.winnerId);
  const currency = awarded[0]?.awarded?.currency;
  const counted = awarded.filter((r) => r.awarded!.currency === currency);
  if (counted.length < C.shareMinAwards) return [];
  const total = counted.reduce((s, r) => s + r.awarded!.amount, 0);
  const byProvider = new Map<string, ScreenedRequest[]>();
  for (const r of counted) byProvider.set(r.winnerId!, [...(byProvider.get(r.winnerId!) ?? []), r]);
  const out: ScreenFlag[] = [];
  for (const [providerId, won] of byProvider) {
    const value = won.reduce((s, r) => s + r.awarded!.amount, 0);
    const shareBp = ratioBp(value, total);
    if (shareBp <= policy.providerShareThresholdBp || !beyondChance(providerId, won.length, requests)) continue;
    const cited = won.slice(0, C.maxEvidence);
    out.push(
      flag('provider_share', category, providerId, {
        providerIds: [providerId],
        requestIds: cited.map((r) => r.requestId),
        figures: {
          shareBp,
          limitBp: policy.providerShareThresholdBp,
          providerValue: value,
          categoryValue: total,
          providerAwards: won.length,
          awards: counted.length,
        },
        bids: cited.map((r) => ({ requestId: r.requestId, providerId, total: r.awarded!, won: true })),
      }),
    );
  }
  return out;
}
