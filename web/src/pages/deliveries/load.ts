import { ApiError, type Api, type BidView, type RequestMoney, type ServiceRequest } from '../../api';

export interface Delivery {
  request: ServiceRequest;
  /** Undefined while the award's escrow is not there yet (or cannot be read). */
  money: RequestMoney | undefined;
}

/** At most this many of the provider's bids are looked at (the newest first). */
const PAGES = 3;

/**
 * The requests awarded to the signed-in provider, with each one's money: from its own bids,
 * the requests whose award names the bid.
 *
 * @example
 * const deliveries = await loadDeliveries(api, signal);
 */
export async function loadDeliveries(api: Api, signal: AbortSignal): Promise<Delivery[]> {
  const bids: BidView[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < PAGES; i++) {
    const page = await api.listOwnBids(cursor, signal);
    bids.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const requests = await Promise.all(
    bids.map((b) => api.getRequest(b.clusterId, b.requestId, signal).catch(() => undefined)),
  );
  const won = requests.filter((r, i): r is ServiceRequest => !!r && r.award?.bidId === bids[i]?.id);
  const money = await Promise.all(
    won.map((r) =>
      api.getMoney(r.clusterId, r.id, signal).catch((e: unknown) => {
        // No escrow record yet is a state, not a failure; anything else is.
        if (e instanceof ApiError && e.status === 404) return undefined;
        throw e;
      }),
    ),
  );
  return won.map((request, i) => ({ request, money: money[i] }));
}
