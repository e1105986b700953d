import * as z from 'zod';

/** A BDS provider: national, serves the clusters it is registered in. */
export const Provider = z.object({
  id: z.string(),
  name: z.string().min(2).max(160),
  city: z.string().min(2).max(60),
  categories: z.array(z.string()).min(1),
  accredited: z.boolean(),
  /** How many engagements it can run in overlapping delivery windows. */
  capacity: z.number().int().min(1).max(1000),
  clusterIds: z.array(z.string()),
  /** Blocked by a national admin: can no longer bid anywhere. */
  blocked: z.boolean().default(false),
  /** The account that signed the provider up; approvals extend its reach. */
  contactEmail: z.email().optional(),
  createdAt: z.iso.datetime(),
});
export type Provider = z.infer<typeof Provider>;

/**
 * What a funder is, for the indicators' sources of support: `programme` (the cluster
 * programme itself, whose leverage Table 1 measures) or a support institution (the rest).
 */
export const FunderKind = z.enum(['development_bank', 'state_agency', 'programme', 'other']);
export type FunderKind = z.infer<typeof FunderKind>;

/** A public funder (SIDBI, NABARD, a state agency, the programme). */
export const Funder = z.object({
  id: z.string(),
  name: z.string().min(2).max(160),
  kind: FunderKind,
  createdAt: z.iso.datetime(),
});
export type Funder = z.infer<typeof Funder>;
