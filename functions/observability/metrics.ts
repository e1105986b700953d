/** CloudWatch metric units used here (the EMF specification lists more). */
export type MetricUnit = 'Milliseconds' | 'Count' | 'None';

/**
 * Log fields that make one structured log line a CloudWatch Embedded Metric Format record: the
 * `_aws` block names the metrics and dimensions, and each metric's value sits beside it at the
 * top level. Lambda's log pipeline turns such a line into metrics, with no API call; pass the
 * result as the fields of a JSON log line.
 *
 * @example
 * log.info('matching run', metricFields('BdsExchange/Workers', { MatchingDuration: [12.5, 'Milliseconds'] }, { Worker: 'matching' }, now));
 */
export function metricFields(
  namespace: string,
  metrics: Record<string, [value: number, unit: MetricUnit]>,
  dimensions: Record<string, string>,
  timestamp: number,
): Record<string, unknown> {
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [{
        Namespace: namespace,
        Dimensions: [Object.keys(dimensions)],
        Metrics: Object.entries(metrics).map(([Name, [, Unit]]) => ({ Name, Unit })),
      }],
    },
    ...dimensions,
    ...Object.fromEntries(Object.entries(metrics).map(([name, [value]]) => [name, value])),
  };
}

/** The namespace of the workers' metrics. */
export const WORKER_METRICS = 'BdsExchange/Workers';
