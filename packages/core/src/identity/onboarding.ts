import * as z from 'zod';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import { Cluster, ClusterPhase } from '../cluster/schema';
import { STATES_AND_UNION_TERRITORIES } from '../cluster/states';
import { DomainError, conflict } from '../errors';
import type { IdGenerator } from '../ids';
import { Currency } from '../money';

/** What a national (or state) admin fills in to onboard a cluster, with its first admin. */
export const NewCluster = z.object({
  name: z.string().trim().min(2).max(120),
  sector: z.string().trim().min(2).max(120),
  state: z.enum(STATES_AND_UNION_TERRITORIES, {
    error: 'A state or union territory of India, as officially named (such as Punjab or Tamil Nadu)',
  }),
  district: z.string().trim().min(2).max(60),
  firmCount: z.number().int().min(1).max(1_000_000),
  phase: ClusterPhase,
  currency: Currency.default('INR'),
  supportedUntil: z.iso.date(),
  admin: z.object({ email: z.email().max(254), name: z.string().trim().min(2).max(120) }),
});
export type NewCluster = z.input<typeof NewCluster>;

/**
 * Builds a new cluster (tenant). A state admin may onboard only in their own state; the end
 * of the supported period must be in the future.
 *
 * @example
 * const cluster = onboardCluster(NewCluster.parse(input), nationalAdmin, { ids, clock });
 */
export function onboardCluster(
  input: z.output<typeof NewCluster>,
  actor: Actor,
  ctx: { ids: IdGenerator; clock: Clock },
): Cluster {
  if (actor.role !== 'national_admin' && actor.role !== 'state_admin') {
    throw new DomainError(
      'CLUSTER.ONBOARD_NOT_ALLOWED',
      'forbidden',
      'Only national and state admins onboard clusters',
    );
  }
  if (actor.role === 'state_admin' && actor.state !== input.state) {
    throw new DomainError(
      'CLUSTER.OUTSIDE_STATE',
      'forbidden',
      `A state admin of ${actor.state ?? 'no state'} cannot onboard a cluster in ${input.state}`,
      'state',
    );
  }
  const now = ctx.clock.now();
  if (Date.parse(`${input.supportedUntil}T23:59:59Z`) <= now) {
    throw new DomainError(
      'CLUSTER.SUPPORT_ENDED',
      'invalid',
      'The end of the supported period must be in the future',
      'supportedUntil',
    );
  }
  const { admin: _admin, ...fields } = input;
  return Cluster.parse({
    ...fields,
    id: ctx.ids.next('cluster'),
    status: 'active',
    createdAt: new Date(now).toISOString(),
  });
}

/** Moves between active, suspended (read-only) and archived (final). */
export function changeClusterStatus(cluster: Cluster, to: 'active' | 'suspended' | 'archived'): Cluster {
  const allowed: Record<Cluster['status'], readonly Cluster['status'][]> = {
    active: ['suspended', 'archived'],
    suspended: ['active', 'archived'],
    archived: [],
  };
  if (!allowed[cluster.status].includes(to))
    throw conflict('CLUSTER.ILLEGAL_TRANSITION', `A ${cluster.status} cluster cannot become ${to}`, 'status');
  return { ...cluster, status: to };
}
