import { readEnv } from '../config/env';
import { sqsPublisher } from '../adapters/sqs/publisher';
import { createLogger } from '../observability/logger';
import { createRelayHandler } from './relay/relay';

// Lambda entry point of the outbox relay (table stream → events queue), built once per cold start.
const env = readEnv();
if (!env.EVENTS_QUEUE_URL) throw new Error('Invalid environment — EVENTS_QUEUE_URL is required by the relay');

export const handler = createRelayHandler({
  publisher: sqsPublisher(env.EVENTS_QUEUE_URL),
  log: createLogger({ level: env.LOG_LEVEL, service: 'relay' }),
});
