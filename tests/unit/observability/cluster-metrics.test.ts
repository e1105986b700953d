import { describe, expect, it } from 'vitest';
import { clusterRequestMetrics } from '../../../functions/observability/metrics';
import { createLogger } from '../../../functions/observability/logger';

const NOW = Date.UTC(2026, 0, 1);

describe('per-cluster API metrics (CloudWatch EMF)', () => {
  it('one JSON line names Requests, Errors, Latency and RateLimited per ClusterId and as a fleet total', () => {
    // Prepare
    const lines: Record<string, unknown>[] = [];
    const log = createLogger({ format: 'json', write: (l) => void lines.push(JSON.parse(l)) });

    // Act
    log.info(
      'cluster request',
      clusterRequestMetrics({ clusterId: 'clu_pune', status: 503, latencyMs: 41.6, rateLimited: false }, NOW),
    );
    log.info(
      'cluster request',
      clusterRequestMetrics({ clusterId: 'clu_pune', status: 429, latencyMs: 3, rateLimited: true }, NOW),
    );

    // Assess
    expect(lines[0]).toMatchObject({
      _aws: {
        Timestamp: NOW,
        CloudWatchMetrics: [
          {
            Namespace: 'BdsExchange/Api',
            Dimensions: [['ClusterId'], []],
            Metrics: [
              { Name: 'Requests', Unit: 'Count' },
              { Name: 'Errors', Unit: 'Count' },
              { Name: 'Latency', Unit: 'Milliseconds' },
              { Name: 'RateLimited', Unit: 'Count' },
            ],
          },
        ],
      },
      ClusterId: 'clu_pune',
      Requests: 1,
      Errors: 1,
      Latency: 42,
      RateLimited: 0,
    });
    expect(lines[1]).toMatchObject({ ClusterId: 'clu_pune', Requests: 1, Errors: 0, RateLimited: 1 });
  });
});
