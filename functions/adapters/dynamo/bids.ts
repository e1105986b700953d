import { Bid, Provider, conflict, invalid } from '@bds/core';
import * as z from 'zod';
import { getMany } from './batch-get';
import type { Db } from './db';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { keys, withoutKeys } from './keys';
import { queryPage } from './page';
import { closedReason, openRequestCheck, parseRequest, requestKeys } from './requests';
import { failedAt, transact } from './transact';

/**
 * A bid as stored. `requestTitle` lets a provider list its bids without reading the requests;
 * `providerAccredited` is the provider's accreditation when it (last) bid, so the evaluation
 * reads request and bids without a third read of every provider.
 */
export const StoredBid = Bid.extend({ requestTitle: z.string(), providerAccredited: z.boolean() });
export type StoredBid = z.infer<typeof StoredBid>;

/**
 * `BID#<requestId>#<providerId>`: one bid item per provider per request, so "at most one live
 * bid" holds by key; revising replaces the item. GSI1 lists a provider's bids across clusters.
 */
export const bidKeys = {
  item: (clusterId: string, requestId: string, providerId: string) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `BID#${requestId}#${providerId}`,
  }),
  prefix: (requestId: string) => `BID#${requestId}#`,
  byProvider: (bid: Pick<Bid, 'providerId' | 'updatedAt' | 'id'>) => ({
    GSI1PK: `PROVIDER#${bid.providerId}#BIDS`,
    GSI1SK: `${bid.updatedAt}#${bid.id}`,
  }),
  providerPartition: (providerId: string) => `PROVIDER#${providerId}#BIDS`,
};

const item = (bid: StoredBid) => ({
  ...bidKeys.item(bid.clusterId, bid.requestId, bid.providerId),
  ...bidKeys.byProvider(bid),
  entity: 'bid',
  ...bid,
});
const parse = (raw: Record<string, unknown>): StoredBid => StoredBid.parse(withoutKeys(raw));

/** Sealed bids. Every write re-checks, in its transaction, that the request is open and before its deadline. */
export function bidStore(db: Db) {
  const write = async (
    bid: StoredBid,
    condition: { expression: string; names: Record<string, string>; values: Record<string, unknown> },
    now: number,
    onConflict: (old?: Record<string, unknown>) => Error,
  ) => {
    const put = {
      TableName: db.table,
      Item: item(bid),
      ConditionExpression: condition.expression,
      ExpressionAttributeNames: condition.names,
      ExpressionAttributeValues: condition.values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
    await transact(
      db,
      [{ ConditionCheck: openRequestCheck(db.table, bid.clusterId, bid.requestId, now) }, { Put: put }],
      (reasons) => {
        if (failedAt(reasons, 0)) return closedReason(reasons[0]?.item, 'BID');
        if (failedAt(reasons, 1)) return onConflict(reasons[1]?.item);
        return undefined;
      },
    );
    return bid;
  };

  return {
    /**
     * What a provider's bid operation decides from, in one BatchGetItem: the request, its own bid
     * and (for a submission or revision, which record its accreditation) its profile.
     */
    async context(clusterId: string, requestId: string, providerId: string, opts: { withProvider: boolean }) {
      const wanted = [
        requestKeys.item(clusterId, requestId),
        bidKeys.item(clusterId, requestId, providerId),
        ...(opts.withProvider ? [keys.provider(providerId)] : []),
      ];
      const [request, bid, provider] = await getMany(db, wanted);
      return {
        request: request ? parseRequest(request) : undefined,
        bid: bid ? parse(bid) : undefined,
        provider: provider ? Provider.parse(withoutKeys(provider)) : undefined,
      };
    },

    /** A first bid, or a new one after a withdrawal (which it replaces); never over a live bid. */
    submit(bid: StoredBid, now: number): Promise<StoredBid> {
      const condition = {
        expression: 'attribute_not_exists(PK) OR #status = :withdrawn',
        names: { '#status': 'status' },
        values: { ':withdrawn': 'withdrawn' },
      };
      return write(bid, condition, now, () =>
        conflict('BID.ALREADY_SUBMITTED', 'This provider already has a live bid on the request; revise it instead'),
      );
    },

    /** A revision or a withdrawal: replaces the bid if it is still at the version the provider read. */
    replace(bid: StoredBid, expectedVersion: number, now: number): Promise<StoredBid> {
      const condition = {
        expression: '#version = :expected',
        names: { '#version': 'version' },
        values: { ':expected': expectedVersion },
      };
      return write(bid, condition, now, (old) =>
        old?.status === 'withdrawn'
          ? conflict('BID.NOT_LIVE', 'The bid was withdrawn; submit a new one')
          : conflict('BID.VERSION_CONFLICT', 'The bid changed since you read it; reload and try again', 'version'),
      );
    },

    /** A request's bids (live and withdrawn), a page at a time; callers filter them by the sealing policy. */
    async listForRequest(
      clusterId: string,
      requestId: string,
      opts: { limit?: number; cursor?: string } = {},
    ): Promise<Page<StoredBid>> {
      const pk = requestKeys.item(clusterId, requestId).PK;
      const prefix = bidKeys.prefix(requestId);
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': prefix },
          ConsistentRead: true,
          ...(opts.limit ? { Limit: opts.limit } : {}),
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        parse,
      );
    },

    /** Every bid of a request (for the evaluation): one Query unless the bids exceed 1 MB. */
    async allForRequest(clusterId: string, requestId: string): Promise<StoredBid[]> {
      const all: StoredBid[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.listForRequest(clusterId, requestId, cursor ? { cursor } : {});
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },

    /** A provider's own bids across every cluster, most recently changed first. */
    async listByProvider(providerId: string, opts: { limit: number; cursor?: string }): Promise<Page<StoredBid>> {
      const pk = bidKeys.providerPartition(providerId);
      return queryPage(
        db,
        {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'GSI1PK', value: pk },
        opts.cursor,
        parse,
      );
    },
  };
}
export type BidStore = ReturnType<typeof bidStore>;

/**
 * Pages through bids already filtered by the sealing policy. The cursor is built from the last
 * bid returned, never from DynamoDB's last evaluated key, which could name a bid the reader may
 * not see (a withdrawn one, or any before the deadline).
 *
 * @example
 * pageOfReadable(readableBids(actor, all, request, now), { limit: 20 })
 */
export function pageOfReadable(readable: StoredBid[], opts: { limit: number; cursor?: string }): Page<StoredBid> {
  const first = readable[0];
  if (!first) return { items: [], nextCursor: null };
  const pk = bidKeys.item(first.clusterId, first.requestId, '').PK;
  const start = decodeCursor(opts.cursor, { attribute: 'PK', value: pk })?.SK;
  if (opts.cursor && (typeof start !== 'string' || !start.startsWith(bidKeys.prefix(first.requestId))))
    throw invalid('PAGE.BAD_CURSOR', 'The cursor is not one this list returned', 'cursor');
  const sk = (b: StoredBid) => bidKeys.item(b.clusterId, b.requestId, b.providerId).SK;
  const sorted = [...readable]
    .sort((a, b) => (sk(a) < sk(b) ? -1 : 1))
    .filter((b) => start === undefined || sk(b) > start);
  const items = sorted.slice(0, opts.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      sorted.length > items.length && last
        ? encodeCursor(bidKeys.item(last.clusterId, last.requestId, last.providerId))
        : null,
  };
}
