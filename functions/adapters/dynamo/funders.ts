import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Funder } from '@bds/core';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';

/** Public funders (national, like providers). */
export function funderStore(db: Db) {
  return {
    async put(funder: Funder): Promise<void> {
      await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...keys.funder(funder.id), entity: 'funder', ...funder } }));
    },
    async get(funderId: string): Promise<Funder | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.funder(funderId) }));
      return out.Item ? Funder.parse(withoutKeys(out.Item)) : undefined;
    },
  };
}
