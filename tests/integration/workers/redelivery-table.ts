import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventEnvelope } from '@bds/core';
import { createDb, type Db } from '../../../functions/adapters/dynamo/db';
import { ensureTable } from '../../../functions/adapters/dynamo/create-table';
import { dynamoEndpoint } from '../support/endpoint';

// The redelivery test's tables: dumped, loaded into a fresh table for a replay, and compared as
// canonical lines (redelivery-harness.ts replays; redelivery-invariants.ts checks a table).

export type Item = Record<string, unknown>;

/** Every item of a table (a test may Scan; the code under test never does). */
export async function dumpTable(doc: DynamoDBDocumentClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** A fresh table holding `items` (BatchWriteItem, 25 at a time, unprocessed ones sent again). */
export async function loadTable(items: readonly Item[]): Promise<Db> {
  const db = createDb({ tableName: `replay-${randomUUID()}`, endpoint: dynamoEndpoint() });
  await ensureTable(db.client, db.table);
  for (let i = 0; i < items.length; i += 25) {
    let requests: { PutRequest: { Item: Item } }[] | undefined = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    while (requests?.length) {
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: requests } }));
      requests = out.UnprocessedItems?.[db.table] as typeof requests;
    }
  }
  return db;
}

/** The events in the table's outbox, oldest first (ids are ULIDs). */
export const outboxEvents = (items: readonly Item[]): EventEnvelope[] =>
  items
    .filter((i) => i.entity === 'outbox')
    .map((i) => i.event as EventEnvelope)
    .sort((a, b) =>
      a.occurredAt === b.occurredAt ? a.id.localeCompare(b.id) : a.occurredAt.localeCompare(b.occurredAt),
    );

/** Fields written from a wall clock or a timer, not from the workers' clock. */
const VOLATILE_FIELDS = new Set(['durationMs', 'expiresAt']);

/**
 * The table as a sorted list of JSON lines to compare: without outbox items (the events the
 * workers emitted carry generated ids), volatile fields dropped, and every generated id replaced
 * by `<id>`, so two runs that did the same things compare equal and a duplicate shows as an extra line.
 */
export function canonical(items: readonly Item[], generated: ReadonlySet<string>): string[] {
  const pattern = generated.size > 0 ? new RegExp([...generated].join('|'), 'g') : undefined;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return pattern ? value.replace(pattern, '<id>') : value;
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => !VOLATILE_FIELDS.has(k))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, clean(v)]),
      );
    }
    return value;
  };
  return items
    .filter((i) => i.entity !== 'outbox')
    .map((i) => JSON.stringify(clean(i)))
    .sort();
}

/** What one multiset has that the other lacks, both ways. */
export function difference(
  expected: readonly string[],
  actual: readonly string[],
): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>();
  for (const line of expected) count.set(line, (count.get(line) ?? 0) + 1);
  const extra: string[] = [];
  for (const line of actual) {
    const left = count.get(line) ?? 0;
    if (left > 0) count.set(line, left - 1);
    else extra.push(line);
  }
  const missing = [...count].flatMap(([line, n]) => Array<string>(n).fill(line));
  return { missing, extra };
}
