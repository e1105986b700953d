import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PendingSignUp, conflict, signUpLinkInvalid, type Provider } from '@bds/core';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';
import { failedAt, transact } from './transact';
import { userItem, type StoredUser } from './users';

/** Providers' sign-ups waiting for their mailed link, by the hash of the link's token. */
export function signUpStore(db: Db) {
  return {
    async create(tokenHash: string, pending: PendingSignUp): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...keys.signUp(tokenHash), entity: 'sign-up', ...pending },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },

    async get(tokenHash: string): Promise<PendingSignUp | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: keys.signUp(tokenHash), ConsistentRead: true }),
      );
      return out.Item ? PendingSignUp.parse(withoutKeys(out.Item)) : undefined;
    },

    /**
     * Follows the link, all or nothing: the sign-up is used up (it must still exist, unexpired),
     * the provider and its first user are created (the email still unique). A second use of the
     * link, or two racing, creates nothing.
     */
    async complete(tokenHash: string, nowSeconds: number, provider: Provider, user: StoredUser): Promise<void> {
      await transact(
        db,
        [
          {
            Delete: {
              TableName: db.table,
              Key: keys.signUp(tokenHash),
              ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
              ExpressionAttributeValues: { ':now': nowSeconds },
            },
          },
          {
            Put: {
              TableName: db.table,
              Item: {
                ...keys.provider(provider.id),
                ...keys.providerListing(provider.name, provider.id),
                entity: 'provider',
                ...provider,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          { Put: { TableName: db.table, Item: userItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
        (reasons) => {
          if (failedAt(reasons, 0)) return signUpLinkInvalid();
          // Taken since the link was mailed (two links to one address): whoever holds this link reads
          // that address's mail, so saying so reveals nothing to them.
          if (failedAt(reasons, 2))
            return conflict('USER.EMAIL_TAKEN', 'An account with this email exists now; sign in instead.', 'email');
          return undefined;
        },
      );
    },
  };
}
export type SignUpStore = ReturnType<typeof signUpStore>;
