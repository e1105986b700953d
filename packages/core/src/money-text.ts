// Zod-free, so the portal may run it (`@bds/core/audit-text` imports it).

/**
 * An amount as a person reads it: rupees grouped the Indian way (₹26,400), paise only when there
 * are some. For messages built outside the portal (mails, errors, the activity feed).
 *
 * @example
 * moneyText({ amount: 2_640_000, currency: 'INR' }) // '₹26,400'
 */
export function moneyText(m: { amount: number; currency: string }): string {
  const format = new Intl.NumberFormat('en-IN', { style: 'currency', currency: m.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const scale = 10 ** digits;
  const whole = format.format(Math.trunc(m.amount / scale)).replace(/\.0+$/, '');
  const rest = Math.abs(m.amount % scale);
  return rest === 0 ? whole : `${whole}.${String(rest).padStart(digits, '0')}`;
}

/**
 * Basis points as a person reads a percentage: 1250 → '12.5%', 10000 → '100%'.
 *
 * @example
 * percentText(3800) // '38%'
 */
export function percentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = Math.abs(basisPoints % 100);
  const sign = basisPoints < 0 && whole === 0 ? '-' : '';
  return rest === 0 ? `${sign}${whole}%` : `${sign}${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}
