import * as z from 'zod';
import { invalid } from './errors';

export { moneyText, percentText } from './money-text';

/** ISO 4217 codes the marketplace handles; every amount carries one. */
export const Currency = z.enum(['INR', 'USD', 'EUR']);
export type Currency = z.infer<typeof Currency>;

/** An amount in integer minor units (paise for INR) with its currency. Never a float. */
export const Money = z.object({
  amount: z.number().int().safe(),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

/**
 * Builds a Money value, refusing anything that is not a safe integer.
 *
 * @example
 * money(125_000_00, 'INR') // ₹1,25,000.00
 */
export function money(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount))
    throw invalid('MONEY.NOT_INTEGER', `Amount ${amount} is not a whole number of minor units`, 'amount');
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency)
    throw invalid('MONEY.CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency}`, 'currency');
}

/** a + b, same currency. */
export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** a − b, same currency. */
export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** a × n for a whole number n (a price per firm times a number of firms). */
export function times(a: Money, n: number): Money {
  if (!Number.isSafeInteger(n)) throw invalid('MONEY.NOT_INTEGER', `Multiplier ${n} is not a whole number`, 'quantity');
  return money(a.amount * n, a.currency);
}

/**
 * Splits an amount by integer weights with no unit lost: the largest-remainder method,
 * ties to the earliest part. The parts always sum to the whole.
 *
 * @example
 * allocate(money(100, 'INR'), [1, 1, 1]) // amounts 34, 33, 33
 */
export function allocate(a: Money, weights: readonly number[]): Money[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || total <= 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw invalid('MONEY.BAD_WEIGHTS', 'Weights must be non-negative integers with a positive sum', 'weights');
  }
  const sign = a.amount < 0 ? -1 : 1;
  const whole = Math.abs(a.amount);
  // BigInt keeps whole × weight exact beyond 2^53.
  const parts = weights.map((w) => (BigInt(whole) * BigInt(w)) / BigInt(total));
  const rems = weights.map((w, i) => ({ i, r: (BigInt(whole) * BigInt(w)) % BigInt(total) }));
  let left = BigInt(whole) - parts.reduce((s, p) => s + p, 0n);
  rems.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => money(sign * Number(p), a.currency));
}

/** -1, 0 or 1, same currency. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}
