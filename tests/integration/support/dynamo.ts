import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../../functions/adapters/dynamo/create-table';
import { dynamoClientConfig } from '../../../functions/local/dynamo-local';
import { dynamoEndpoint } from './endpoint';

/** A table of its own for one test file, on the DynamoDB Local that global-setup started. */
export interface FreshTable {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * Creates a uniquely named table from core's TABLE (via `ensureTable`, as the local stack
 * does), so test files never see each other's items.
 *
 * @example
 * const { doc, tableName } = await freshTable();
 */
export async function freshTable(): Promise<FreshTable> {
  const client = new DynamoDBClient(dynamoClientConfig(dynamoEndpoint()));
  const tableName = `test-${randomUUID()}`;
  await ensureTable(client, tableName);
  return { client, doc: DynamoDBDocumentClient.from(client), tableName };
}
