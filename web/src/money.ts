/**
 * Rupees as people type them, and paise as the API wants them. Parsing works on the digits
 * as text, so no amount ever passes through a binary float on its way to the API.
 */

/** At most ₹1,00,00,00,000 per firm (the API's ceiling), whole rupees and up to two decimals. */
const RUPEES = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

/**
 * '6,500' → 650000; '99.5' → 9950; anything else (negative, three decimals, words) → undefined.
 *
 * @example
 * toPaise('1,25,000') // 12500000
 */
export function toPaise(typed: string): number | undefined {
  const match = RUPEES.exec(typed.replace(/[\s,₹]/g, ''));
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * Paise back to what a person would type: 650000 → '6500', 9950 → '99.50'.
 *
 * @example
 * toRupeesInput(9950) // '99.50'
 */
export function toRupeesInput(paise: number): string {
  const whole = Math.trunc(paise / 100);
  const rest = paise % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
