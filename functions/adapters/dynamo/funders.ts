import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditItem } from './audit';
import { transact } from './transact';
import { Funder, conflict, type AuditEntry, type FunderKind } from '@bds/core';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';

/** Public funders (national, like providers). */
export function funderStore(db: Db) {
  return {
    async put(funder: Funder): Promise<void> {
      await db.doc.send(
        new PutCommand({ TableName: db.table, Item: { ...keys.funder(funder.id), entity: 'funder', ...funder } }),
      );
    },
    /**
     * Corrects a funder's kind, with its audit entry in the same transaction, only if the kind
     * is still the one read (a concurrent correction is a conflict, not a silent overwrite).
     */
    async setKind(funderId: string, from: FunderKind, to: FunderKind, audit: AuditEntry): Promise<void> {
      await transact(
        db,
        [
          {
            Update: {
              TableName: db.table,
              Key: keys.funder(funderId),
              UpdateExpression: 'SET #k = :to',
              ConditionExpression: '#k = :from',
              ExpressionAttributeNames: { '#k': 'kind' },
              ExpressionAttributeValues: { ':from': from, ':to': to },
            },
          },
          { Put: auditItem(db, audit) },
        ],
        () => conflict('FUNDER.CHANGED', 'The funder changed meanwhile; reload and try again', 'kind'),
      );
    },
    async get(funderId: string): Promise<Funder | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.funder(funderId) }));
      return out.Item ? Funder.parse(withoutKeys(out.Item)) : undefined;
    },
  };
}
