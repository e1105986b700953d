import type { Association, Cluster, Provider } from '@bds/core';
import type { Stores } from '../../functions/adapters/dynamo/stores';
import type { PasswordHasher } from '../../functions/api/auth/passwords';
import { seedId } from '../../functions/local/seed/ids';

/** The password of every simulated account (a local stack's, hashed at the test cost). */
export const SIM_PASSWORD = 'simulated-2026';
const AT = '2026-04-01T00:00:00.000Z';

/** Categories the simulated providers offer; the demo's national SIDBI programme co-finances all of them. */
const CATEGORIES = ['training', 'it-software', 'testing', 'design', 'quality-certification'] as const;

export interface SimCluster {
  id: string;
  /** Each association's representative's email and its firms' count. */
  associations: { id: string; rep: string; firms: number }[];
  providers: { id: string; email: string; categories: string[]; capacity: number }[];
}

/** A small deterministic generator (mulberry32): the same seed draws the same numbers. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Writes `count` simulated clusters beside the demo's (which keeps its own four): each with two associations and
 * their representatives, and three providers approved in it, each with an account. Firms are registered later through
 * the API by their association. Ids and emails are numbered, so a seed's run names the same things every time.
 */
export async function seedSimulatedClusters(
  stores: Stores,
  passwords: PasswordHasher,
  count: number,
  random: () => number,
): Promise<SimCluster[]> {
  const passwordHash = await passwords.hash(SIM_PASSWORD);
  const clusters: SimCluster[] = [];
  for (let k = 1; k <= count; k++) {
    const cluster: Cluster = {
      id: seedId('cluster', `sim-${k}`),
      createdAt: AT,
      status: 'active',
      currency: 'INR',
      name: `Simulated cluster ${k}`,
      sector: 'Light engineering',
      state: 'Gujarat',
      district: `District ${k}`,
      firmCount: 500,
      phase: 'self_management',
      supportedUntil: '2029-03-31',
    };
    await stores.clusters.create(cluster);
    const sim: SimCluster = { id: cluster.id, associations: [], providers: [] };
    for (const a of [1, 2]) {
      const association: Association = {
        id: seedId('association', `sim-${k}-${a}`),
        clusterId: cluster.id,
        createdAt: AT,
        name: `Simulated association ${k}.${a}`,
        shortName: `SIM${k}A${a}`,
        kind: 'association',
        memberCount: 20,
      };
      await stores.clusters.putAssociation(association);
      const rep = `rep${a}.c${k}@sim.bds.example`;
      await stores.users.createIfAbsent({
        id: seedId('user', `sim-${k}-rep-${a}`),
        email: rep,
        name: `Representative ${k}.${a}`,
        role: 'association_rep',
        organisationId: association.id,
        organisationName: association.name,
        clusterIds: [cluster.id],
        passwordHash,
        disabled: false,
      });
      sim.associations.push({ id: association.id, rep, firms: 6 + Math.floor(random() * 7) });
    }
    for (const p of [1, 2, 3]) {
      const first = CATEGORIES[Math.floor(random() * CATEGORIES.length)] ?? 'training';
      const second = CATEGORIES[(CATEGORIES.indexOf(first) + p) % CATEGORIES.length] ?? 'training';
      const provider: Provider = {
        id: seedId('provider', `sim-${k}-${p}`),
        createdAt: AT,
        blocked: false,
        name: `Simulated provider ${k}.${p}`,
        city: 'Ahmedabad',
        contactEmail: `bids${p}.c${k}@sim.bds.example`,
        categories: [first, second] as Provider['categories'],
        accredited: random() < 0.6,
        capacity: 2 + Math.floor(random() * 4),
        clusterIds: [cluster.id],
      };
      await stores.providers.putWithRegistrations(provider, AT);
      await stores.users.createIfAbsent({
        id: seedId('user', `sim-${k}-provider-${p}`),
        email: provider.contactEmail ?? '',
        name: `Bids desk ${k}.${p}`,
        role: 'provider',
        organisationId: provider.id,
        organisationName: provider.name,
        clusterIds: [cluster.id],
        passwordHash,
        disabled: false,
      });
      sim.providers.push({
        id: provider.id,
        email: provider.contactEmail ?? '',
        categories: [...provider.categories],
        capacity: provider.capacity,
      });
    }
    clusters.push(sim);
  }
  return clusters;
}
