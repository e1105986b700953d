// Probe (npm run bench:cold): what the Powertools Logger adds to a bundle, as a handler would use it.
import { Logger } from '@aws-lambda-powertools/logger';

const logger = new Logger({ serviceName: 'probe' });
export const handler = async (): Promise<void> => logger.info('probe', { clusterId: 'c', correlationId: 'r' });
