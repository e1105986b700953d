import type { Ok } from '../../api';
import { formatAmount } from '../../format';
import { t } from '../../i18n';

export type Indicators = Ok<'getIndicators'>;
export type Monthly = Ok<'getMonthlyIndicators'>;
export type IndicatorsTable = Ok<'getIndicatorsTable'>;
export type Column = IndicatorsTable['columns'][number];

/** The rows of the paper's Table 1, in its order; each has a definition on the page. */
export const ROWS = [
  'scale',
  'underServed',
  'outreach',
  'delivered',
  'costRecovery',
  'leverage',
  'private',
  'supportInstitutions',
  'programme',
  'strengthened',
  'created',
] as const;
export type Row = (typeof ROWS)[number];

const PERCENT = new Intl.NumberFormat('en-IN', { style: 'percent', maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat('en-IN');
const RATIO = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 });

/**
 * A decimal fraction as a percentage; a figure whose denominator is zero reads "not yet".
 *
 * @example
 * percent(0.38) // '38%'
 */
export const percent = (share: number | null): string => (share === null ? t('results.notYet') : PERCENT.format(share));

/** One figure of Table 1 as people read it: ₹ with Indian grouping, percentages, words. */
export function figure(row: Row, i: Indicators, labelOf: (slug: string) => string): string {
  const source = (s: { amount: { amount: number; currency: string }; share: number | null }) =>
    t('results.amountShare', { amount: formatAmount(s.amount), share: percent(s.share) });
  const list = (slugs: string[]) => (slugs.length === 0 ? t('results.none') : slugs.map(labelOf).join(', '));
  switch (row) {
    case 'scale':
      return COUNT.format(i.scale);
    case 'underServed':
      return COUNT.format(i.underServed);
    case 'outreach':
      return percent(i.outreach);
    case 'delivered':
      return formatAmount(i.delivered);
    case 'costRecovery':
      return percent(i.costRecovery);
    case 'leverage':
      return i.leverage === null ? t('results.notYet') : t('results.leverage', { value: RATIO.format(i.leverage) });
    case 'private':
    case 'supportInstitutions':
    case 'programme':
      return source(i.sources[row]);
    case 'strengthened':
    case 'created':
      return list(i.impact[row]);
  }
}

/** The anchor of a row's definition, which every figure of the row links to. */
export const defId = (row: Row): string => `def-${row}`;

const MONTH = new Intl.DateTimeFormat('en-IN', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * A `YYYY-MM` month or `YYYY-MM-DD` date as a month people read.
 *
 * @example
 * monthLabel('2026-03') // 'Mar 2026'
 */
export const monthLabel = (month: string): string => MONTH.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));

/** A period as people read it: 'Jan 2026 to Dec 2026'. */
export const formatPeriod = (from: string, to: string): string =>
  t('results.period', { from: monthLabel(from), to: monthLabel(to) });
