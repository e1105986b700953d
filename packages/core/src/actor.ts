import * as z from 'zod';

/** The six roles of the brief (DESIGN.md §2). */
export const Role = z.enum(['national_admin', 'state_admin', 'cluster_admin', 'association_rep', 'provider', 'funder']);
export type Role = z.infer<typeof Role>;

/**
 * Who is calling. `organisationId` is the association, provider or funder the user acts for
 * (empty meaning is not allowed: admins carry their office's id). `clusterIds` are the clusters
 * the user may reach — for a state admin, every cluster of the state, resolved at sign-in.
 */
export const Actor = z.object({
  userId: z.string().min(1),
  role: Role,
  organisationId: z.string().min(1),
  clusterIds: z.array(z.string().min(1)),
  state: z.string().min(2).optional(),
});
export type Actor = z.infer<typeof Actor>;

/**
 * True when the actor may reach the cluster at all: national admins reach every cluster,
 * everyone else only those listed on them.
 *
 * @example
 * reachesCluster({ userId: 'usr_1', role: 'national_admin', organisationId: 'nac', clusterIds: [] }, 'clu_x') // true
 */
export const reachesCluster = (actor: Actor, clusterId: string): boolean =>
  actor.role === 'national_admin' || actor.clusterIds.includes(clusterId);
