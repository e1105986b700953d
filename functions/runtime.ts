import type { JWK } from 'jose';
import { idGenerator, timingForStage, type Clock, type ProcurementTiming } from '@bds/core';
import type { Env } from './config/env';
import { createDb } from './adapters/dynamo/db';
import { createStores } from './adapters/dynamo/stores';
import { systemClock, systemIds, systemRandom } from './adapters/system';
import { createTokenService } from './api/auth/tokens';
import { createPasswordHasher, type PasswordHasher } from './api/auth/passwords';
import type { DemoAccount, Deps } from './api/deps';
import { createLogger, type Logger } from './observability/logger';
import type { MailSender } from './adapters/mail/port';

export const VERSION = '0.1.0';

/** Mail goes nowhere but the log (without its secret links) until SES is configured. */
export const logOnlyMail = (log: Logger): MailSender => ({
  send: async (message) =>
    log.warn('mail not sent: MAIL_FROM is not configured', { to: message.to, subject: message.subject }),
});

/**
 * Builds the API's dependencies from the environment. The same wiring serves Lambda and
 * the local stack; only the key source and the mail sender differ.
 */
export async function buildDeps(
  env: Env,
  opts: {
    privateJwk: JWK;
    previousJwks?: JWK[];
    mail: MailSender;
    log?: Logger;
    demoAccounts?: DemoAccount[];
    outbox?: Deps['outbox'];
    /** OWASP's cost unless a test harness passes a cheaper one. */
    passwords?: PasswordHasher;
    /** The stage's national timing bounds unless a test harness passes its own. */
    timing?: ProcurementTiming;
    /** The system clock unless a harness moves time itself (the e2e stack's `POST /clock`). */
    clock?: Clock;
  },
): Promise<Deps> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger({ level: env.LOG_LEVEL, service: 'api' });
  const db = createDb({
    tableName: env.TABLE_NAME,
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
  });
  return {
    stores: createStores(db),
    clock,
    ids: opts.clock ? idGenerator(clock, systemRandom) : systemIds,
    timing: opts.timing ?? timingForStage(env.STAGE),
    tokens: await createTokenService({
      privateJwk: opts.privateJwk,
      ...(opts.previousJwks ? { previousJwks: opts.previousJwks } : {}),
      issuer: env.JWT_ISSUER,
      now: clock.now,
    }),
    passwords: opts.passwords ?? createPasswordHasher(),
    log,
    version: VERSION,
    stage: env.STAGE,
    mail: opts.mail,
    portalUrl: env.PORTAL_URL,
    ...(opts.outbox ? { outbox: opts.outbox } : {}),
    ...(opts.demoAccounts ? { demoAccounts: opts.demoAccounts } : {}),
  };
}
