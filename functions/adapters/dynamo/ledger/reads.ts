import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LedgerEntry } from '@bds/core';
import type { Db } from '../db';
import { decodeCursor, encodeCursor, type Page } from '../cursor';
import { parseEntry } from './items';
import { ledgerKeys } from './keys';
import { untilProcessed } from '../retry';

type Key = { PK: string; SK: string };

/** One DynamoDB call the ledger made, for metrics and for the round trips docs/ledger.md quotes. */
export interface LedgerRoundTrip {
  label: string;
  operation: 'BatchGetItem' | 'TransactWriteItems' | 'Query';
  /** As DynamoDB reports it (`ReturnConsumedCapacity: 'TOTAL'`); 0 when the call failed. */
  capacityUnits: number;
}
export type Observe = (rt: LedgerRoundTrip) => void;

export const capacityOf = (
  consumed: readonly { CapacityUnits?: number }[] | { CapacityUnits?: number } | undefined,
): number =>
  (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce(
    (s: number, c: { CapacityUnits?: number }) => s + (c.CapacityUnits ?? 0),
    0,
  );

const id = (k: Record<string, unknown>) => `${String(k.PK)}|${String(k.SK)}`;

/**
 * Strongly consistent reads of up to 100 keys per call, in the order asked (undefined where
 * absent). Unprocessed keys (throttling) are asked again.
 */
export async function batchGet(
  db: Db,
  keys: readonly Key[],
  label: string,
  observe: Observe,
): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  // BatchGetItem refuses a key listed twice (a void whose id is the hold's own id asks for one item twice).
  const unique = keys.filter((k, i) => keys.findIndex((x) => id(x) === id(k)) === i);
  for (let start = 0; start < unique.length; start += 100) {
    await untilProcessed<Record<string, unknown>>(unique.slice(start, start + 100), async (pending) => {
      const out = await db.doc.send(
        new BatchGetCommand({
          RequestItems: { [db.table]: { Keys: pending, ConsistentRead: true } },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      observe({ label, operation: 'BatchGetItem', capacityUnits: capacityOf(out.ConsumedCapacity) });
      for (const item of out.Responses?.[db.table] ?? []) found.set(id(item), item);
      return out.UnprocessedKeys?.[db.table]?.Keys;
    });
  }
  return keys.map((k) => found.get(id(k)));
}

/** One page of an account's statement lines, oldest first unless `newestFirst`. */
export async function queryStatement(
  db: Db,
  account: string,
  opts: { limit: number; cursor?: string | undefined; newestFirst?: boolean },
  observe: Observe,
): Promise<Page<LedgerEntry>> {
  const pk = ledgerKeys.accountPartition(account);
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entry)',
      ExpressionAttributeValues: { ':pk': pk, ':entry': ledgerKeys.entryPrefix },
      ScanIndexForward: !opts.newestFirst,
      ConsistentRead: true,
      Limit: opts.limit,
      ExclusiveStartKey: decodeCursor(opts.cursor, { attribute: 'PK', value: pk }),
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  observe({ label: 'statement', operation: 'Query', capacityUnits: capacityOf(out.ConsumedCapacity) });
  return { items: (out.Items ?? []).map(parseEntry), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}
