import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  Association,
  ClusterPolicy,
  ServiceRequest,
  conflict,
  notFound,
  type AuditEntry,
  type DomainEvent,
} from '@bds/core';
import * as z from 'zod';
import type { Db } from './db';
import type { Page } from './cursor';
import { queryPage } from './page';
import { getMany } from './batch-get';
import { keys, withoutKeys } from './keys';
import { auditItem } from './audit';
import { outboxPut } from './outbox';
import { failedAt, isConditionFailure, transact } from './transact';

/** A request as stored, with the pledge counter kept on the same item. */
export const StoredRequest = ServiceRequest.extend({ pledgedFirms: z.number().int().nonnegative() });
export type StoredRequest = z.infer<typeof StoredRequest>;

export const requestKeys = {
  item: (clusterId: string, requestId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: `REQ#${requestId}` }),
  prefix: 'REQ#',
  /** Sparse indexes: only open requests carry these, so a provider's list reads only them. */
  open: (r: ServiceRequest) => ({ GSI1PK: `CLUSTER#${r.clusterId}#OPEN`, GSI1SK: `${r.biddingDeadline}#${r.id}` }),
  openByCategory: (r: ServiceRequest) => ({
    GSI2PK: `CLUSTER#${r.clusterId}#OPEN#${r.category}`,
    GSI2SK: `${r.biddingDeadline}#${r.id}`,
  }),
};

function item(request: StoredRequest): Record<string, unknown> {
  const open =
    request.status === 'open' ? { ...requestKeys.open(request), ...requestKeys.openByCategory(request) } : {};
  return { ...requestKeys.item(request.clusterId, request.id), ...open, entity: 'request', ...request };
}

/** Parses a stored request item (keys and index attributes dropped). */
export const parseRequest = (raw: Record<string, unknown>): StoredRequest => StoredRequest.parse(withoutKeys(raw));

/** A conditional Update of a counter item that commits with a transition (see `repeatCountBump`). */
export interface CounterUpdate {
  TableName: string;
  Key: Record<string, string>;
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** An extra condition on a request write, e.g. "the pledge count is still what was evaluated". */
export interface Guard {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/**
 * The UpdateItem that stores a transition: every field is SET except the pledge counter, which
 * only pledges change (with ADD), so a transition never overwrites a pledge made meanwhile; the
 * open-list index keys follow the status. Guarded by the version the caller read.
 */
export function requestUpdate(table: string, next: ServiceRequest, expectedVersion: number, guard?: Guard) {
  const open = next.status === 'open' ? { ...requestKeys.open(next), ...requestKeys.openByCategory(next) } : {};
  const fields = Object.entries({ ...next, ...open, entity: 'request' }).filter(
    ([k, v]) => k !== 'pledgedFirms' && v !== undefined,
  );
  const names: Record<string, string> = { '#version': 'version', ...guard?.names };
  const values: Record<string, unknown> = { ':expectedVersion': expectedVersion, ...guard?.values };
  const sets = fields.map(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    return `#f${i} = :f${i}`;
  });
  const removes = next.status === 'open' ? '' : ' REMOVE GSI1PK, GSI1SK, GSI2PK, GSI2SK';
  return {
    TableName: table,
    Key: requestKeys.item(next.clusterId, next.id),
    UpdateExpression: `SET ${sets.join(', ')}${removes}`,
    ConditionExpression:
      `attribute_exists(PK) AND #version = ` + `:expectedVersion${guard ? ` AND (${guard.expression})` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * The condition that the request is still open and before its deadline at `now`: pledges and
 * bids carry it in their transactions, so one that arrives after the deadline is refused by
 * the store even if the caller's clock said otherwise.
 */
export function openRequestCheck(table: string, clusterId: string, requestId: string, now: number) {
  return {
    TableName: table,
    Key: requestKeys.item(clusterId, requestId),
    ConditionExpression: 'attribute_exists(PK) AND #status = :open AND #deadline > :now',
    ExpressionAttributeNames: { '#status': 'status', '#deadline': 'biddingDeadline' },
    ExpressionAttributeValues: { ':open': 'open', ':now': new Date(now).toISOString() },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
}

/** Names why `openRequestCheck` failed, from the request as it was: gone, not open, or too late. */
export function closedReason(request: Record<string, unknown> | undefined, prefix: 'PLEDGE' | 'BID'): Error {
  if (!request) return notFound('REQUEST.NOT_FOUND', 'No such request.');
  if (request.status !== 'open')
    return conflict(`${prefix}.REQUEST_NOT_OPEN`, `The request is ${String(request.status)}`);
  return conflict(`${prefix}.DEADLINE_PASSED`, `The deadline (${String(request.biddingDeadline)}) has passed`);
}

const versionConflict = () =>
  conflict('REQUEST.VERSION_CONFLICT', 'The request changed since you read it; reload and try again', 'version');

/** A counter written with the transition (the repeat count) moved since it was read: read it again and retry. */
export const counterMoved = () =>
  conflict('REQUEST.COUNTER_MOVED', 'Another award changed the repeat count at the same time; try again');

/** Service requests of a cluster. Every change is guarded by the version it was read at. */
export function requestStore(db: Db) {
  /** The version-guarded Update first, then what must commit with it; a stale or missing request writes nothing. */
  const transitionWith = (
    next: ServiceRequest,
    expectedVersion: number,
    rest: Parameters<typeof transact>[1],
    guard?: Guard,
  ) =>
    transact(
      db,
      [
        {
          Update: {
            ...requestUpdate(db.table, next, expectedVersion, guard),
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        ...rest,
      ],
      (reasons) => {
        if (!failedAt(reasons, 0))
          return reasons.some((r, i) => i > 0 && r.code === 'ConditionalCheckFailed') ? counterMoved() : undefined;
        return reasons[0]?.item ? versionConflict() : notFound('REQUEST.NOT_FOUND', 'No such request.');
      },
    );
  const get = async (clusterId: string, requestId: string): Promise<StoredRequest | undefined> => {
    const out = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: requestKeys.item(clusterId, requestId), ConsistentRead: true }),
    );
    return out.Item ? parseRequest(out.Item) : undefined;
  };
  return {
    /**
     * A request and its cluster's policy in one BatchGetItem: publishing and moving a deadline judge
     * the deadline by the cluster's minimum bidding period (one read round trip, not two).
     */
    async getWithPolicy(
      clusterId: string,
      requestId: string,
    ): Promise<{ request: StoredRequest | undefined; policy: ClusterPolicy | undefined }> {
      const [request, policy] = await getMany(db, [
        requestKeys.item(clusterId, requestId),
        keys.clusterPolicy(clusterId),
      ]);
      return {
        request: request ? parseRequest(request) : undefined,
        policy: policy ? ClusterPolicy.parse(withoutKeys(policy)) : undefined,
      };
    },
    /** Several requests of one cluster in one BatchGetItem (up to 100 ids), in the order asked. */
    async getMany(clusterId: string, requestIds: readonly string[]): Promise<(StoredRequest | undefined)[]> {
      const found = await getMany(
        db,
        requestIds.map((id) => requestKeys.item(clusterId, id)),
      );
      return found.map((raw) => (raw ? parseRequest(raw) : undefined));
    },
    async create(request: ServiceRequest): Promise<StoredRequest> {
      const stored = { ...request, pledgedFirms: 0 };
      await db.doc.send(
        new PutCommand({ TableName: db.table, Item: item(stored), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return stored;
    },

    get,

    /**
     * Stores a transition if nobody changed the request since `expectedVersion` was read
     * (optimistic concurrency). Without an outbox: one UpdateItem that returns the stored request,
     * pledge count included. With one (the transactional outbox): one TransactWriteItems of the
     * Update and a Put per event, so an event exists if and only if the change committed; the
     * same transaction checks the pledge count is still the one the caller read, so the request
     * returned is exactly what is stored, without reading it back.
     *
     * @example
     * await requests.update(publish(draft, clock), draft.version, { events: [opened], pledgedFirms: draft.pledgedFirms
     * });
     */
    async update(
      next: ServiceRequest,
      expectedVersion: number,
      outbox?: { events: readonly DomainEvent[]; pledgedFirms: number },
    ): Promise<StoredRequest> {
      if (outbox) {
        const guard = {
          expression: '#pledged = :pledged',
          names: { '#pledged': 'pledgedFirms' },
          values: { ':pledged': outbox.pledgedFirms },
        };
        await transitionWith(
          next,
          expectedVersion,
          outbox.events.map((e) => ({ Put: outboxPut(db, e) })),
          guard,
        );
        return { ...next, pledgedFirms: outbox.pledgedFirms };
      }
      try {
        const out = await db.doc.send(
          new UpdateCommand({
            ...requestUpdate(db.table, next, expectedVersion),
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return parseRequest(out.Attributes ?? {});
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        throw (error as { Item?: unknown }).Item
          ? versionConflict()
          : notFound('REQUEST.NOT_FOUND', 'No such request.');
      }
    },

    /** A request and an association of its cluster (the one asking to co-sponsor), in one BatchGetItem. */
    async withAssociation(
      clusterId: string,
      requestId: string,
      associationId: string,
    ): Promise<{ request?: StoredRequest; association?: Association }> {
      const [request, association] = await getMany(db, [
        requestKeys.item(clusterId, requestId),
        keys.association(clusterId, associationId),
      ]);
      return {
        ...(request ? { request: parseRequest(request) } : {}),
        ...(association ? { association: Association.parse(withoutKeys(association)) } : {}),
      };
    },

    /**
     * Stores a transition, its audit entry and its events (outbox) in one transaction (an award,
     * a cancellation): the trail and the workers can never miss a change, nor hear of one that
     * did not happen. `counters` are conditional Updates that commit with it (the award's repeat
     * count); one that moved since it was read refuses the whole transaction (`REQUEST.COUNTER_MOVED`).
     */
    async updateWithAudit(
      next: ServiceRequest,
      expectedVersion: number,
      entry: AuditEntry,
      events: readonly DomainEvent[] = [],
      counters: readonly CounterUpdate[] = [],
    ): Promise<void> {
      await transitionWith(next, expectedVersion, [
        { Put: auditItem(db, entry) },
        ...events.map((e) => ({ Put: outboxPut(db, e) })),
        ...counters.map((u) => ({ Update: u })),
      ]);
    },

    /**
     * A split award (issue 13): the split request's transition with its audit entry, each contract's
     * request (new, `attribute_not_exists`; its pledge counter is its firms), one event per contract and
     * the repeat count, all in one transaction (≤ 3 + 2 × 10 items).
     */
    async awardSplit(
      next: ServiceRequest,
      expectedVersion: number,
      entry: AuditEntry,
      contracts: readonly ServiceRequest[],
      events: readonly DomainEvent[],
      counter: CounterUpdate,
    ): Promise<void> {
      await transitionWith(next, expectedVersion, [
        { Put: auditItem(db, entry) },
        ...contracts.map((c) => ({
          Put: {
            TableName: db.table,
            Item: item({ ...c, pledgedFirms: c.contractOf?.firmIds.length ?? c.maxFirms }),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        })),
        ...events.map((e) => ({ Put: outboxPut(db, e) })),
        { Update: counter },
      ]);
    },

    /** Every request of the cluster, newest first (ids are ULIDs: they sort by creation). */
    async listByCluster(clusterId: string, opts: { limit: number; cursor?: string }): Promise<Page<StoredRequest>> {
      const pk = requestKeys.item(clusterId, '').PK;
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': requestKeys.prefix },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        parseRequest,
      );
    },

    /** Open requests by deadline (soonest first), optionally of one category and closing after a time. */
    async listOpen(
      clusterId: string,
      opts: { limit: number; cursor?: string; category?: string; closingAfter?: string },
    ): Promise<Page<StoredRequest>> {
      const byCategory = opts.category !== undefined;
      const [index, pkName, skName] = byCategory ? ['GSI2', 'GSI2PK', 'GSI2SK'] : ['GSI1', 'GSI1PK', 'GSI1SK'];
      const pk = byCategory ? `CLUSTER#${clusterId}#OPEN#${opts.category}` : `CLUSTER#${clusterId}#OPEN`;
      const after = opts.closingAfter ? ` AND ${skName} > :after` : '';
      return queryPage(
        db,
        {
          IndexName: index,
          KeyConditionExpression: `${pkName} = :pk${after}`,
          ExpressionAttributeValues: { ':pk': pk, ...(opts.closingAfter ? { ':after': opts.closingAfter } : {}) },
          Limit: opts.limit,
        },
        { attribute: pkName, value: pk },
        opts.cursor,
        parseRequest,
      );
    },
  };
}
export type RequestStore = ReturnType<typeof requestStore>;
