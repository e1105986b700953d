import { entries, type FirstDeliveries, type MonthAggregate } from './aggregate';
import type { Month } from './period';

/**
 * Impact on the BDS market of a scope: categories delivered in the period that were already
 * delivered there before it (strengthened) and those delivered there for the first time in
 * it (created).
 *
 * @example
 * impactOf([month], { design: '2025-03', testing: '2026-02' }, '2026-01') // { strengthened: ['design'], created:
 * ['testing'] }
 */
export function impactOf(
  months: readonly MonthAggregate[],
  first: FirstDeliveries,
  fromMonth: Month,
): { strengthened: string[]; created: string[] } {
  const delivered = new Set<string>();
  for (const m of months) for (const [category] of entries(m, 'C#')) delivered.add(category);
  const strengthened: string[] = [];
  const created: string[] = [];
  for (const category of [...delivered].sort()) {
    const f = first[category];
    if (f && f < fromMonth) strengthened.push(category);
    else created.push(category);
  }
  return { strengthened, created };
}
