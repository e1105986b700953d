import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';

/** A password-reset link: single use, expiring; only the token's hash is stored. */
export const PasswordReset = z.object({
  userEmail: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.number().int(), // epoch seconds: also the table's TTL attribute
});
export type PasswordReset = z.infer<typeof PasswordReset>;

/** Password-reset links by token hash. */
export function passwordResetStore(db: Db) {
  return {
    async create(tokenHash: string, reset: PasswordReset): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...keys.passwordReset(tokenHash), entity: 'password-reset', ...reset },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },
    async get(tokenHash: string): Promise<PasswordReset | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: keys.passwordReset(tokenHash), ConsistentRead: true }),
      );
      return out.Item ? PasswordReset.parse(withoutKeys(out.Item)) : undefined;
    },
    /**
     * The transaction step that uses the link up: it must still exist and be unexpired, so the
     * password write it goes with happens at most once per link.
     */
    consume(tokenHash: string, nowSeconds: number) {
      return {
        Delete: {
          TableName: db.table,
          Key: keys.passwordReset(tokenHash),
          ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
        },
      };
    },
  };
}
export type PasswordResetStore = ReturnType<typeof passwordResetStore>;
