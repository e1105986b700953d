import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';
import { isConditionFailure } from './transact';

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

/** The stored item of a user: keyed by email (the sign-in lookup). */
export const userItem = (user: StoredUser) => ({ ...keys.user(user.email), ...keys.userById(user.id), entity: 'user', ...user, email: user.email.toLowerCase() });

/** Users by email (the sign-in lookup). */
export function userStore(db: Db) {
  return {
    /** Creates the user unless that email is taken; returns whether it was created. */
    async createIfAbsent(user: StoredUser): Promise<boolean> {
      try {
        await db.doc.send(new PutCommand({
          TableName: db.table,
          Item: userItem(user),
          ConditionExpression: 'attribute_not_exists(PK)',
        }));
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async byId(userId: string): Promise<StoredUser | undefined> {
      const out = await db.doc.send(new QueryCommand({
        TableName: db.table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.userById(userId).GSI1PK }, Limit: 1,
      }));
      const item = out.Items?.[0];
      return item ? StoredUser.parse(withoutKeys(item)) : undefined;
    },
    /** Adds a cluster to a user's reach (a provider approved in a cluster). */
    async addCluster(email: string, clusterId: string): Promise<void> {
      await db.doc.send(new UpdateCommand({
        TableName: db.table, Key: keys.user(email),
        UpdateExpression: 'SET clusterIds = list_append(clusterIds, :c)',
        ConditionExpression: 'attribute_exists(PK) AND NOT contains(clusterIds, :id)',
        ExpressionAttributeValues: { ':c': [clusterId], ':id': clusterId },
      })).catch((error: Error) => {
        if (!isConditionFailure(error)) throw error;
      });
    },
    async setDisabled(email: string, disabled: boolean): Promise<void> {
      await db.doc.send(new UpdateCommand({ TableName: db.table, Key: keys.user(email), UpdateExpression: 'SET disabled = :d', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':d': disabled } }));
    },
    async byEmail(email: string): Promise<StoredUser | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.user(email) }));
      return out.Item ? StoredUser.parse(withoutKeys(out.Item)) : undefined;
    },
  };
}
export type UserStore = ReturnType<typeof userStore>;
