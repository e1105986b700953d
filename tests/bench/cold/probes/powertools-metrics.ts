// Probe (npm run bench:cold): what Powertools Metrics adds to a bundle, as a handler would use it.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const metrics = new Metrics({ namespace: 'BdsExchange/Workers', serviceName: 'probe' });
export const handler = async (): Promise<void> => {
  metrics.addDimension('Queue', 'probe');
  metrics.addMetric('Processed', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
};
