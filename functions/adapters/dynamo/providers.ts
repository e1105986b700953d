import { getMany } from './batch-get';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Provider } from '@bds/core';
import * as z from 'zod';
import type { Db } from './db';
import { keys, withoutKeys } from './keys';
import { queryAll } from './page';

/** A provider's standing in one cluster (issue 4 adds applications and refusals). */
export const Registration = z.object({
  clusterId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  categories: z.array(z.string()),
  status: z.enum(['approved', 'pending', 'refused']),
  at: z.iso.datetime(),
  reason: z.string().optional(),
});
export type Registration = z.infer<typeof Registration>;

/** Providers (national) and their registrations in clusters. */
export function providerStore(db: Db) {
  return {
    /** Writes the provider and one approved registration per cluster, all or nothing. */
    async putWithRegistrations(provider: Provider, at: string): Promise<void> {
      await db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: db.table,
                Item: {
                  ...keys.provider(provider.id),
                  ...keys.providerListing(provider.name, provider.id),
                  entity: 'provider',
                  ...provider,
                },
              },
            },
            ...provider.clusterIds.map((clusterId) => ({
              Put: {
                TableName: db.table,
                Item: {
                  ...keys.providerRegistration(clusterId, provider.id),
                  entity: 'registration',
                  ...Registration.parse({
                    clusterId,
                    providerId: provider.id,
                    providerName: provider.name,
                    categories: provider.categories,
                    status: 'approved',
                    at,
                  }),
                },
              },
            })),
          ],
        }),
      );
    },
    async get(providerId: string): Promise<Provider | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.provider(providerId) }));
      return out.Item ? Provider.parse(withoutKeys(out.Item)) : undefined;
    },
    /** Several providers in one BatchGetItem (100 keys per call), in the order asked; `undefined` for an unknown id. */
    async getMany(providerIds: readonly string[]): Promise<(Provider | undefined)[]> {
      const found: (Record<string, unknown> | undefined)[] = [];
      for (let i = 0; i < providerIds.length; i += 100)
        found.push(
          ...(await getMany(
            db,
            providerIds.slice(i, i + 100).map((id) => keys.provider(id)),
          )),
        );
      return found.map((raw) => (raw ? Provider.parse(withoutKeys(raw)) : undefined));
    },
    async getRegistration(clusterId: string, providerId: string): Promise<Registration | undefined> {
      const { PK, SK } = keys.providerRegistration(clusterId, providerId);
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: { PK, SK } }));
      return out.Item ? Registration.parse(withoutKeys(out.Item)) : undefined;
    },
    /** Every registration of a cluster, whatever its status. */
    async registrations(clusterId: string): Promise<Registration[]> {
      return queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': keys.cluster(clusterId).PK, ':sk': keys.providerRegistrationPrefix },
        },
        (i) => Registration.parse(withoutKeys(i)),
      );
    },
    /** Every approved provider of a cluster (a cluster has tens, not thousands: read them all). */
    async approvedIn(clusterId: string): Promise<Registration[]> {
      return (await this.registrations(clusterId)).filter((r) => r.status === 'approved');
    },
  };
}
export type ProviderStore = ReturnType<typeof providerStore>;
