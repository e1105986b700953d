import { ATTR, strings, type MonthAggregate } from './aggregate';

/**
 * Scale (distinct firms that attended an accepted milestone in the period), the under-served
 * among them, and outreach (their share). Firms are unioned over the months, so a firm served
 * in three months counts once.
 *
 * @example
 * scaleOf([jan, feb]) // { scale: 130, underServed: 0, outreach: 0 }
 */
export function scaleOf(months: readonly MonthAggregate[]): {
  scale: number;
  underServed: number;
  outreach: number | null;
} {
  const firms = new Set<string>();
  const under = new Set<string>();
  for (const m of months) {
    for (const f of strings(m, ATTR.firms)) firms.add(f);
    for (const f of strings(m, ATTR.underServed)) under.add(f);
  }
  return { scale: firms.size, underServed: under.size, outreach: firms.size > 0 ? under.size / firms.size : null };
}
