import * as z from 'zod';
import { route } from '../route';
import { unknownQueue } from '../../adapters/dead-letters/errors';

const QueueName = z.string().trim().min(1).max(80).describe('A worker queue, as listed in `queues`');

const DeadLetterItem = z.object({
  queue: z.string(),
  messageId: z.string(),
  type: z.string().optional(),
  clusterId: z.string().optional(),
  correlationId: z.string().optional(),
  error: z.string().optional(),
  receiveCount: z.number().int(),
  sentAt: z.iso.datetime(),
  body: z.string(),
});
const DeadLetterList = z.object({ queues: z.array(z.string()), items: z.array(DeadLetterItem) });

/** The dead letters of one queue, or of every queue when none is named; they stay where they are. */
export const listDeadLetters = route({
  method: 'get',
  path: '/api/admin/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'Messages the workers gave up on, per queue',
  tags: ['operations'],
  access: ['national_admin'],
  query: z.object({
    queue: QueueName.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('Items per queue (1–100)'),
  }),
  responses: { 200: { description: 'The queues and their dead letters', schema: DeadLetterList } },
  handler: async ({ query, deps }) => {
    const admin = deps.deadLetters;
    const queues = admin?.queues() ?? [];
    if (query.queue && !queues.includes(query.queue)) throw unknownQueue(query.queue, queues);
    const items = [];
    for (const queue of query.queue ? [query.queue] : queues)
      items.push(...(await admin!.list(queue, { limit: query.limit })));
    return { status: 200, body: { queues, items } };
  },
});

/** Puts dead letters back on their source queue once the fault is fixed; the workers are idempotent. */
export const redriveDeadLetters = route({
  method: 'post',
  path: '/api/admin/dead-letters/redrive',
  operationId: 'redriveDeadLetters',
  summary: 'Send dead letters (all, or the ones named) back to their queue',
  tags: ['operations'],
  access: ['national_admin'],
  body: z.object({ queue: QueueName, messageIds: z.array(z.string().min(1).max(100)).min(1).max(100).optional() }),
  responses: { 200: { description: 'How many went back', schema: z.object({ redriven: z.number().int() }) } },
  handler: async ({ body, deps, log }) => {
    const admin = deps.deadLetters;
    if (!admin) throw unknownQueue(body.queue, []);
    const result = await admin.redrive(body.queue, body.messageIds);
    log.info('dead letters redriven', { queue: body.queue, asked: body.messageIds?.length ?? 'all', ...result });
    return { status: 200, body: result };
  },
});
