import { handle } from 'hono/aws-lambda';
import { readEnv } from '../config/env';
import { sqsPublisher } from '../adapters/sqs/publisher';
import { buildDeps, logOnlyMail } from '../runtime';
import { loadSigningKeys } from '../adapters/secrets/signing-keys';
import { sesMailSender } from '../adapters/mail/ses';
import { createLogger } from '../observability/logger';
import { createApp } from './app';

// Lambda entry point: environment read and validated once per cold start.
const env = readEnv();
if (!env.EVENTS_QUEUE_URL) throw new Error('Invalid environment — EVENTS_QUEUE_URL is required in AWS');
if (!env.JWT_PRIVATE_JWK && !env.SIGNING_KEYS_SECRET_ARN) throw new Error('Invalid environment — SIGNING_KEYS_SECRET_ARN (or JWT_PRIVATE_JWK) is required in AWS');
const keys = env.JWT_PRIVATE_JWK ? { current: JSON.parse(env.JWT_PRIVATE_JWK), previous: [] } : await loadSigningKeys(env.SIGNING_KEYS_SECRET_ARN!);
const log = createLogger({ level: env.LOG_LEVEL, service: 'api' });
const mail = env.MAIL_FROM ? sesMailSender(env.MAIL_FROM) : logOnlyMail(log);
const deps = await buildDeps(env, { publisher: sqsPublisher(env.EVENTS_QUEUE_URL), privateJwk: keys.current, previousJwks: keys.previous, mail, log });

export const handler = handle(createApp(deps));
