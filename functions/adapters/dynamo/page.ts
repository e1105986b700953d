import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { invalid } from '@bds/core';
import type { Db } from './db';
import { decodeCursor, encodeCursor, type Page } from './cursor';

const badCursor = () => invalid('PAGE.BAD_CURSOR', 'The cursor is not one this list returned', 'cursor');

/**
 * Runs one Query for one page. The cursor must name the Query's own partition (so a forged one
 * cannot reach another tenant), and one that DynamoDB finds outside the Query's range or
 * missing a key attribute is the caller's mistake: a 422 naming `cursor`, not a 500.
 *
 * @example
 * const page = await queryPage(db, { KeyConditionExpression: 'PK = :pk', … }, { attribute: 'PK', value: pk },
 * opts.cursor, parse);
 */
export async function queryPage<T>(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  partition: { attribute: string; value: string },
  cursor: string | undefined,
  parse: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const start = decodeCursor(cursor, partition);
  try {
    const out = await db.doc.send(new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: start }));
    return { items: (out.Items ?? []).map(parse), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  } catch (error) {
    if (start && (error as Error).name === 'ValidationException') throw badCursor();
    throw error;
  }
}

/**
 * Every item a Query matches, page after page: for reads that need the whole set (a count, a
 * run's capacities, a batch's lines). Lists a person pages through use `queryPage` instead.
 *
 * @example
 * const items = await queryAll(db, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } },
 * parse);
 */
export async function queryAll<T>(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  parse: (item: Record<string, unknown>) => T,
): Promise<T[]> {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []).map(parse));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
