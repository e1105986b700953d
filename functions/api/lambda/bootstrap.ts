import { handle } from 'hono/aws-lambda';
import { readEnv } from '../../config/env';
import { buildDeps, logOnlyMail } from '../../runtime';
import { loadSigningKeys } from '../../adapters/secrets/signing-keys';
import { sesMailSender } from '../../adapters/mail/ses';
import { createLogger } from '../../observability/logger';
import { parseDeadLetterQueues, sqsDeadLetters } from '../../adapters/sqs/dead-letters';
import type { AnyRoute } from '../route';
import { routeApp } from '../mount-app';

/**
 * The Lambda handler of one route group: the environment read and validated once per cold start,
 * the signing keys loaded, the dependencies built, the group's routes mounted with the API's middleware.
 *
 * @example
 * export const handler = await lambdaApi(requestsRoutes);
 */
export async function lambdaApi(routes: readonly AnyRoute[]): Promise<ReturnType<typeof handle>> {
  const env = readEnv();
  if (!env.JWT_PRIVATE_JWK && !env.SIGNING_KEYS_SECRET_ARN)
    throw new Error('Invalid environment — SIGNING_KEYS_SECRET_ARN (or JWT_PRIVATE_JWK) is required in AWS');
  const keys = env.JWT_PRIVATE_JWK
    ? { current: JSON.parse(env.JWT_PRIVATE_JWK), previous: [] }
    : await loadSigningKeys(env.SIGNING_KEYS_SECRET_ARN!);
  const log = createLogger({ level: env.LOG_LEVEL, service: 'api' });
  const mail = env.MAIL_FROM ? sesMailSender(env.MAIL_FROM) : logOnlyMail(log);
  const deps = await buildDeps(env, { privateJwk: keys.current, previousJwks: keys.previous, mail, log });
  if (env.DEAD_LETTER_QUEUES) deps.deadLetters = sqsDeadLetters(parseDeadLetterQueues(env.DEAD_LETTER_QUEUES));
  return handle(routeApp(deps, routes));
}
