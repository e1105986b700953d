import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { MailSender } from '../mail/port';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';
import { isCancelled } from './transact';

export const StoredMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.iso.datetime(),
});
export type StoredMail = z.infer<typeof StoredMail>;

/**
 * The local outbox: mail "sent" on a local stack lands here (and in the log), and the portal's
 * outbox page reads it, so invitations can be followed without a mail server.
 */
export function mailboxStore(db: Db, opts: { nextId: () => string; now: () => number; log?: (line: string) => void }) {
  const sender: MailSender = {
    async send(message) {
      const id = opts.nextId();
      const { idempotencyKey, ...content } = message;
      const item = {
        ...keys.mail(message.to, id),
        entity: 'mail',
        id,
        ...content,
        to: message.to.toLowerCase(),
        sentAt: new Date(opts.now()).toISOString(),
      };
      if (idempotencyKey === undefined) {
        await db.doc.send(new PutCommand({ TableName: db.table, Item: item }));
      } else {
        // The mail and a marker named by its key, in one transaction: the same key again sends nothing.
        const marker = {
          ...keys.mailKey(idempotencyKey),
          entity: 'mail-key',
          mailId: id,
          expiresAt: Math.floor(opts.now() / 1000) + 30 * 24 * 3600,
        };
        try {
          await db.doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: db.table, Item: marker, ConditionExpression: 'attribute_not_exists(PK)' } },
                { Put: { TableName: db.table, Item: item } },
              ],
            }),
          );
        } catch (error) {
          const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
          if (isCancelled(error) && reasons?.[0]?.Code === 'ConditionalCheckFailed') return;
          throw error;
        }
      }
      opts.log?.(`Mail to ${message.to}: ${message.subject}\n${message.text}`);
    },
  };
  return {
    sender,
    async list(email: string, limit = 20): Promise<StoredMail[]> {
      const out = await db.doc.send(
        new QueryCommand({
          TableName: db.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.mailbox(email) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((i) => StoredMail.parse(withoutKeys(i)));
    },
  };
}
