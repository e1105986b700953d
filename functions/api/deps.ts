import type { Clock, IdGenerator, ProcurementTiming } from '@bds/core';
import type { Logger } from '../observability/logger';
import type { TokenService } from './auth/tokens';
import type { PasswordHasher } from './auth/passwords';
import type { Stores } from '../adapters/dynamo/stores';
import type { MailSender } from '../adapters/mail/port';
import type { StoredMail } from '../adapters/dynamo/mailbox';
import type { DeadLetterAdmin } from '../adapters/dead-letters/port';

/** A demo sign-in shown on the portal's home page; only a local stack has them. */
export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  name: string;
  organisationName: string;
}

/**
 * Everything a route needs, built once per process (cold start) and passed in. There is no
 * event publisher: routes write their events to the outbox in the transaction of the change.
 */
export interface Deps {
  stores: Stores;
  clock: Clock;
  ids: IdGenerator;
  /** The stage's national bounds for bidding periods and stand-stills (`timingForStage`; harnesses pass their own). */
  timing: ProcurementTiming;
  tokens: TokenService;
  passwords: PasswordHasher;
  log: Logger;
  version: string;
  /** The deployment stage (`local`, `prod`…); local-only routes are mounted only when it is `local`. */
  stage?: string;
  mail: MailSender;
  /** Where links in mail point (the portal's origin). */
  portalUrl: string;
  demoAccounts?: DemoAccount[];
  /** The local outbox, readable through the API on a local stack only. */
  outbox?: { list(email: string, limit?: number): Promise<StoredMail[]> };
  /** The workers' dead-letter queues (admin API); absent where none is configured. */
  deadLetters?: DeadLetterAdmin;
}
