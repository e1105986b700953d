import { idPattern, notFound } from '@bds/core';
import * as z from 'zod';
import { Notification } from '../../adapters/dynamo/inbox';
import { route } from '../route';
import { Paging, pageOf } from './common';

const tags = ['inbox'];
const InboxQuery = Paging.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only notifications not yet read'),
});
const NotificationParams = z.object({
  notificationId: z.string().regex(idPattern('notification'), 'Not a notification id'),
});

export const listInbox = route({
  method: 'get',
  path: '/api/inbox',
  operationId: 'listInbox',
  summary: 'Notifications for the caller’s organisation, newest first',
  tags,
  access: 'signed-in',
  query: InboxQuery,
  responses: { 200: { description: 'A page of notifications', schema: pageOf(Notification) } },
  handler: async ({ query, actor, deps }) => {
    const page = await deps.stores.inbox.list(actor.organisationId, {
      limit: query.limit,
      unread: query.unread,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { status: 200, body: page };
  },
});

export const readNotification = route({
  method: 'post',
  path: '/api/inbox/:notificationId/read',
  operationId: 'readNotification',
  summary: 'Marks a notification of the caller’s organisation read (again: no change)',
  tags,
  access: 'signed-in',
  params: NotificationParams,
  responses: { 200: { description: 'The notification, read', schema: Notification } },
  handler: async ({ params, actor, deps }) => {
    // The key is the caller's own inbox: another organisation's notification is simply not there.
    const read = await deps.stores.inbox.markRead(
      actor.organisationId,
      params.notificationId,
      new Date(deps.clock.now()).toISOString(),
    );
    if (!read) throw notFound('NOTIFICATION.NOT_FOUND', 'No such notification.');
    return { status: 200, body: read };
  },
});
