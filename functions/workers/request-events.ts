import { webcrypto } from 'node:crypto';
import { idGenerator } from '@bds/core';
import { readEnv } from '../config/env';
import { createDb } from '../adapters/dynamo/db';
import { createStores } from '../adapters/dynamo/stores';
import { sesMailSender } from '../adapters/mail/ses';
import { createLogger } from '../observability/logger';
import { logOnlyMail, systemClock } from '../runtime';
import { createRequestEventsHandler } from './request-events/worker';

// Lambda entry point: built once per cold start.
const env = readEnv();
const log = createLogger({ level: env.LOG_LEVEL, service: 'request-events' });
const stores = createStores(createDb({ tableName: env.TABLE_NAME, ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}) }));
const ids = idGenerator(systemClock, (n) => webcrypto.getRandomValues(new Uint8Array(n)));
const mail = env.MAIL_FROM ? sesMailSender(env.MAIL_FROM) : logOnlyMail(log);

export const handler = createRequestEventsHandler({
  stores, log, clock: systemClock, ids, mail, portalUrl: env.PORTAL_URL,
  // Replaced by the EventBridge Scheduler adapter (issue 5): until then a schedule is only logged.
  scheduler: { at: async (name, at) => log.warn('no scheduler configured', { name, at }), cancel: async () => undefined },
});
