import { handle } from 'hono/aws-lambda';
import { readEnv } from '../config/env';
import { sqsPublisher } from '../adapters/sqs/publisher';
import { buildDeps } from '../runtime';
import { createApp } from './app';

// Lambda entry point: environment read and validated once per cold start.
const env = readEnv();
if (!env.EVENTS_QUEUE_URL) throw new Error('Invalid environment — EVENTS_QUEUE_URL is required in AWS');
if (!env.JWT_PRIVATE_JWK) throw new Error('Invalid environment — JWT_PRIVATE_JWK is required in AWS');
const deps = await buildDeps(env, { publisher: sqsPublisher(env.EVENTS_QUEUE_URL), privateJwk: JSON.parse(env.JWT_PRIVATE_JWK) });

export const handler = handle(createApp(deps));
