import { BatchWriteCommand, PutCommand, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { Firm, conflict } from '@bds/core';
import { getMany } from './batch-get';
import type { Db } from './db';
import type { Page } from './cursor';
import { queryPage } from './page';
import { keys, withoutKeys } from './keys';
import { untilProcessed } from './retry';
import { failedAt, isConditionFailure, transact } from './transact';

/** DynamoDB's limits: 100 items per transaction, 25 per batch write. */
export const TRANSACTION_LIMIT = 100;
const BATCH_LIMIT = 25;
const BATCH_CONCURRENCY = 4;

const firmItem = (firm: Firm) => ({
  ...keys.firm(firm.clusterId, firm.associationId, firm.id),
  entity: 'firm',
  ...firm,
});
const exists = () => conflict('FIRM.EXISTS', 'A firm with this id is already registered', 'id');

/** The member-firm register of each association, in the cluster's partition. */
export function firmStore(db: Db) {
  /** BatchWrite with the retries DynamoDB asks for (unprocessed items under throttling). */
  async function batchWrite(requests: NonNullable<BatchWriteCommandInput['RequestItems']>[string]): Promise<void> {
    await untilProcessed(
      requests,
      async (pending) =>
        (await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: pending } }))).UnprocessedItems?.[
          db.table
        ],
    );
  }

  async function inChunks(firms: Firm[], write: (chunk: Firm[]) => Promise<void>): Promise<void> {
    const chunks: Firm[][] = [];
    for (let i = 0; i < firms.length; i += BATCH_LIMIT) chunks.push(firms.slice(i, i + BATCH_LIMIT));
    for (let i = 0; i < chunks.length; i += BATCH_CONCURRENCY)
      await Promise.all(chunks.slice(i, i + BATCH_CONCURRENCY).map(write));
  }

  return {
    /** Some firms by (association, firm), in BatchGetItems of 100; missing ones are left out. */
    async getMany(clusterId: string, refs: readonly { associationId: string; firmId: string }[]): Promise<Firm[]> {
      const out: Firm[] = [];
      for (let i = 0; i < refs.length; i += 100) {
        const items = await getMany(
          db,
          refs.slice(i, i + 100).map((r) => keys.firm(clusterId, r.associationId, r.firmId)),
        );
        for (const item of items) if (item) out.push(Firm.parse(withoutKeys(item)));
      }
      return out;
    },

    /** Registers one firm; its id is new, so the condition only guards against a replayed id. */
    async create(firm: Firm): Promise<Firm> {
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: firmItem(firm),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return firm;
      } catch (error) {
        throw isConditionFailure(error) ? exists() : error;
      }
    },

    /**
     * Writes an imported register all or nothing. Up to 100 firms: one TransactWriteItems, so
     * atomic and isolated (nobody sees half an import). Above that DynamoDB has no transaction,
     * so the firms go in BatchWriteItem chunks of 25 and, if any chunk fails, every chunk is
     * deleted again before the error is raised: all or nothing by compensation, not isolation.
     * The CSV was fully validated first, so a failure here is an outage, not bad data.
     */
    async createMany(firms: Firm[]): Promise<void> {
      if (firms.length === 0) return;
      if (firms.length <= TRANSACTION_LIMIT) {
        const items = firms.map((f) => ({
          Put: { TableName: db.table, Item: firmItem(f), ConditionExpression: 'attribute_not_exists(PK)' },
        }));
        await transact(db, items, (reasons) => (reasons.some((_, i) => failedAt(reasons, i)) ? exists() : undefined));
        return;
      }
      try {
        await inChunks(firms, (chunk) => batchWrite(chunk.map((f) => ({ PutRequest: { Item: firmItem(f) } }))));
      } catch (error) {
        await inChunks(firms, (chunk) =>
          batchWrite(chunk.map((f) => ({ DeleteRequest: { Key: keys.firm(f.clusterId, f.associationId, f.id) } }))),
        );
        throw error;
      }
    },

    /** One association's firms, in registration order (ids are ULIDs), a page at a time. */
    async listByAssociation(
      clusterId: string,
      associationId: string,
      opts: { limit: number; cursor?: string },
    ): Promise<Page<Firm>> {
      const pk = keys.cluster(clusterId).PK;
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': keys.firmPrefix(associationId) },
          Limit: opts.limit,
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        (i) => Firm.parse(withoutKeys(i)),
      );
    },
  };
}
export type FirmStore = ReturnType<typeof firmStore>;

/** The key of a firm item, for stores that read a firm in the same batch as something else. */
export const firmKey = (clusterId: string, associationId: string, firmId: string) =>
  keys.firm(clusterId, associationId, firmId);
