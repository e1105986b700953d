import type { Db } from './db';
import { activityStore } from './activity';
import { clusterStore } from './clusters';
import { funderStore } from './funders';
import { providerStore } from './providers';
import { requestStore } from './requests';
import { userStore } from './users';

/** Every store over one table; built once per process. */
export function createStores(db: Db) {
  return {
    db,
    clusters: clusterStore(db),
    providers: providerStore(db),
    funders: funderStore(db),
    users: userStore(db),
    requests: requestStore(db),
    activity: activityStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;
