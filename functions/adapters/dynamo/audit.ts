import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AuditEntry } from '@bds/core';
import type { Db } from './db';
import { decodeCursor, encodeCursor, type Page } from './cursor';
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
    async list(clusterId: string, opts: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
      const pk = keys.auditPartition(clusterId);
      const out = await db.doc.send(new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: opts.limit,
        ExclusiveStartKey: decodeCursor(opts.cursor, { attribute: 'PK', value: pk }),
      }));
      return { items: (out.Items ?? []).map((i) => AuditEntry.parse(withoutKeys(i))), nextCursor: encodeCursor(out.LastEvaluatedKey) };
    },
  };
}
