import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Page } from './cursor';
import type { Db } from './db';
import { withoutKeys } from './keys';
import { queryPage } from './page';
import { isConditionFailure } from './transact';

/** Something an organisation was told: in its inbox, and mailed to a person when one is known. */
export const Notification = z.object({
  id: z.string(),
  organisationId: z.string(),
  kind: z.enum([
    'request.opened',
    'ranking.ready',
    'request.unsuccessful',
    'request.awarded',
    'bid.lost',
    'ranking.published',
    'standstill.ended',
    'complaint.filed',
    'complaint.decided',
    'milestone.reported',
    'milestone.accepted',
    'milestone.resolved',
    'money.released',
  ]),
  title: z.string(),
  text: z.string(),
  clusterId: z.string(),
  requestId: z.string().optional(),
  /** The portal page it is about. */
  link: z.string().optional(),
  eventId: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().optional(),
  /** When its mail went out; absent when there is none yet (or no one to mail). */
  mailedAt: z.iso.datetime().optional(),
});
export type Notification = z.infer<typeof Notification>;

/**
 * `INBOX#<organisation>` / `<notificationId>`: the id is `ntf_` + the event's ULID, so the
 * inbox sorts newest first and one event notifies one organisation once. While unread, GSI1
 * (`INBOX#<organisation>#UNREAD`, sparse) lists it too, so "unread only" is a Query, not a filter.
 */
export const inboxKeys = {
  item: (organisationId: string, notificationId: string) => ({ PK: `INBOX#${organisationId}`, SK: notificationId }),
  unread: (organisationId: string, notificationId: string) => ({
    GSI1PK: `INBOX#${organisationId}#UNREAD`,
    GSI1SK: notificationId,
  }),
};

/**
 * The notification id of an event: its ULID under the `ntf_` prefix.
 *
 * @example
 * notificationIdFor({ id: 'evt_01J…' }) // 'ntf_01J…'
 */
export const notificationIdFor = (event: { id: string }): string => `ntf_${event.id.slice(event.id.indexOf('_') + 1)}`;

const parse = (raw: Record<string, unknown>): Notification => Notification.parse(withoutKeys(raw));

/** Notifications per organisation, newest first. */
export function inboxStore(db: Db) {
  const get = async (organisationId: string, notificationId: string): Promise<Notification | undefined> => {
    const out = await db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: inboxKeys.item(organisationId, notificationId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? parse(out.Item) : undefined;
  };
  return {
    get,
    /** Adds the notification unless it is there already (a redelivered event); returns what is stored. */
    async put(n: Notification): Promise<{ written: boolean; stored: Notification }> {
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: {
              ...inboxKeys.item(n.organisationId, n.id),
              ...(n.readAt ? {} : inboxKeys.unread(n.organisationId, n.id)),
              entity: 'notification',
              ...n,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return { written: true, stored: n };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // Only on a redelivery: read what the first delivery stored (did its mail go out?).
        return { written: false, stored: (await get(n.organisationId, n.id)) ?? n };
      }
    },

    async markMailed(organisationId: string, notificationId: string, at: string): Promise<void> {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: inboxKeys.item(organisationId, notificationId),
          UpdateExpression: 'SET mailedAt = if_not_exists(mailedAt, :at)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },

    /** A page of the organisation's inbox, newest first; `unread` reads the sparse unread index. */
    async list(
      organisationId: string,
      opts: { limit: number; cursor?: string; unread?: boolean },
    ): Promise<Page<Notification>> {
      if (opts.unread) {
        const pk = inboxKeys.unread(organisationId, '').GSI1PK;
        return queryPage(
          db,
          {
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ScanIndexForward: false,
            Limit: opts.limit,
          },
          { attribute: 'GSI1PK', value: pk },
          opts.cursor,
          parse,
        );
      }
      const pk = inboxKeys.item(organisationId, '').PK;
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: opts.limit,
          ConsistentRead: true,
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        parse,
      );
    },

    /**
     * Marks it read (the first time only) and drops it from the unread index; undefined when there is no such
     * notification.
     */
    async markRead(organisationId: string, notificationId: string, at: string): Promise<Notification | undefined> {
      try {
        const out = await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: inboxKeys.item(organisationId, notificationId),
            UpdateExpression: 'SET readAt = if_not_exists(readAt, :at) REMOVE GSI1PK, GSI1SK',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':at': at },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return out.Attributes ? parse(out.Attributes) : undefined;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },
  };
}
export type InboxStore = ReturnType<typeof inboxStore>;
