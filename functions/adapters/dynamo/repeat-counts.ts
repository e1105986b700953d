import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './transact';
import type { Db } from './db';
import { queryAll } from './page';

/**
 * The repeat count of an (association, category): how many awards of that category the
 * association has received. The subsidy's taper reads it, so it is kept on one item written in
 * the award's own transaction (`bump`) instead of recounted by a Query over every request of the
 * cluster, which grows with history (STYLE.md §16).
 */
export const repeatCountKeys = {
  item: (clusterId: string, associationId: string, category: string) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `REPEATS#${associationId}#${category}`,
  }),
};

/** Who a count is of. */
export interface RepeatKey {
  clusterId: string;
  associationId: string;
  category: string;
}

/**
 * The Update that moves the count from `read` to `read + 1`, for the award's TransactWriteItems:
 * conditioned on the count still being `read`, so two awards racing for the same association and
 * category cannot both take the same ordinal (the loser's whole transaction, award included, is refused).
 */
export function repeatCountBump(table: string, key: RepeatKey, read: number) {
  return {
    TableName: table,
    Key: repeatCountKeys.item(key.clusterId, key.associationId, key.category),
    UpdateExpression: 'SET #awards = :next, entity = :entity',
    ConditionExpression: read === 0 ? 'attribute_not_exists(#awards) OR #awards = :read' : '#awards = :read',
    ExpressionAttributeNames: { '#awards': 'awards' },
    ExpressionAttributeValues: { ':next': read + 1, ':read': read, ':entity': 'repeatCount' },
  };
}

/** Reads and backfills repeat counts. */
export function repeatCountStore(db: Db) {
  return {
    /** The awards counted so far (0 when none): one consistent GetItem whatever the history. */
    async read(key: RepeatKey): Promise<number> {
      const out = await db.doc.send(
        new GetCommand({
          TableName: db.table,
          Key: repeatCountKeys.item(key.clusterId, key.associationId, key.category),
          ConsistentRead: true,
        }),
      );
      return typeof out.Item?.awards === 'number' ? out.Item.awards : 0;
    },

    /**
     * One-time backfill of a cluster whose awards predate the counter: reads every awarded request
     * once, orders each (association, category)'s awards as the old recount did (`awardedAt`, then
     * request id), stamps `award.repeatCount` on awards that lack it and raises each counter to its
     * number of awards. Idempotent: a stamped award and a counter already at (or past) its value are
     * left alone, so running it twice, or after new awards, changes nothing.
     */
    async backfill(clusterId: string): Promise<{ stamped: number; counters: number }> {
      const awards = await queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :req)',
          FilterExpression: 'attribute_exists(award.awardedAt)',
          ProjectionExpression: 'id, associationId, category, award.awardedAt, award.repeatCount',
          ExpressionAttributeValues: { ':pk': `CLUSTER#${clusterId}`, ':req': 'REQ#' },
          ConsistentRead: true,
        },
        (raw) => {
          const award = raw.award as { awardedAt: string; repeatCount?: number };
          return {
            id: String(raw.id),
            group: `${String(raw.associationId)}#${String(raw.category)}`,
            associationId: String(raw.associationId),
            category: String(raw.category),
            at: award.awardedAt,
            stamped: award.repeatCount !== undefined,
          };
        },
      );
      const groups = new Map<string, typeof awards>();
      for (const a of awards) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
      let stamped = 0;
      for (const list of groups.values()) {
        list.sort((x, y) => (x.at === y.at ? (x.id < y.id ? -1 : 1) : x.at < y.at ? -1 : 1));
        for (const [n, a] of list.entries()) {
          if (a.stamped) continue;
          try {
            await db.doc.send(
              new UpdateCommand({
                TableName: db.table,
                Key: { PK: `CLUSTER#${clusterId}`, SK: `REQ#${a.id}` },
                UpdateExpression: 'SET award.repeatCount = :n',
                ConditionExpression: 'attribute_exists(award) AND attribute_not_exists(award.repeatCount)',
                ExpressionAttributeValues: { ':n': n },
              }),
            );
            stamped += 1;
          } catch (error) {
            if (!isConditionFailure(error)) throw error;
          }
        }
        const { associationId, category } = list[0]!;
        try {
          await db.doc.send(
            new UpdateCommand({
              TableName: db.table,
              Key: repeatCountKeys.item(clusterId, associationId, category),
              UpdateExpression: 'SET #awards = :n, entity = :entity',
              ConditionExpression: 'attribute_not_exists(#awards) OR #awards < :n',
              ExpressionAttributeNames: { '#awards': 'awards' },
              ExpressionAttributeValues: { ':n': list.length, ':entity': 'repeatCount' },
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      return { stamped, counters: groups.size };
    },
  };
}
export type RepeatCountStore = ReturnType<typeof repeatCountStore>;
