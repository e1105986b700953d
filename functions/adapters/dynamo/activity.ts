import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { Activity } from '@bds/core';
import type { Db } from './db';
import type { Page } from './cursor';
import { queryPage } from './page';
import { keys, withoutKeys } from './keys';
import { isConditionFailure } from './transact';

/** The per-cluster activity feed, newest first. */
export function activityStore(db: Db) {
  return {
    /** Appends an entry; the id is the idempotency key, so a redelivered event writes nothing new. */
    async append(entry: Activity): Promise<'written' | 'duplicate'> {
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: { ...keys.activity(entry.clusterId, entry.id), entity: 'activity', ...entry },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return 'written';
      } catch (error) {
        if (isConditionFailure(error)) return 'duplicate';
        throw error;
      }
    },
    async list(
      clusterId: string,
      opts: { limit: number; cursor?: string; requestId?: string },
    ): Promise<Page<Activity>> {
      const pk = keys.activityPartition(clusterId);
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        (i) => Activity.parse(withoutKeys(i)),
      );
    },
  };
}
export type ActivityStore = ReturnType<typeof activityStore>;
