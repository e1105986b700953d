import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Stores } from '../adapters/dynamo/stores';

const MARKER = { PK: 'MIGRATION#repeat-counts', SK: 'MIGRATION' };

/**
 * The one-time backfill of the repeat counters (`repeat-counts.ts`) on a table whose awards
 * predate them: every cluster's awards are stamped and counted, then a marker item records that
 * it ran. It must run before any new award (the local stack calls it at start, before the seed),
 * since a new award reads its ordinal from the counter. Idempotent; returns the clusters it
 * visited (0 once the marker exists).
 *
 * @example
 * await backfillRepeatCounts(stores, () => new Date().toISOString());
 */
export async function backfillRepeatCounts(stores: Stores, now: () => string): Promise<number> {
  const { db } = stores;
  const done = await db.doc.send(new GetCommand({ TableName: db.table, Key: MARKER, ConsistentRead: true }));
  if (done.Item) return 0;
  let visited = 0;
  let cursor: string | undefined;
  do {
    const page = await stores.clusters.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    for (const cluster of page.items) {
      await stores.repeatCounts.backfill(cluster.id);
      visited += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...MARKER, entity: 'migration', at: now() } }));
  return visited;
}
