import { ContractOf, Firm, Pledge, conflict, notFound } from '@bds/core';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { getMany } from './batch-get';
import type { Db } from './db';
import type { Page } from './cursor';
import { firmKey } from './firms';
import { withoutKeys } from './keys';
import { queryPage } from './page';
import { closedReason, openRequestCheck, parseRequest, requestKeys } from './requests';
import { failedAt, transact } from './transact';

/** A pledge as stored: the firm's name travels with it, so the list needs no second read. */
export const StoredPledge = Pledge.extend({ firmName: z.string() });
export type StoredPledge = z.infer<typeof StoredPledge>;

/**
 * A pledge is keyed by request, then association, then firm: the key itself makes a firm pledge
 * at most once (a firm belongs to one association), and an association lists only its own
 * members' pledges with one Query.
 */
export const pledgeKeys = {
  item: (clusterId: string, requestId: string, associationId: string, firmId: string) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `PLEDGE#${requestId}#${associationId}#${firmId}`,
  }),
  prefix: (requestId: string, associationId?: string) =>
    `PLEDGE#${requestId}#${associationId ? `${associationId}#` : ''}`,
};

const counter = (table: string, p: { clusterId: string; requestId: string }, delta: 1 | -1, now: number) => {
  const check = openRequestCheck(table, p.clusterId, p.requestId, now);
  return {
    Update: {
      ...check,
      UpdateExpression: 'ADD pledgedFirms :delta',
      ExpressionAttributeValues: { ...check.ExpressionAttributeValues, ':delta': delta },
    },
  };
};

/** Pledges of member firms to requests, with the request's counter kept in step. */
export function pledgeStore(db: Db) {
  return {
    /** What a pledge or a withdrawal decides from, in one BatchGetItem: the request, the firm and its pledge if any. */
    async context(clusterId: string, requestId: string, associationId: string, firmId: string) {
      const [request, firm, pledge] = await getMany(db, [
        requestKeys.item(clusterId, requestId),
        firmKey(clusterId, associationId, firmId),
        pledgeKeys.item(clusterId, requestId, associationId, firmId),
      ]);
      return {
        request: request ? parseRequest(request) : undefined,
        firm: firm ? Firm.parse(withoutKeys(firm)) : undefined,
        pledge: pledge ? StoredPledge.parse(withoutKeys(pledge)) : undefined,
      };
    },

    /**
     * Stores a pledge and adds one to the request's counter in one transaction. The Put's
     * `attribute_not_exists` makes a second pledge of the firm fail even when two arrive at
     * once; the request's condition refuses a pledge once it closed or its deadline passed.
     */
    async add(pledge: StoredPledge, now: number): Promise<StoredPledge> {
      const put = {
        TableName: db.table,
        Item: {
          ...pledgeKeys.item(pledge.clusterId, pledge.requestId, pledge.associationId, pledge.firmId),
          entity: 'pledge',
          ...pledge,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      };
      await transact(db, [{ Put: put }, counter(db.table, pledge, 1, now)], (reasons) => {
        if (failedAt(reasons, 0))
          return conflict('PLEDGE.DUPLICATE', 'This firm has already pledged to the request', 'firmId');
        if (failedAt(reasons, 1)) return closedReason(reasons[1]?.item, 'PLEDGE');
        return undefined;
      });
      return pledge;
    },

    /** Deletes a pledge and takes one off the counter, under the same conditions as `add`. */
    async remove(
      pledge: Pick<Pledge, 'clusterId' | 'requestId' | 'associationId' | 'firmId'>,
      now: number,
    ): Promise<void> {
      const del = {
        TableName: db.table,
        Key: pledgeKeys.item(pledge.clusterId, pledge.requestId, pledge.associationId, pledge.firmId),
        ConditionExpression: 'attribute_exists(PK)',
      };
      await transact(db, [{ Delete: del }, counter(db.table, pledge, -1, now)], (reasons) => {
        if (failedAt(reasons, 0)) return notFound('PLEDGE.NOT_FOUND', 'No such pledge on this request');
        if (failedAt(reasons, 1)) return closedReason(reasons[1]?.item, 'PLEDGE');
        return undefined;
      });
    },

    /**
     * The firms a request serves, a page at a time: its pledges, or for a contract of a split award
     * (issue 13) the split request's pledges of the contract's firms (a page may then be short; its
     * cursor is exact). One GetItem of the request first.
     */
    async served(clusterId: string, requestId: string, opts: { limit: number; cursor?: string }) {
      const out = await db.doc.send(
        new GetCommand({
          TableName: db.table,
          Key: requestKeys.item(clusterId, requestId),
          ProjectionExpression: 'contractOf',
        }),
      );
      const contract = ContractOf.optional().parse(out.Item?.contractOf);
      if (!contract) return this.list(clusterId, requestId, opts);
      const firms = new Set(contract.firmIds);
      const page = await this.list(clusterId, contract.requestId, opts);
      return { ...page, items: page.items.filter((p) => firms.has(p.firmId)) };
    },

    /** A request's pledges, of one association's members or (for admins) all, a page at a time. */
    async list(
      clusterId: string,
      requestId: string,
      opts: { limit: number; cursor?: string; associationId?: string },
    ): Promise<Page<StoredPledge>> {
      const pk = requestKeys.item(clusterId, requestId).PK;
      const prefix = pledgeKeys.prefix(requestId, opts.associationId);
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': prefix },
          Limit: opts.limit,
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        (i) => StoredPledge.parse(withoutKeys(i)),
      );
    },
  };
}
export type PledgeStore = ReturnType<typeof pledgeStore>;
