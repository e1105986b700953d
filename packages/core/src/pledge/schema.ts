import * as z from 'zod';
import { idPattern } from '../ids';

/**
 * A member firm's commitment to take the service if the request goes ahead. Its key is
 * (requestId, firmId): a firm pledges at most once per request. `associationId` is the firm's
 * own association — the lead or a co-sponsor.
 */
export const Pledge = z.object({
  requestId: z.string().regex(idPattern('request')),
  clusterId: z.string().regex(idPattern('cluster')),
  firmId: z.string().regex(idPattern('firm')),
  associationId: z.string().regex(idPattern('association')),
  pledgedAt: z.iso.datetime(),
});
export type Pledge = z.infer<typeof Pledge>;

/** What withdrawing a pledge produces: the key to delete and when it happened. */
export interface PledgeWithdrawal {
  requestId: string;
  firmId: string;
  withdrawnAt: string;
}
