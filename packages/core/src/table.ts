/**
 * The one DynamoDB table's key schema and indexes, as plain data. The CDK stack and the
 * local stack both build the table from this, so they cannot drift apart.
 * Each index is named after the access pattern family it serves (docs/data-model.md).
 */
export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Attribute that DynamoDB's TTL deletes by (epoch seconds). */
  ttlAttribute: 'expiresAt',
  indexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

export type TableIndexName = (typeof TABLE)['indexes'][number]['name'];
