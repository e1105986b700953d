import { readEnv } from '../config/env';
import { createDb } from '../adapters/dynamo/db';
import { createStores } from '../adapters/dynamo/stores';
import { createLogger } from '../observability/logger';
import { createRequestEventsHandler } from './request-events/worker';

// Lambda entry point: built once per cold start.
const env = readEnv();
const log = createLogger({ level: env.LOG_LEVEL, service: 'request-events' });
const stores = createStores(createDb({ tableName: env.TABLE_NAME, ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}) }));

export const handler = createRequestEventsHandler({ stores, log });
