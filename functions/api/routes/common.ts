import * as z from 'zod';

/** Every list takes the same paging parameters and answers `{ items, nextCursor }`. */
export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page (1–100)'),
  cursor: z.string().max(2048).optional().describe('The nextCursor of the previous page'),
});

/** The page envelope around a list of T. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A path segment that is an id: bounded and safe to put in a key. */
export const IdParam = z.string().regex(/^[a-z]{3}_[0-9A-Za-z]{1,40}$/, 'Not a valid id');

export const ClusterParams = z.object({ clusterId: IdParam });
