import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db';
import { untilProcessed } from './retry';

type Key = { PK: string; SK: string };

/**
 * Reads several items of any partitions in one BatchGetItem (strongly consistent, because the
 * caller decides a write from them), answering in the order of `keys` with `undefined` for a
 * missing item. Unprocessed keys, rare and only under throttling, are asked for again.
 *
 * @example
 * const [request, firm] = await getMany(db, [requestKeys.item(c, r), firmKey(c, a, f)]);
 */
export async function getMany(db: Db, keys: Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  const id = (k: { PK?: unknown; SK?: unknown }) => `${String(k.PK)}\u0000${String(k.SK)}`;
  const unique = [...new Map(keys.map((k) => [id(k), k])).values()];
  await untilProcessed<Record<string, unknown>>(unique, async (pending) => {
    const out = await db.doc.send(
      new BatchGetCommand({ RequestItems: { [db.table]: { Keys: pending, ConsistentRead: true } } }),
    );
    for (const item of out.Responses?.[db.table] ?? []) found.set(id(item), item);
    return out.UnprocessedKeys?.[db.table]?.Keys;
  });
  return keys.map((k) => found.get(id(k)));
}
