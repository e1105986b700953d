/** CloudWatch metric units used here (the EMF specification lists more). */
export type MetricUnit = 'Milliseconds' | 'Count' | 'None';

/**
 * Log fields that make one structured log line a CloudWatch Embedded Metric Format record: the
 * `_aws` block names the metrics and dimensions, and each metric's value sits beside it at the
 * top level. Lambda's log pipeline turns such a line into metrics, with no API call; pass the
 * result as the fields of a JSON log line.
 *
 * @example
 * log.info('matching run', metricFields('BdsExchange/Workers', { MatchingDuration: [12.5, 'Milliseconds'] }, { Worker:
 * 'matching' }, now));
 */
export function metricFields(
  namespace: string,
  metrics: Record<string, [value: number, unit: MetricUnit]>,
  dimensions: Record<string, string>,
  timestamp: number,
  /** The dimension sets to publish under. @default one set: every dimension given */
  dimensionSets: string[][] = [Object.keys(dimensions)],
): Record<string, unknown> {
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: namespace,
          Dimensions: dimensionSets,
          Metrics: Object.entries(metrics).map(([Name, [, Unit]]) => ({ Name, Unit })),
        },
      ],
    },
    ...dimensions,
    ...Object.fromEntries(Object.entries(metrics).map(([name, [value]]) => [name, value])),
  };
}

/** The namespace of the workers' metrics. */
export const WORKER_METRICS = 'BdsExchange/Workers';

/** The namespace of the API's per-cluster metrics (docs/security.md). */
export const API_METRICS = 'BdsExchange/Api';

/** One cluster-scoped request, as the API saw it when it answered. */
export interface ClusterRequest {
  clusterId: string;
  status: number;
  latencyMs: number;
  /** Refused by the per-cluster limiter (429 `CLUSTER.RATE_LIMITED`). */
  rateLimited: boolean;
}

/**
 * The EMF fields of one cluster-scoped request: `Requests`, `Errors` (5xx), `Latency` and
 * `RateLimited`, each published twice, per `ClusterId` and with no dimension (the fleet total the
 * alarm watches). Only clusters the caller reached are measured, so the dimension's values are
 * real cluster ids, never a caller's arbitrary string.
 *
 * @example
 * const request = { clusterId, status: 200, latencyMs: 12, rateLimited: false };
 * log.info('cluster request', clusterRequestMetrics(request, now));
 */
export function clusterRequestMetrics(request: ClusterRequest, timestamp: number): Record<string, unknown> {
  const metrics: Record<string, [number, MetricUnit]> = {
    Requests: [1, 'Count'],
    Errors: [request.status >= 500 ? 1 : 0, 'Count'],
    Latency: [Math.max(0, Math.round(request.latencyMs)), 'Milliseconds'],
    RateLimited: [request.rateLimited ? 1 : 0, 'Count'],
  };
  return metricFields(API_METRICS, metrics, { ClusterId: request.clusterId }, timestamp, [['ClusterId'], []]);
}
