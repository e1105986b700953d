/**
 * An exact non-negative rational, so that no float rounding ever decides a winner. Scores are
 * compared as fractions and rounded only for display.
 */
export interface Fraction {
  readonly num: bigint;
  /** Always > 0. */
  readonly den: bigint;
}

/**
 * Builds n/d from integers.
 *
 * @example
 * fraction(3, 4) // { num: 3n, den: 4n }
 */
export function fraction(num: number | bigint, den: number | bigint = 1): Fraction {
  const d = BigInt(den);
  if (d <= 0n) throw new RangeError('A fraction needs a positive denominator');
  return { num: BigInt(num), den: d };
}

/**
 * a + b.
 *
 * @example
 * plus(fraction(1, 3), fraction(1, 6)) // 9/18
 */
export const plus = (a: Fraction, b: Fraction): Fraction => ({
  num: a.num * b.den + b.num * a.den,
  den: a.den * b.den,
});

/**
 * a × k for an integer k.
 *
 * @example
 * scale(fraction(1, 3), 60) // 60/3
 */
export const scale = (a: Fraction, k: number | bigint): Fraction => ({ num: a.num * BigInt(k), den: a.den });

/**
 * a ÷ k for a positive integer k.
 *
 * @example
 * divide(fraction(300, 7), 100) // 300/700
 */
export const divide = (a: Fraction, k: number | bigint): Fraction => fraction(a.num, a.den * BigInt(k));

/**
 * -1, 0 or 1, exactly.
 *
 * @example
 * compareFractions(fraction(1, 3), fraction(2, 6)) // 0
 */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * A score in points (0–100) as an integer number of hundredths of a point, rounded down:
 * 10000 is the full 100 points.
 *
 * @example
 * toHundredths(fraction(200, 3)) // 6666 (66.66 points)
 */
export const toHundredths = (a: Fraction): number => Number((a.num * 100n) / a.den);
