import * as z from 'zod';
import { route } from '../route';

const Health = z.object({ status: z.literal('ok'), version: z.string(), time: z.iso.datetime() });

/** Liveness: answers without touching the table, so a load balancer can call it often. */
export const health = route({
  method: 'get',
  path: '/health',
  operationId: 'health',
  summary: 'Liveness check',
  tags: ['operations'],
  access: 'public',
  responses: { 200: { description: 'The API is up', schema: Health } },
  handler: async ({ deps }) => ({
    status: 200,
    body: { status: 'ok', version: deps.version, time: new Date(deps.clock.now()).toISOString() },
  }),
});
