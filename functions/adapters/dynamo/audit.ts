import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { AuditEntry } from '@bds/core';
import type { Db } from './db';
import type { Page } from './cursor';
import { queryPage } from './page';
import { keys, withoutKeys } from './keys';

/** The Put of an audit entry, to add to the transaction that makes the change it records. */
export function auditItem(db: Db, entry: AuditEntry) {
  return {
    TableName: db.table,
    Item: { ...keys.audit(entry.clusterId, entry.at, entry.id), entity: 'audit', ...entry },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}

/** How a reader narrows the trail; `from` and `to` are ISO instants. */
export interface AuditQuery {
  limit: number;
  cursor?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Reads a filtered page may take before it answers with what it has and a cursor. */
const MAX_READS = 10;

/** A cluster's audit trail, newest first. */
export function auditStore(db: Db) {
  return {
    /** Records an event that changes nothing else (a lockout, a refresh-token reuse). */
    async append(entry: AuditEntry): Promise<void> {
      await db.doc.send(new PutCommand(auditItem(db, entry)));
    },
    /**
     * A page of the trail, newest first, narrowed by who acted, what they did and when (`from`
     * and `to` are instants; the range is on the sort key, the rest a filter). A filtered read
     * goes on until it has a page's worth or the trail ends, so a page is never empty while more
     * entries match.
     */
    async list(clusterId: string, opts: AuditQuery): Promise<Page<AuditEntry>> {
      const pk = keys.auditPartition(clusterId);
      const filters: string[] = [];
      const values: Record<string, string> = { ':pk': pk };
      if (opts.actorId) {
        filters.push('actorId = :actor');
        values[':actor'] = opts.actorId;
      }
      if (opts.action) {
        filters.push('#action = :action');
        values[':action'] = opts.action;
      }
      const range = opts.from !== undefined || opts.to !== undefined;
      if (range) Object.assign(values, { ':lo': opts.from ?? '0', ':hi': `${opts.to ?? '9999'}~` });
      const items: AuditEntry[] = [];
      let cursor = opts.cursor;
      for (let reads = 0; reads < MAX_READS; reads++) {
        const page = await queryPage(
          db,
          {
            KeyConditionExpression: range ? 'PK = :pk AND SK BETWEEN :lo AND :hi' : 'PK = :pk',
            ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
            ...(opts.action ? { ExpressionAttributeNames: { '#action': 'action' } } : {}),
            ExpressionAttributeValues: values,
            ScanIndexForward: false,
            Limit: opts.limit - items.length,
          },
          { attribute: 'PK', value: pk },
          cursor,
          (i) => AuditEntry.parse(withoutKeys(i)),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        if (!cursor || items.length >= opts.limit) break;
      }
      return { items, nextCursor: cursor ?? null };
    },
  };
}
