import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ServiceRequest, conflict } from '@bds/core';
import { z } from 'zod';
import type { Db } from './db';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { withoutKeys } from './keys';

/** A request as stored, with the pledge counter kept on the same item. */
export const StoredRequest = ServiceRequest.extend({ pledgedFirms: z.number().int().nonnegative() });
export type StoredRequest = z.infer<typeof StoredRequest>;

export const requestKeys = {
  item: (clusterId: string, requestId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: `REQ#${requestId}` }),
  prefix: 'REQ#',
  /** Sparse indexes: only open requests carry these, so a provider's list reads only them. */
  open: (r: ServiceRequest) => ({ GSI1PK: `CLUSTER#${r.clusterId}#OPEN`, GSI1SK: `${r.biddingDeadline}#${r.id}` }),
  openByCategory: (r: ServiceRequest) => ({ GSI2PK: `CLUSTER#${r.clusterId}#OPEN#${r.category}`, GSI2SK: `${r.biddingDeadline}#${r.id}` }),
};

function item(request: StoredRequest): Record<string, unknown> {
  const open = request.status === 'open' ? { ...requestKeys.open(request), ...requestKeys.openByCategory(request) } : {};
  return { ...requestKeys.item(request.clusterId, request.id), ...open, entity: 'request', ...request };
}

const parse = (raw: Record<string, unknown>): StoredRequest => StoredRequest.parse(withoutKeys(raw));

/** Service requests of a cluster. Every change is guarded by the version it was read at. */
export function requestStore(db: Db) {
  return {
    async create(request: ServiceRequest): Promise<StoredRequest> {
      const stored = { ...request, pledgedFirms: 0 };
      await db.doc.send(new PutCommand({ TableName: db.table, Item: item(stored), ConditionExpression: 'attribute_not_exists(PK)' }));
      return stored;
    },

    async get(clusterId: string, requestId: string): Promise<StoredRequest | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: requestKeys.item(clusterId, requestId) }));
      return out.Item ? parse(out.Item) : undefined;
    },

    /**
     * Replaces the request if nobody changed it since `expectedVersion` was read (optimistic
     * concurrency); the pledge counter is carried over by the caller.
     */
    async update(next: StoredRequest, expectedVersion: number): Promise<StoredRequest> {
      try {
        await db.doc.send(new PutCommand({
          TableName: db.table,
          Item: item(next),
          ConditionExpression: 'attribute_exists(PK) AND version = :v',
          ExpressionAttributeValues: { ':v': expectedVersion },
        }));
        return next;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') {
          throw conflict('REQUEST.VERSION_CONFLICT', 'The request changed since you read it; reload and try again', 'version');
        }
        throw error;
      }
    },

    /** Every request of the cluster, newest first (ids are ULIDs: they sort by creation). */
    async listByCluster(clusterId: string, opts: { limit: number; cursor?: string }): Promise<Page<StoredRequest>> {
      const pk = requestKeys.item(clusterId, '').PK;
      const out = await db.doc.send(new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': requestKeys.prefix },
        ScanIndexForward: false,
        Limit: opts.limit,
        ExclusiveStartKey: decodeCursor(opts.cursor, { attribute: 'PK', value: pk }),
      }));
      return { items: (out.Items ?? []).map(parse), nextCursor: encodeCursor(out.LastEvaluatedKey) };
    },

    /** Open requests by deadline (soonest first), optionally of one category and closing after a time. */
    async listOpen(clusterId: string, opts: { limit: number; cursor?: string; category?: string; closingAfter?: string }): Promise<Page<StoredRequest>> {
      const byCategory = opts.category !== undefined;
      const [index, pkName, skName] = byCategory ? ['GSI2', 'GSI2PK', 'GSI2SK'] : ['GSI1', 'GSI1PK', 'GSI1SK'];
      const pk = byCategory ? `CLUSTER#${clusterId}#OPEN#${opts.category}` : `CLUSTER#${clusterId}#OPEN`;
      const after = opts.closingAfter ? ` AND ${skName} > :after` : '';
      const out = await db.doc.send(new QueryCommand({
        TableName: db.table,
        IndexName: index,
        KeyConditionExpression: `${pkName} = :pk${after}`,
        ExpressionAttributeValues: { ':pk': pk, ...(opts.closingAfter ? { ':after': opts.closingAfter } : {}) },
        Limit: opts.limit,
        ExclusiveStartKey: decodeCursor(opts.cursor, { attribute: pkName, value: pk }),
      }));
      return { items: (out.Items ?? []).map(parse), nextCursor: encodeCursor(out.LastEvaluatedKey) };
    },
  };
}
export type RequestStore = ReturnType<typeof requestStore>;
