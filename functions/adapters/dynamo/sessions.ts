import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DomainError } from '@bds/core';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';
import { isCancelled } from './transact';

/** One refresh token, live or rotated out; only its hash is stored. It names its family. */
export const Session = z.object({
  userEmail: z.string(),
  userId: z.string().optional(),
  /** Sessions written before families existed have none: they are treated as ended. */
  familyId: z.string().optional(),
  createdAt: z.iso.datetime(),
  expiresAt: z.number().int(), // epoch seconds: also the table's TTL attribute
});
export type Session = z.infer<typeof Session>;

/**
 * A sign-in and every refresh token it has rotated through. `currentHash` is the one live token:
 * presenting any other token of the family is a replay (reuse), which ends the whole family.
 */
export const SessionFamily = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  currentHash: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  expiresAt: z.number().int(),
  userAgent: z.string().optional(),
});
export type SessionFamily = z.infer<typeof SessionFamily>;

const expired = () =>
  new DomainError('AUTH.SESSION_EXPIRED', 'unauthenticated', 'Your session has ended; sign in again.');
const familyItem = (f: SessionFamily) => ({
  ...keys.sessionFamily(f.id),
  ...keys.userSessions(f.userId, f.id),
  entity: 'session-family',
  ...f,
});

/** Refresh-token sessions: rotate on every use, grouped in families that end together. */
export function sessionStore(db: Db) {
  const putToken = (tokenHash: string, session: Session) => ({
    Put: {
      TableName: db.table,
      Item: { ...keys.session(tokenHash), entity: 'session', ...session },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  });
  return {
    /** A new family (a sign-in) with its first token, in one transaction. */
    async start(tokenHash: string, session: Session, family: SessionFamily): Promise<void> {
      await db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            putToken(tokenHash, session),
            { Put: { TableName: db.table, Item: familyItem(family), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
    },
    async get(tokenHash: string): Promise<Session | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: keys.session(tokenHash), ConsistentRead: true }),
      );
      return out.Item ? Session.parse(withoutKeys(out.Item)) : undefined;
    },
    async family(familyId: string): Promise<SessionFamily | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: keys.sessionFamily(familyId), ConsistentRead: true }),
      );
      return out.Item ? SessionFamily.parse(withoutKeys(out.Item)) : undefined;
    },
    /**
     * Moves the family to a new token, if the old one is still its live token: a refresh token
     * works once. The old token's item stays (until its TTL), so a replay of it is recognised.
     */
    async rotate(familyId: string, oldHash: string, newHash: string, next: Session, at: string): Promise<void> {
      try {
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: db.table,
                  Key: keys.sessionFamily(familyId),
                  UpdateExpression: 'SET currentHash = :new, lastUsedAt = :at, expiresAt = :exp',
                  ConditionExpression: 'currentHash = :old',
                  ExpressionAttributeValues: { ':new': newHash, ':old': oldHash, ':at': at, ':exp': next.expiresAt },
                },
              },
              putToken(newHash, next),
            ],
          }),
        );
      } catch (error) {
        // A concurrent refresh with the same token won: not a replay by someone else, just too late.
        if (isCancelled(error)) throw expired();
        throw error;
      }
    },
    /** Ends a family: none of its tokens refreshes again. */
    async endFamily(familyId: string): Promise<void> {
      await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.sessionFamily(familyId) }));
    },
    /** A user's live sessions (families), newest first. */
    async listForUser(userId: string): Promise<SessionFamily[]> {
      const out = await db.doc.send(
        new QueryCommand({
          TableName: db.table,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.userSessions(userId, '').GSI1PK },
          ScanIndexForward: false,
          Limit: 100,
        }),
      );
      return (out.Items ?? []).map((i) => SessionFamily.parse(withoutKeys(i)));
    },
    /** Ends every session of a user (a new password, a disable). */
    async endAllForUser(userId: string): Promise<number> {
      const families = await this.listForUser(userId);
      await Promise.all(families.map((f) => this.endFamily(f.id)));
      return families.length;
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
