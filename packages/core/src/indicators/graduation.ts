import { ATTR, entries, strings, type MonthAggregate } from './aggregate';
import type { Graduation, GraduationStep } from './schema';

/**
 * Graduation per association and category: the furthest award reached in the period along the
 * taper and the share it got, whether a repeat purchase went ahead with no subsidy, and the
 * distinct firms that attended such purchases.
 *
 * @example
 * graduationOf([month]).steps[0] // { associationName: 'KNIDGRO', category: 'it-software', award: 4, share: 0.07, … }
 */
export function graduationOf(months: readonly MonthAggregate[]): Graduation {
  const reached = new Map<string, { repeatCount: number; bp: number }>();
  const names = new Map<string, string>();
  const graduated = new Set<string>();
  const funders = new Map<string, Set<string>>();
  const firms = new Set<string>();
  for (const m of months) {
    for (const [k, v] of entries(m, 'R#')) {
      const cut = k.lastIndexOf('#');
      const key = k.slice(0, cut);
      const n = Number(k.slice(cut + 1));
      const prev = reached.get(key);
      if (!prev || n > prev.repeatCount) reached.set(key, { repeatCount: n, bp: Number(v) });
    }
    for (const [a, v] of entries(m, 'N#')) names.set(a, String(v));
    for (const [k] of entries(m, 'G#')) graduated.add(k);
    for (const [k] of entries(m, 'GF#')) {
      const cut = k.lastIndexOf('#');
      const set = funders.get(k.slice(0, cut)) ?? new Set<string>();
      set.add(k.slice(cut + 1));
      funders.set(k.slice(0, cut), set);
    }
    for (const f of strings(m, ATTR.graduatedFirms)) firms.add(f);
  }
  const split = (key: string) => {
    const cut = key.indexOf('#');
    return { associationId: key.slice(0, cut), category: key.slice(cut + 1) };
  };
  const steps: GraduationStep[] = [...reached.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, r]) => {
      const { associationId, category } = split(key);
      return {
        associationId,
        associationName: names.get(associationId) ?? associationId,
        category,
        repeatCount: r.repeatCount,
        award: r.repeatCount + 1,
        share: r.bp / 10_000,
        funderIds: [...(funders.get(key) ?? [])].sort(),
        graduated: graduated.has(key),
      };
    });
  const associations = [...graduated].sort().map((key) => {
    const { associationId, category } = split(key);
    return { associationId, associationName: names.get(associationId) ?? associationId, category };
  });
  return { steps, associations, firms: firms.size };
}
