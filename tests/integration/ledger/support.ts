import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE, type Clock } from '@bds/core';
import type { Db } from '../../../functions/adapters/dynamo/db';
import { ledgerStore, type LedgerRoundTrip } from '../../../functions/adapters/dynamo/ledger';
import { dynamoClientConfig } from '../../../functions/local/dynamo-local';
import { freshTable } from '../support/dynamo';
import { dynamoEndpoint } from '../support/endpoint';

/** A movable clock: the model-based test steps it so both ledgers stamp the same instant. */
export const movableClock = (start: number): Clock & { set(ms: number): void } => {
  let now = start;
  return { now: () => now, set: (ms) => void (now = ms) };
};

function fixture(client: DynamoDBClient, tableName: string, clock: Clock) {
  const db: Db = {
    client,
    doc: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
    table: tableName,
  };
  const trips: LedgerRoundTrip[] = [];
  const ledger = ledgerStore(db, { clock, observe: (rt) => trips.push(rt) });
  return { db, ledger, trips, close: () => client.destroy() };
}
export type LedgerFixture = ReturnType<typeof fixture>;

/** A ledger store on a fresh table (the stack's definition), recording every DynamoDB call it makes. */
export async function ledgerOnFreshTable(clock: Clock): Promise<LedgerFixture> {
  const table = await freshTable();
  return fixture(table.client, table.tableName, clock);
}

/**
 * The same on a fresh table with the stack's keys and indexes but no stream, for the
 * model-based suite's tens of thousands of transactions: the ledger never reads the stream, and
 * DynamoDB Local spends about a third of a transaction's CPU writing its records. (Turning the
 * stream off with UpdateTable instead made every write 10–20× slower on DynamoDB Local 1.25.)
 */
export async function ledgerOnStreamlessTable(clock: Clock): Promise<LedgerFixture> {
  const client = new DynamoDBClient(dynamoClientConfig(dynamoEndpoint()));
  const tableName = `test-${randomUUID()}`;
  const keys = [TABLE.partitionKey, TABLE.sortKey, ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  return fixture(client, tableName, clock);
}

/** Runs `act` and returns the domain error code it threw, or 'ok'. */
export async function outcome(act: () => Promise<unknown>): Promise<string> {
  try {
    await act();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}
