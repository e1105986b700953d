/** Money is always shown the Indian way (₹1,25,000); dates follow the reader's locale. */
const MONEY_LOCALE = 'en-IN';

/** The reader's locale for dates and times, with India as the fallback. */
export const userLocale = (): string => (typeof navigator !== 'undefined' && navigator.languages?.[0]) || 'en-IN';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(MONEY_LOCALE, {
      style: 'currency',
      currency,
      trailingZeroDisplay: 'stripIfInteger',
    });
    moneyFormats.set(currency, format);
  }
  return format;
}

/**
 * Formats an amount held in integer minor units (paise for INR).
 *
 * @example
 * formatMoney(125_000_00, 'INR') // '₹1,25,000'
 * formatMoney(99_50, 'INR')      // '₹99.50'
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = moneyFormat(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  // Whole units and the remainder separately, so large amounts never pick up float error.
  const scale = 10 ** digits;
  const whole = Math.trunc(minorUnits / scale);
  const rest = Math.abs(minorUnits % scale);
  const sign = minorUnits < 0 && whole === 0 ? '-' : '';
  return format.format(
    digits === 0 ? minorUnits : (`${sign}${whole}.${String(rest).padStart(digits, '0')}` as `${number}`),
  );
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date ('2026-12-01') or an instant, as a date in the reader's locale. A bare
 * date is shown as written, never shifted by the reader's time zone.
 *
 * @example
 * formatDate('2026-12-01') // '1 Dec 2026' for en-IN
 */
export function formatDate(value: string): string {
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(userLocale(), {
    dateStyle: 'medium',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** An instant as date and time in the reader's locale and time zone. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(userLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How far an instant is from now, in words ('in 3 days', '2 hours ago').
 *
 * @example
 * formatRelative('2026-12-01T10:00:00Z', Date.parse('2026-11-28T10:00:00Z')) // 'in 3 days'
 */
export function formatRelative(value: string, now: number): string {
  const diff = Date.parse(value) - now;
  if (Number.isNaN(diff)) return value;
  const format = new Intl.RelativeTimeFormat(userLocale(), { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'minute') return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'minute');
}

/** A whole number in the Indian grouping (10,000 · 1,25,000). */
export const formatCount = (n: number): string => n.toLocaleString(MONEY_LOCALE);

/**
 * An API `Money` value, the Indian way.
 *
 * @example
 * formatAmount({ amount: 125_000_00, currency: 'INR' }) // '₹1,25,000'
 */
export const formatAmount = (m: { amount: number; currency: string }): string => formatMoney(m.amount, m.currency);

/**
 * Basis points as a percentage (5000 → '50%', 1250 → '12.5%').
 *
 * @example
 * formatShare(3800) // '38%'
 */
export const formatShare = (basisPoints: number): string =>
  `${(basisPoints / 100).toLocaleString(MONEY_LOCALE, { maximumFractionDigits: 2 })}%`;
