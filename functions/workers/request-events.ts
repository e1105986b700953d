import { timingForStage } from '@bds/core';
import { readEnv } from '../config/env';
import { createDb } from '../adapters/dynamo/db';
import { createStores } from '../adapters/dynamo/stores';
import { sesMailSender } from '../adapters/mail/ses';
import { eventBridgeScheduler } from '../adapters/scheduler/eventbridge';
import { createLogger } from '../observability/logger';
import { systemClock, systemIds as ids } from '../adapters/system';
import { logOnlyMail } from '../runtime';
import { createRequestEventsHandler } from './request-events/worker';
import { withQueueMetrics } from './batch';

// Lambda entry point: built once per cold start.
const env = readEnv();
const missing = (['SCHEDULE_GROUP', 'SCHEDULER_ROLE_ARN', 'EVENTS_QUEUE_ARN'] as const).filter((name) => !env[name]);
if (missing.length > 0)
  throw new Error(`Invalid environment — ${missing.join(', ')} required by the request-events worker`);
const log = createLogger({ level: env.LOG_LEVEL, service: 'request-events' });
const stores = createStores(
  createDb({ tableName: env.TABLE_NAME, ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}) }),
);
const mail = env.MAIL_FROM ? sesMailSender(env.MAIL_FROM) : logOnlyMail(log);
const scheduler = eventBridgeScheduler({
  groupName: env.SCHEDULE_GROUP!,
  queueArn: env.EVENTS_QUEUE_ARN!,
  roleArn: env.SCHEDULER_ROLE_ARN!,
});

// One EMF line per message (processed/failed, age): CloudWatch metrics with no API call.
export const handler = withQueueMetrics(
  'request-events',
  log,
  createRequestEventsHandler({
    stores,
    log,
    clock: systemClock,
    ids,
    timing: timingForStage(env.STAGE),
    mail,
    scheduler,
    portalUrl: env.PORTAL_URL,
  }),
);
