import { recompute, type FirstDeliveries, type MonthAggregate, type ScopeKey } from './aggregate';
import type { Delivery } from './delivery';
import type { Month } from './period';

/** One disagreement between what is stored and what the records say. */
export interface IndicatorDifference {
  kind: 'month' | 'first' | 'marker' | 'ledger';
  scope?: ScopeKey;
  month?: Month;
  /** The attribute (month, first), the milestone key (marker) or the hold id (ledger). */
  key: string;
  stored: unknown;
  expected: unknown;
}

/** What the audit compares: the recomputation's inputs and the stored state. */
export interface AuditInput {
  /** Every counted milestone, derived from the escrow records. */
  deliveries: readonly Delivery[];
  months: ReadonlyMap<ScopeKey, ReadonlyMap<Month, MonthAggregate>>;
  first: ReadonlyMap<ScopeKey, FirstDeliveries>;
  /** The milestone keys (`<requestId>#<index>`) whose delivery the workers recorded as added. */
  markers: ReadonlySet<string>;
  /** Differences already found between the records and the ledger. */
  ledger?: readonly IndicatorDifference[];
}

const norm = (v: unknown): string => JSON.stringify(Array.isArray(v) ? [...(v as string[])].sort() : (v ?? null));
const isZero = (v: unknown) => v === undefined || v === 0 || (Array.isArray(v) && v.length === 0);

function compareBags(
  kind: 'month' | 'first',
  scope: ScopeKey,
  month: Month | undefined,
  stored: Record<string, unknown>,
  expected: Record<string, unknown>,
  out: IndicatorDifference[],
) {
  for (const key of new Set([...Object.keys(stored), ...Object.keys(expected)])) {
    if (key === 'month') continue;
    const s = stored[key];
    const e = expected[key];
    if (norm(s) === norm(e) || (isZero(s) && isZero(e))) continue;
    out.push({ kind, scope, ...(month ? { month } : {}), key, stored: s, expected: e });
  }
}

/**
 * Every difference between the stored aggregates and a full recomputation from the milestone
 * records (and, via `ledger`, the ledger): empty when the workers kept them exactly.
 *
 * @example
 * auditIndicators({ deliveries, months, first, markers }) // []
 */
export function auditIndicators(input: AuditInput): IndicatorDifference[] {
  const out: IndicatorDifference[] = [...(input.ledger ?? [])];
  const expected = recompute(input.deliveries);
  for (const scope of new Set([...input.months.keys(), ...expected.months.keys()])) {
    const stored = input.months.get(scope) ?? new Map<Month, MonthAggregate>();
    const want = expected.months.get(scope) ?? new Map<Month, MonthAggregate>();
    for (const month of new Set([...stored.keys(), ...want.keys()])) {
      compareBags('month', scope, month, stored.get(month) ?? {}, want.get(month) ?? {}, out);
    }
  }
  for (const scope of new Set([...input.first.keys(), ...expected.first.keys()])) {
    compareBags('first', scope, undefined, input.first.get(scope) ?? {}, expected.first.get(scope) ?? {}, out);
  }
  const keys = new Set(input.deliveries.map((d) => d.key));
  for (const k of keys) if (!input.markers.has(k)) out.push({ kind: 'marker', key: k, stored: false, expected: true });
  for (const k of input.markers) if (!keys.has(k)) out.push({ kind: 'marker', key: k, stored: true, expected: false });
  return out;
}
