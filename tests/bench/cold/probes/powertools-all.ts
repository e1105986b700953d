// Probe (npm run bench:cold): Logger, Metrics and batch together (they share commons).
import { handler as batch } from './powertools-batch';
import { handler as logger } from './powertools-logger';
import { handler as metrics } from './powertools-metrics';

export const handler = async (...args: Parameters<typeof batch>) => {
  await logger();
  await metrics();
  return batch(...args);
};
