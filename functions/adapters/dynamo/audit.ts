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

/** A cluster's audit trail, newest first. */
export function auditStore(db: Db) {
  return {
    /** Records an event that changes nothing else (a lockout, a refresh-token reuse). */
    async append(entry: AuditEntry): Promise<void> {
      await db.doc.send(new PutCommand(auditItem(db, entry)));
    },
    async list(clusterId: string, opts: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
      const pk = keys.auditPartition(clusterId);
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        (i) => AuditEntry.parse(withoutKeys(i)),
      );
    },
  };
}
