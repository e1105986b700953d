import { bidRotation, providerShare, singleBid } from './winners';
import { coverBidding, identicalPrices } from './prices';
import type { ScreenFlag, ScreenPolicy, ScreenedRequest } from './schema';
import { groupBy } from './util';

export * from './schema';
export { bidRotation, providerShare, singleBid } from './winners';
export { coverBidding, identicalPrices } from './prices';

/**
 * Runs every screen over a cluster's closed requests, category by category. Pure and
 * deterministic: the same requests (in any order) give the same flags in the same order, so a
 * recomputation after a redelivered event writes the same result.
 *
 * @example
 * runScreens(closedRequests, { providerShareThresholdBp: 6000 }) // ScreenFlag[]
 */
export function runScreens(requests: readonly ScreenedRequest[], policy: ScreenPolicy): ScreenFlag[] {
  const sorted = [...requests].sort((a, b) => a.requestId.localeCompare(b.requestId));
  const out: ScreenFlag[] = [];
  for (const [category, group] of [...groupBy(sorted, (r) => r.category)].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(
      ...identicalPrices(category, group),
      ...coverBidding(category, group),
      ...bidRotation(category, group),
      ...singleBid(category, group),
      ...providerShare(category, group, policy),
    );
  }
  return out;
}
