import { invalid } from '../errors';
import { money, type Money } from '../money';

/** What each firm owes the provider of an award's private share: the most any one pays, and whether all pay it. */
export interface PerFirmShare {
  /** The share of the firm that pays the most: the private share ÷ firms, rounded up to the paisa. */
  perFirm: Money;
  /** True when every firm pays exactly `perFirm` (the private share divides evenly). */
  even: boolean;
}

/**
 * An award's private share per firm, as the lead reads it before confirming ("each of the 12 firms
 * pays ₹2,200"). Rounded up so that `perFirm × firms` covers the share: a person is told the most a
 * firm pays, never less than it owes. Integer arithmetic; no firms is an error.
 *
 * @example
 * perFirmShare({ amount: 2_640_000, currency: 'INR' }, 12) // { perFirm: ₹2,200, even: true }
 */
export function perFirmShare(privateShare: Money, firms: number): PerFirmShare {
  if (!Number.isSafeInteger(firms) || firms < 1)
    throw invalid('SUBSIDY.NO_FIRMS', 'An award is shared by at least one firm', 'firms');
  const { amount, currency } = privateShare;
  const up = Math.floor(amount / firms) + (amount % firms === 0 ? 0 : 1);
  return { perFirm: money(up, currency), even: amount % firms === 0 };
}
