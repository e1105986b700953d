import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';

/** A person who signs in. The role's scope (clusters, state) is part of the user. */
export const StoredUser = z.object({
  id: z.string(),
  email: z.email(),
  name: z.string(),
  role: z.enum(['national_admin', 'state_admin', 'cluster_admin', 'association_rep', 'provider', 'funder']),
  organisationId: z.string(),
  organisationName: z.string(),
  clusterIds: z.array(z.string()),
  state: z.string().optional(),
  passwordHash: z.string(),
  disabled: z.boolean().default(false),
});
export type StoredUser = z.infer<typeof StoredUser>;

/** Users by email (the sign-in lookup). */
export function userStore(db: Db) {
  return {
    /** Creates the user unless that email is taken; returns whether it was created. */
    async createIfAbsent(user: StoredUser): Promise<boolean> {
      try {
        await db.doc.send(new PutCommand({
          TableName: db.table,
          Item: { ...keys.user(user.email), entity: 'user', ...user, email: user.email.toLowerCase() },
          ConditionExpression: 'attribute_not_exists(PK)',
        }));
        return true;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
    async byEmail(email: string): Promise<StoredUser | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.user(email) }));
      return out.Item ? StoredUser.parse(withoutKeys(out.Item)) : undefined;
    },
  };
}
export type UserStore = ReturnType<typeof userStore>;
