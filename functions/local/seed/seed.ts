import type { Stores } from '../../adapters/dynamo/stores';
import { systemClock } from '../../adapters/system';
import { createPasswordHasher, type PasswordHasher } from '../../api/auth/passwords';
import type { DemoAccount } from '../../api/deps';
import { ASSOCIATIONS, CLUSTERS, DEMO_PASSWORD, DEMO_USERS, FUNDERS, PROVIDER_BANK_DETAILS, PROVIDERS } from './data';
import { seedId } from './ids';
import { seedMarketplace } from './marketplace';
import { seedProgrammes } from './programmes';
import { seedHistory } from './history';

/** The demo sign-ins, as the portal's home page and `npm start` show them. */
export const demoAccounts = (): DemoAccount[] =>
  DEMO_USERS.map((u) => ({
    role: u.role,
    email: u.email,
    password: DEMO_PASSWORD,
    name: u.name,
    organisationName: u.organisationName,
  }));

/**
 * Writes the demo marketplace. Idempotent: fixed ids, and creates that refuse to overwrite,
 * so a restart neither duplicates nor resets anything a person changed.
 */
export async function seedDemoData(
  stores: Stores,
  log: (line: string) => void,
  opts: { history?: boolean; passwords?: PasswordHasher } = {},
): Promise<{ created: number }> {
  let created = 0;
  for (const cluster of Object.values(CLUSTERS)) {
    if (await stores.clusters.get(cluster.id)) continue;
    await stores.clusters.create(cluster);
    created++;
  }
  for (const association of Object.values(ASSOCIATIONS)) {
    if (await stores.clusters.getAssociation(association.clusterId, association.id)) continue;
    await stores.clusters.putAssociation(association);
    created++;
  }
  for (const provider of Object.values(PROVIDERS)) {
    if (await stores.providers.get(provider.id)) continue;
    await stores.providers.putWithRegistrations(provider, provider.createdAt);
    created++;
  }
  for (const [key, details] of Object.entries(PROVIDER_BANK_DETAILS)) {
    const providerId = PROVIDERS[key as keyof typeof PROVIDERS].id;
    if (!details || (await stores.bankDetails.get(providerId))) continue;
    await stores.bankDetails.put(providerId, details, PROVIDERS[key as keyof typeof PROVIDERS].createdAt, 'seed');
    created++;
  }
  for (const funder of Object.values(FUNDERS)) {
    if (await stores.funders.get(funder.id)) continue;
    await stores.funders.put(funder);
    created++;
  }
  created += (await seedProgrammes(stores)).created;
  const missing = [];
  for (const u of DEMO_USERS) if (!(await stores.users.byEmail(u.email))) missing.push(u);
  if (missing.length > 0) log(`Creating ${missing.length} demo accounts (passwords hashed with scrypt, ~0.3 s each)…`);
  // Demo accounts share one password, so one hash serves them all (real users each get their own salt).
  const passwordHash = missing.length > 0 ? await (opts.passwords ?? createPasswordHasher()).hash(DEMO_PASSWORD) : '';
  for (const u of missing) {
    const { slug, ...user } = u;
    if (
      await stores.users.createIfAbsent({
        id: seedId('user', slug),
        ...user,
        clusterIds: [...user.clusterIds],
        passwordHash,
        disabled: false,
      })
    )
      created++;
  }
  created += (await seedMarketplace(stores, log)).created;
  // After the marketplace: the history pledges the same registers' firms.
  if (opts.history !== false) created += (await seedHistory(stores, systemClock.now())).created;
  return { created };
}
