import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { MailSender } from '../mail/port';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';

export const StoredMail = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), sentAt: z.iso.datetime() });
export type StoredMail = z.infer<typeof StoredMail>;

/**
 * The local outbox: mail "sent" on a local stack lands here (and in the log), and the portal's
 * outbox page reads it, so invitations can be followed without a mail server.
 */
export function mailboxStore(db: Db, opts: { nextId: () => string; now: () => number; log?: (line: string) => void }) {
  const sender: MailSender = {
    async send(message) {
      const id = opts.nextId();
      await db.doc.send(new PutCommand({
        TableName: db.table,
        Item: { ...keys.mail(message.to, id), entity: 'mail', id, ...message, to: message.to.toLowerCase(), sentAt: new Date(opts.now()).toISOString() },
      }));
      opts.log?.(`Mail to ${message.to}: ${message.subject}\n${message.text}`);
    },
  };
  return {
    sender,
    async list(email: string, limit = 20): Promise<StoredMail[]> {
      const out = await db.doc.send(new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.mailbox(email) },
        ScanIndexForward: false,
        Limit: limit,
      }));
      return (out.Items ?? []).map((i) => StoredMail.parse(withoutKeys(i)));
    },
  };
}
