import type { Delivery } from './delivery';
import type { Month } from './period';

/**
 * A scope's month as stored: a flat bag of attributes, so that DynamoDB can `ADD` to any of
 * them without the parent map existing. Sums are minor units; `SET` attributes hold values
 * that are the same whoever writes them (a request's bid count), so writing twice is harmless;
 * string sets hold distinct firms, so counting a firm twice is impossible by construction.
 */
export type MonthAggregate = { month: Month } & Record<string, number | string | string[] | undefined>;

/** Where a scope's aggregates live: `cluster#<id>`, `state#<normalised state>`, `national`. */
export type ScopeKey = string;

/** States match case- and space-insensitively, as programme scopes do. */
export const stateKey = (state: string): string => state.trim().toLowerCase().replace(/\s+/g, ' ');

export const scopeKeys = {
  cluster: (clusterId: string): ScopeKey => `cluster#${clusterId}`,
  state: (state: string): ScopeKey => `state#${stateKey(state)}`,
  national: 'national' as ScopeKey,
};

/** The attribute names, built in one place (core reads them; the adapter writes them). */
export const ATTR = {
  currency: 'cur',
  milestones: 'n',
  delivered: 'd',
  public: 'pub',
  firms: 'firms',
  underServed: 'under',
  graduatedFirms: 'gfirms',
  funder: (f: string) => `F#${f}`,
  programme: (p: string) => `P#${p}`,
  category: (c: string) => `C#${c}`,
  unsubsidised: (c: string) => `U#${c}`,
  provider: (c: string, v: string) => `V#${c}#${v}`,
  bids: (c: string, r: string) => `B#${c}#${r}`,
  repeat: (a: string, c: string, n: number) => `R#${a}#${c}#${n}`,
  name: (a: string) => `N#${a}`,
  graduated: (a: string, c: string) => `G#${a}#${c}`,
  graduationFunder: (a: string, c: string, f: string) => `GF#${a}#${c}#${f}`,
} as const;

/** What one delivery does to each month it lands in: sums to add, idempotent values to set, sets to union. */
export interface AggregateChange {
  add: Record<string, number>;
  set: Record<string, string | number>;
  union: Record<string, string[]>;
}

/**
 * The change a delivery makes to its month in every scope it belongs to (the same for all three).
 *
 * @example
 * deliveryChange(d).add.d // d.delivered
 */
export function deliveryChange(d: Delivery): AggregateChange {
  const add: Record<string, number> = {
    [ATTR.milestones]: 1,
    [ATTR.delivered]: d.delivered,
    [ATTR.public]: d.public,
    [ATTR.category(d.category)]: d.delivered,
  };
  if (d.delivered > 0) add[ATTR.provider(d.category, d.providerId)] = d.delivered;
  for (const [f, a] of Object.entries(d.byFunder)) add[ATTR.funder(f)] = a;
  for (const [p, a] of Object.entries(d.byProgramme)) add[ATTR.programme(p)] = a;
  const unsubsidised = d.public === 0;
  if (unsubsidised) add[ATTR.unsubsidised(d.category)] = d.delivered;
  const set: Record<string, string | number> = {
    [ATTR.currency]: d.currency,
    [ATTR.bids(d.category, d.requestId)]: d.bids,
    [ATTR.repeat(d.associationId, d.category, d.repeatCount)]: d.shareBasisPoints,
    [ATTR.name(d.associationId)]: d.associationName,
  };
  for (const f of d.funderIds) set[ATTR.graduationFunder(d.associationId, d.category, f)] = 1;
  const union: Record<string, string[]> = {};
  if (d.firms.length > 0) union[ATTR.firms] = d.firms;
  if (d.underServed.length > 0) union[ATTR.underServed] = d.underServed;
  // A repeat purchase with no subsidy at all: the taper has done its work.
  if (unsubsidised && d.repeatCount > 0) {
    set[ATTR.graduated(d.associationId, d.category)] = 1;
    if (d.firms.length > 0) union[ATTR.graduatedFirms] = d.firms;
  }
  return { add, set, union };
}

/**
 * Applies a change to a month as DynamoDB's `ADD` / `SET` / set `ADD` would: the reference the
 * audit and the property tests compare the stored items with.
 *
 * @example
 * applyChange({ month: '2026-01' }, deliveryChange(d)).d // d.delivered
 */
export function applyChange(agg: MonthAggregate, change: AggregateChange): MonthAggregate {
  const next: MonthAggregate = { ...agg };
  for (const [k, v] of Object.entries(change.add)) next[k] = ((next[k] as number | undefined) ?? 0) + v;
  for (const [k, v] of Object.entries(change.set)) next[k] = v;
  for (const [k, v] of Object.entries(change.union))
    next[k] = [...new Set([...((next[k] as string[] | undefined) ?? []), ...v])].sort();
  return next;
}

/** The scopes a delivery counts in. */
export const scopesOfDelivery = (d: Pick<Delivery, 'clusterId' | 'state'>): ScopeKey[] => [
  scopeKeys.cluster(d.clusterId),
  scopeKeys.state(d.state),
  scopeKeys.national,
];

/** A scope's first accepted delivery per category (`category` → month): what "created" and "strengthened" need. */
export type FirstDeliveries = Record<string, Month>;

/**
 * Recomputes every scope's months and first deliveries from the deliveries alone: the
 * definition the maintained aggregates must equal (the audit and the tests use it).
 *
 * @example
 * recompute([d]).months.get('national')?.get(d.month)?.n // 1
 */
export function recompute(deliveries: readonly Delivery[]): {
  months: Map<ScopeKey, Map<Month, MonthAggregate>>;
  first: Map<ScopeKey, FirstDeliveries>;
} {
  const months = new Map<ScopeKey, Map<Month, MonthAggregate>>();
  const first = new Map<ScopeKey, FirstDeliveries>();
  for (const d of deliveries) {
    const change = deliveryChange(d);
    for (const scope of scopesOfDelivery(d)) {
      const byMonth = months.get(scope) ?? new Map<Month, MonthAggregate>();
      byMonth.set(d.month, applyChange(byMonth.get(d.month) ?? { month: d.month }, change));
      months.set(scope, byMonth);
      const f = first.get(scope) ?? {};
      if (!f[d.category] || d.month < f[d.category]!) f[d.category] = d.month;
      first.set(scope, f);
    }
  }
  return { months, first };
}

/** Attributes by prefix: `entries(agg, 'F#')` → [[funderId, amount], …]. */
export function entries(agg: MonthAggregate, prefix: string): [string, number | string][] {
  const out: [string, number | string][] = [];
  for (const [k, v] of Object.entries(agg))
    if (k.startsWith(prefix) && (typeof v === 'number' || typeof v === 'string')) out.push([k.slice(prefix.length), v]);
  return out;
}

export const num = (agg: MonthAggregate, attr: string): number =>
  typeof agg[attr] === 'number' ? (agg[attr] as number) : 0;
export const strings = (agg: MonthAggregate, attr: string): string[] =>
  Array.isArray(agg[attr]) ? (agg[attr] as string[]) : [];
