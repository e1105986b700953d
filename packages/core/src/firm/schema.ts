import * as z from 'zod';
import { idPattern } from '../ids';

/** Longest firm name and sector note we store; paper registers rarely come close. */
export const FIRM_NAME_MAX = 160;
export const SECTOR_DETAIL_MAX = 120;

/** What an association enters for a member firm (by hand or from a CSV register). */
export const NewFirm = z.object({
  name: z.string().trim().min(1).max(FIRM_NAME_MAX),
  employees: z.number().int().min(1).max(1_000_000),
  mechanised: z.boolean(),
  womenLed: z.boolean(),
  sectorDetail: z.string().trim().min(1).max(SECTOR_DETAIL_MAX).optional(),
  /** Where the firm's confirmation of a delivery is mailed (issue 12); without it, its association answers for it. */
  email: z.email().max(254).optional(),
});
export type NewFirm = z.infer<typeof NewFirm>;

/** A member firm of one association, in one cluster (the tenant). */
export const Firm = NewFirm.extend({
  id: z.string().regex(idPattern('firm')),
  clusterId: z.string().regex(idPattern('cluster')),
  associationId: z.string().regex(idPattern('association')),
  createdAt: z.iso.datetime(),
});
export type Firm = z.infer<typeof Firm>;
