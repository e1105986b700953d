/** How many failed sign-ins are allowed in a window before a pause. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export const ACCOUNT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60 * 1000 };
export const ADDRESS_THROTTLE: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * 60 * 1000 };

/**
 * Decides whether another attempt is allowed, given the failures counted in the current
 * fixed window (which started at `windowStart`). Returns the seconds to wait when not.
 *
 * @example
 * throttle({ failures: 5, windowStart: 0 }, 60_000, ACCOUNT_THROTTLE) // { allowed: false, retryAfterSeconds: 840 }
 */
export function throttle(
  state: { failures: number; windowStart: number },
  now: number,
  policy: ThrottlePolicy,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const windowEnd = state.windowStart + policy.windowMs;
  if (now >= windowEnd || state.failures < policy.maxFailures) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)) };
}

/** The start of the fixed window that contains `now`. */
export const windowStart = (now: number, policy: ThrottlePolicy): number => now - (now % policy.windowMs);
