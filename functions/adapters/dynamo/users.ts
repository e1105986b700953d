import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountStanding, AuditEntry } from '@bds/core';
import { auditItem } from './audit';
import * as z from 'zod';
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
export const userItem = (user: StoredUser) => ({
  ...keys.user(user.email),
  ...keys.userById(user.id),
  entity: 'user',
  ...user,
  email: user.email.toLowerCase(),
});

/** Users by email (the sign-in lookup). */
export function userStore(db: Db) {
  const standingUpdate = (userId: string, set: { disabled?: boolean } = {}) => ({
    TableName: db.table,
    Key: keys.userStanding(userId),
    UpdateExpression: `ADD sessionVersion :one${set.disabled === undefined ? '' : ' SET disabled = :d'}`,
    ExpressionAttributeValues: { ':one': 1, ...(set.disabled === undefined ? {} : { ':d': set.disabled }) },
  });
  return {
    /** Creates the user unless that email is taken; returns whether it was created. */
    async createIfAbsent(user: StoredUser): Promise<boolean> {
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: userItem(user),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async byId(userId: string): Promise<StoredUser | undefined> {
      const out = await db.doc.send(
        new QueryCommand({
          TableName: db.table,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.userById(userId).GSI1PK },
          Limit: 1,
        }),
      );
      const item = out.Items?.[0];
      return item ? StoredUser.parse(withoutKeys(item)) : undefined;
    },
    /** Adds a cluster to a user's reach (a provider approved in a cluster). */
    async addCluster(email: string, clusterId: string): Promise<void> {
      await db.doc
        .send(
          new UpdateCommand({
            TableName: db.table,
            Key: keys.user(email),
            UpdateExpression: 'SET clusterIds = list_append(clusterIds, :c)',
            ConditionExpression: 'attribute_exists(PK) AND NOT contains(clusterIds, :id)',
            ExpressionAttributeValues: { ':c': [clusterId], ':id': clusterId },
          }),
        )
        .catch((error: Error) => {
          if (!isConditionFailure(error)) throw error;
        });
    },
    /**
     * Disables or re-enables a user, with the audit entries, in one transaction. The standing item
     * changes with it (and its session version rises), so access tokens stop working at once.
     */
    async setDisabled(
      user: Pick<StoredUser, 'id' | 'email'>,
      disabled: boolean,
      audit: readonly AuditEntry[] = [],
    ): Promise<void> {
      await db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.table,
                Key: keys.user(user.email),
                UpdateExpression: 'SET disabled = :d',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeValues: { ':d': disabled },
              },
            },
            { Update: standingUpdate(user.id, { disabled }) },
            ...audit.map((entry) => ({ Put: auditItem(db, entry) })),
          ],
        }),
      );
    },
    /** What access tokens of this user are worth now (read strongly: it decides a revocation). */
    async standing(userId: string): Promise<AccountStanding> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: keys.userStanding(userId), ConsistentRead: true }),
      );
      return { sessionVersion: Number(out.Item?.sessionVersion ?? 0), disabled: out.Item?.disabled === true };
    },
    /** Raises the session version: every access token issued so far stops working. Returns the new version. */
    async endAccessTokens(userId: string): Promise<number> {
      const out = await db.doc.send(new UpdateCommand({ ...standingUpdate(userId), ReturnValues: 'UPDATED_NEW' }));
      return Number(out.Attributes?.sessionVersion ?? 0);
    },
    /** A new password hash (change or reset), ending every access token, with its audit entry. */
    async setPassword(
      user: Pick<StoredUser, 'id' | 'email'>,
      passwordHash: string,
      audit: AuditEntry,
      extra: object[] = [],
    ): Promise<void> {
      await db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: db.table,
                Key: keys.user(user.email),
                UpdateExpression: 'SET passwordHash = :h',
                ConditionExpression: 'attribute_exists(PK)',
                ExpressionAttributeValues: { ':h': passwordHash },
              },
            },
            { Update: standingUpdate(user.id) },
            { Put: auditItem(db, audit) },
            ...(extra as never[]),
          ],
        }),
      );
    },
    async byEmail(email: string): Promise<StoredUser | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.user(email) }));
      return out.Item ? StoredUser.parse(withoutKeys(out.Item)) : undefined;
    },
  };
}
export type UserStore = ReturnType<typeof userStore>;
