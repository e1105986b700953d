import { invalid } from '../errors';
import type { DeliveryWindow } from '../request/schema';
import type { MatchingBid, MatchingProvider, MatchingRequest } from './build';

/**
 * True when two inclusive calendar ranges share at least one day.
 *
 * @example
 * windowsOverlap({ start: '2030-02-01', end: '2030-02-10' }, { start: '2030-02-10', end: '2030-03-01' }) // true
 */
export const windowsOverlap = (a: DeliveryWindow, b: DeliveryWindow): boolean => a.start <= b.end && b.start <= a.end;

/**
 * The most engagements running on any single day inside `within` (windows are inclusive).
 *
 * @example
 * peakLoad([{ start: '2030-01-01', end: '2030-01-10' }, { start: '2030-01-11', end: '2030-01-20' }], { start:
 * '2030-01-01', end: '2030-12-31' }) // 1
 */
export function peakLoad(engagements: readonly DeliveryWindow[], within: DeliveryWindow): number {
  const points: [day: string, delta: number][] = [];
  for (const e of engagements) {
    if (!windowsOverlap(e, within)) continue;
    points.push([e.start < within.start ? within.start : e.start, 1], [e.end > within.end ? within.end : e.end, -1]);
  }
  // On the same day a start comes before an end: an engagement ending that day still runs.
  points.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[1] - a[1]));
  let load = 0;
  let peak = 0;
  for (const [, delta] of points) peak = Math.max(peak, (load += delta));
  return peak;
}

/**
 * Splits items into groups connected by overlapping windows (ordered by start). Windows of
 * different groups never overlap, so capacity can be shared out per group independently.
 *
 * @example
 * overlapGroups([{ window: jan }, { window: mar }, { window: janToFeb }]) // [[jan, janToFeb], [mar]]
 */
export function overlapGroups<T extends { readonly window: DeliveryWindow }>(items: readonly T[]): T[][] {
  const sorted = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) =>
      a.item.window.start < b.item.window.start ? -1 : a.item.window.start > b.item.window.start ? 1 : a.i - b.i,
    );
  const groups: T[][] = [];
  let end = '';
  for (const { item } of sorted) {
    const current = groups[groups.length - 1];
    if (current && item.window.start <= end) {
      current.push(item);
      if (item.window.end > end) end = item.window.end;
    } else {
      groups.push([item]);
      end = item.window.end;
    }
  }
  return groups;
}

/** A request to match: its delivery window and its bids (by provider id). */
export interface CapacityRequest {
  readonly id: string;
  readonly window: DeliveryWindow;
  readonly bids: readonly MatchingBid[];
}

/** A provider's profile capacity and the windows of the engagements it already holds. */
export interface CapacityProvider {
  readonly id: string;
  readonly capacity: number;
  readonly engagements: readonly DeliveryWindow[];
}

/** What one provider may still take within one overlap group of the run. */
export interface CapacitySlot {
  /** `<providerId>#<group>`: the "provider" the matching instance sees. */
  readonly id: string;
  readonly providerId: string;
  readonly group: number;
  readonly capacity: number;
  /** Peak of existing engagements on any day of a window in the group it bids on. */
  readonly busy: number;
  readonly remaining: number;
}

/** The matching instance by slot, and the slots themselves. */
export interface CapacityPlan {
  readonly requests: readonly MatchingRequest[];
  readonly providers: readonly MatchingProvider[];
  readonly slots: readonly CapacitySlot[];
}

/**
 * Turns requests with delivery windows and providers with engagements into a matching instance
 * whose capacities are sound: any assignment it allows keeps every provider within its profile
 * capacity on every day. Requests are grouped by overlapping windows; in a group a provider may
 * take `capacity − busy` more, where `busy` is the peak of its existing engagements on any day of
 * a window it bids on. All new awards of one group are counted as concurrent (conservative: the
 * matching model has one capacity per provider); awards of different groups never overlap.
 *
 * @example
 * const plan = planCapacity([{ id: 'req_1', window, bids: [{ providerId: 'prv_a', score: 9_000 }] }], [{ id: 'prv_a',
 * capacity: 2, engagements: [window] }]);
 * plan.slots[0].remaining // 1
 */
export function planCapacity(
  requests: readonly CapacityRequest[],
  providers: readonly CapacityProvider[],
): CapacityPlan {
  const byId = new Map(providers.map((p) => [p.id, p]));
  for (const r of requests) {
    if (!(r.window.start <= r.window.end))
      throw invalid('MATCHING.INVALID_WINDOW', `Request ${r.id} has a delivery window that ends before it starts`);
  }
  const slots = new Map<string, CapacitySlot>();
  const groupOf = new Map<string, number>();
  overlapGroups(requests).forEach((group, g) => {
    for (const r of group) {
      groupOf.set(r.id, g);
      for (const bid of r.bids) {
        const provider = byId.get(bid.providerId);
        if (!provider)
          throw invalid(
            'MATCHING.UNKNOWN_PROVIDER',
            `Request ${r.id} has a bid from unknown provider ${bid.providerId}`,
          );
        const id = `${provider.id}#${g}`;
        const busy = Math.max(slots.get(id)?.busy ?? 0, peakLoad(provider.engagements, r.window));
        slots.set(id, {
          id,
          providerId: provider.id,
          group: g,
          capacity: provider.capacity,
          busy,
          remaining: Math.max(0, provider.capacity - busy),
        });
      }
    }
  });
  return {
    requests: requests.map((r) => ({
      id: r.id,
      bids: r.bids.map((b) => ({ providerId: `${b.providerId}#${groupOf.get(r.id)}`, score: b.score })),
    })),
    providers: [...slots.values()].map((s) => ({ id: s.id, capacity: s.remaining })),
    slots: [...slots.values()],
  };
}
