import * as z from 'zod';

/** A calendar month, `YYYY-MM`; the unit every aggregate is kept in. */
export type Month = string;

/** The longest period one read may ask for: 10 years of months. */
export const MAX_PERIOD_MONTHS = 120;

const DATE = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

/** `YYYY-MM` or a calendar date `YYYY-MM-DD` (only its month is used: aggregates are monthly). */
export const PeriodBound = z
  .string()
  .max(10)
  .refine((s) => {
    const m = DATE.exec(s);
    if (!m) return false;
    if (!m[3]) return true;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'An ISO date (YYYY-MM-DD) or month (YYYY-MM)');

/**
 * The period of a read, checked as the query is parsed, so a bad one is a 400 naming the
 * field: `from` after `to` names `from`; more than 10 years names `to`.
 */
export const PeriodQuery = z
  .object({
    from: PeriodBound.optional().describe('First month (YYYY-MM or YYYY-MM-DD); default 11 months before `to`'),
    to: PeriodBound.optional().describe('Last month (YYYY-MM or YYYY-MM-DD); default this month'),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    const from = monthOf(q.from);
    const to = monthOf(q.to);
    if (from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: '`from` is after `to`' });
    else if (monthsBetween(from, to).length > MAX_PERIOD_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'A period is at most 10 years (120 months)' });
  });

/** The month of a date, datetime or month string. */
export const monthOf = (iso: string): Month => iso.slice(0, 7);

function shift(month: Month, by: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = y * 12 + (m - 1) + by;
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/**
 * Every month from `from` to `to`, inclusive (empty when `from` is after `to`).
 *
 * @example
 * monthsBetween('2025-11', '2026-02') // ['2025-11', '2025-12', '2026-01', '2026-02']
 */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to && out.length <= MAX_PERIOD_MONTHS * 10; m = shift(m, 1)) out.push(m);
  return out;
}

/** A resolved period: whole months, and the dates the answer names. */
export interface Period {
  fromMonth: Month;
  toMonth: Month;
  /** First day of `fromMonth`. */
  from: string;
  /** Last day of `toMonth`. */
  to: string;
}

/**
 * Resolves a checked query to whole months; missing bounds default to the 12 months ending
 * with the current one (time comes in as `now`, so tests are deterministic).
 *
 * @example
 * resolvePeriod({ from: '2026-01-15', to: '2026-03' }, Date.parse('2026-12-07')) // { fromMonth: '2026-01', toMonth:
 * '2026-03', from: '2026-01-01', to: '2026-03-31' }
 */
export function resolvePeriod(q: { from?: string | undefined; to?: string | undefined }, now: number): Period {
  const toMonth = q.to ? monthOf(q.to) : monthOf(new Date(now).toISOString());
  const fromMonth = q.from ? monthOf(q.from) : shift(toMonth, -11);
  const [y, m] = toMonth.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { fromMonth, toMonth, from: `${fromMonth}-01`, to: `${toMonth}-${String(lastDay).padStart(2, '0')}` };
}
