import * as z from 'zod';

/** One line of a cluster's activity feed: what happened, in words a person reads. */
export const Activity = z.object({
  id: z.string(),
  clusterId: z.string(),
  at: z.iso.datetime(),
  kind: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  correlationId: z.string().optional(),
});
export type Activity = z.infer<typeof Activity>;
