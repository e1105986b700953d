import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConditionalCheckFailedException, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE } from '@bds/core';
import { ensureTable } from '../../functions/adapters/dynamo/create-table';
import {
  dynamoClientConfig,
  JavaMissingError,
  startDynamoLocal,
  type DynamoLocal,
} from '../../functions/local/dynamo-local';
import { freshTable, type FreshTable } from './support/dynamo';

/** True while a process with this pid exists (signal 0 only checks). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the table on DynamoDB Local', () => {
  let table: FreshTable;
  beforeAll(async () => {
    table = await freshTable();
  });
  afterAll(() => table.client.destroy());

  it('has the key schema and both indexes of core TABLE', async () => {
    // Act
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));

    // Assess
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((i) => ({ name: i.IndexName, keys: i.KeySchema }));
    expect(indexes.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
      TABLE.indexes.map((i) => ({
        name: i.name,
        keys: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
      })),
    );
  });

  it('refuses a second write of the same key under attribute_not_exists', async () => {
    // Prepare
    const put = (name: string) =>
      table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { PK: 'CLU#1', SK: 'UNIQUE#x', name },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    await put('first');

    // Act
    const second = put('second');

    // Assess
    await expect(second).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { PK: 'CLU#1', SK: 'UNIQUE#x' } }),
    );
    expect(Item?.name).toBe('first');
  });
});

describe('startDynamoLocal', () => {
  let dataDir: string;
  const started: DynamoLocal[] = [];
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bds-dynamo-data-'));
  });
  afterAll(async () => {
    await Promise.all(started.map((local) => local.stop()));
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Starts an instance on `dataDir`, uses it, and stops it; returns what `use` returned and the JVM's pid. */
  async function withInstance<T>(
    use: (client: DynamoDBClient, doc: DynamoDBDocumentClient) => Promise<T>,
  ): Promise<{ result: T; pid: number }> {
    const local = await startDynamoLocal({ dataDir, log: () => undefined });
    started.push(local);
    const client = new DynamoDBClient(dynamoClientConfig(local.endpoint));
    try {
      return { result: await use(client, DynamoDBDocumentClient.from(client)), pid: local.pid };
    } finally {
      client.destroy();
      await local.stop();
    }
  }

  it('keeps data in dataDir across a restart, and leaves no process behind', { timeout: 120_000 }, async () => {
    // Prepare
    const TableName = 'persisted';
    const first = await withInstance(async (client, doc) => {
      await ensureTable(client, TableName);
      await doc.send(
        new PutCommand({ TableName, Item: { PK: 'CLU#1', SK: 'REQ#1', title: 'Export readiness audit' } }),
      );
    });

    // Act
    const second = await withInstance(async (_client, doc) => {
      const { Item } = await doc.send(new GetCommand({ TableName, Key: { PK: 'CLU#1', SK: 'REQ#1' } }));
      return Item;
    });

    // Assess
    expect(second.result?.title).toBe('Export readiness audit');
    expect(second.pid).not.toBe(first.pid);
    expect(isAlive(first.pid)).toBe(false);
    expect(isAlive(second.pid)).toBe(false);
    expect(() => process.kill(second.pid, 0)).toThrow();
  });

  it('says in one line how to install Java when it is missing', async () => {
    // Prepare
    const path = process.env.PATH;
    process.env.PATH = '';

    // Act
    const starting = startDynamoLocal({ log: () => undefined });

    // Assess
    try {
      await expect(starting).rejects.toBeInstanceOf(JavaMissingError);
      await expect(starting).rejects.toThrow(
        /^Java 17\+ is needed to run DynamoDB Local: apt-get install -y default-jre-headless$/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
