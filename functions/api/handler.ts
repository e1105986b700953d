import { handle } from 'hono/aws-lambda';
import { readEnv } from '../config/env';
import { sqsPublisher } from '../adapters/sqs/publisher';
import { buildDeps, logOnlyMail } from '../runtime';
import { sesMailSender } from '../adapters/mail/ses';
import { createLogger } from '../observability/logger';
import { createApp } from './app';

// Lambda entry point: environment read and validated once per cold start.
const env = readEnv();
if (!env.EVENTS_QUEUE_URL) throw new Error('Invalid environment — EVENTS_QUEUE_URL is required in AWS');
if (!env.JWT_PRIVATE_JWK) throw new Error('Invalid environment — JWT_PRIVATE_JWK is required in AWS');
const log = createLogger({ level: env.LOG_LEVEL, service: 'api' });
const mail = env.MAIL_FROM ? sesMailSender(env.MAIL_FROM) : logOnlyMail(log);
const deps = await buildDeps(env, { publisher: sqsPublisher(env.EVENTS_QUEUE_URL), privateJwk: JSON.parse(env.JWT_PRIVATE_JWK), mail, log });

export const handler = handle(createApp(deps));
