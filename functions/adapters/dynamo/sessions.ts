import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DomainError } from '@bds/core';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';

/** A refresh-token session. Only the token's hash is stored. */
export const Session = z.object({
  userEmail: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.number().int(), // epoch seconds: also the table's TTL attribute
});
export type Session = z.infer<typeof Session>;

const expired = () => new DomainError('AUTH.SESSION_EXPIRED', 'unauthenticated', 'Your session has ended; sign in again.');

/** Refresh-token sessions that rotate on every use and can be revoked. */
export function sessionStore(db: Db) {
  return {
    async create(tokenHash: string, session: Session): Promise<void> {
      await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...keys.session(tokenHash), entity: 'session', ...session }, ConditionExpression: 'attribute_not_exists(PK)' }));
    },
    async get(tokenHash: string): Promise<Session | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.session(tokenHash) }));
      return out.Item ? Session.parse(withoutKeys(out.Item)) : undefined;
    },
    /**
     * Swaps the old session for a new one in one transaction; the old must still exist, so a
     * refresh token works once — a replayed one finds nothing and is refused.
     */
    async rotate(oldHash: string, newHash: string, next: Session): Promise<void> {
      try {
        await db.doc.send(new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: db.table, Key: keys.session(oldHash), ConditionExpression: 'attribute_exists(PK)' } },
            { Put: { TableName: db.table, Item: { ...keys.session(newHash), entity: 'session', ...next }, ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }));
      } catch (error) {
        if ((error as Error).name === 'TransactionCanceledException') throw expired();
        throw error;
      }
    },
    async revoke(tokenHash: string): Promise<void> {
      await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.session(tokenHash) }));
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
