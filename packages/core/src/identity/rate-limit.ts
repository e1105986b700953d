import type { ClusterPolicy } from './cluster-policy';

/** National bounds on a cluster's API request rate, so one busy cluster cannot starve the others. */
export const CLUSTER_RATE_BOUNDS = { perMinute: { min: 60, max: 6_000, default: 3_000 } } as const;
export const RATE_WINDOW_MS = 60_000;

/**
 * The requests per minute a cluster may send: its policy's own limit clamped to the national
 * bounds, or the national default.
 *
 * @example
 * clusterRateLimit({ requestsPerMinute: 10 }) // 60 (the national floor)
 */
export function clusterRateLimit(policy: Pick<ClusterPolicy, 'requestsPerMinute'> | undefined): number {
  const { min, max } = CLUSTER_RATE_BOUNDS.perMinute;
  return Math.min(max, Math.max(min, policy?.requestsPerMinute ?? CLUSTER_RATE_BOUNDS.perMinute.default));
}

/** The fixed window holding `now`, and the whole seconds until it ends (at least 1: a Retry-After). */
export function rateWindow(now: number): { start: number; retryAfterSeconds: number } {
  const start = now - (now % RATE_WINDOW_MS);
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start + RATE_WINDOW_MS - now) / 1000)) };
}
