import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The document client and the table every store writes to. */
export interface Db {
  doc: DynamoDBDocumentClient;
  client: DynamoDBClient;
  table: string;
}

/**
 * Connects to DynamoDB (or DynamoDB Local when `endpoint` is set).
 *
 * @example
 * const db = createDb({ tableName: env.TABLE_NAME, endpoint: env.DYNAMODB_ENDPOINT });
 */
export function createDb(opts: { tableName: string; endpoint?: string; config?: DynamoDBClientConfig }): Db {
  const local = opts.endpoint
    ? { endpoint: opts.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {};
  const client = new DynamoDBClient({ ...local, ...opts.config });
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { doc, client, table: opts.tableName };
}
