import type { Clock, EventPublisher, IdGenerator } from '@bds/core';
import type { Logger } from '../observability/logger';
import type { TokenService } from './auth/tokens';
import type { Stores } from '../adapters/dynamo/stores';

/** A demo sign-in shown on the portal's home page; only a local stack has them. */
export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  name: string;
  organisationName: string;
}

/** Everything a route needs, built once per process (cold start) and passed in. */
export interface Deps {
  stores: Stores;
  publisher: EventPublisher;
  clock: Clock;
  ids: IdGenerator;
  tokens: TokenService;
  log: Logger;
  version: string;
  demoAccounts?: DemoAccount[];
}
