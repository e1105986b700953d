import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Invitation, conflict, type AuditEntry } from '@bds/core';
import type { Db } from './db';
import { auditItem } from './audit';
import { keys, withoutKeys } from './keys';
import type { StoredUser } from './users';
import { userItem } from './users';
import { isCancelled } from './transact';

/** Invitations by the hash of their secret token (the link carries the token itself). */
export function invitationStore(db: Db) {
  return {
    async get(tokenHash: string): Promise<Invitation | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.invitation(tokenHash) }));
      return out.Item ? Invitation.parse(withoutKeys(out.Item)) : undefined;
    },
    async put(invitation: Invitation, audit?: AuditEntry): Promise<void> {
      const put = {
        TableName: db.table,
        Item: { ...keys.invitation(invitation.tokenHash), entity: 'invitation', ...invitation },
        ConditionExpression: 'attribute_not_exists(PK)',
      };
      if (!audit) {
        await db.doc.send(new PutCommand(put));
        return;
      }
      await db.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, { Put: auditItem(db, audit) }] }));
    },
    /**
     * Marks the invitation used and creates the user in one transaction: the invitation's
     * `acceptedAt` must still be absent and the email free, so a link works exactly once.
     */
    async accept(accepted: Invitation, user: StoredUser): Promise<void> {
      try {
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: db.table,
                  Item: { ...keys.invitation(accepted.tokenHash), entity: 'invitation', ...accepted },
                  ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(acceptedAt)',
                },
              },
              { Put: { TableName: db.table, Item: userItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
            ],
          }),
        );
      } catch (error) {
        if (isCancelled(error)) {
          throw conflict(
            'INVITATION.USED',
            'This invitation has already been used, or the email already has an account',
          );
        }
        throw error;
      }
    },
  };
}
export type InvitationStore = ReturnType<typeof invitationStore>;
