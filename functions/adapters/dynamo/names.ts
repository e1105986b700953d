import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getMany } from './batch-get';
import type { Db } from './db';
import { bidKeys } from './bids';
import { keys } from './keys';
import { programmeKeys } from './programmes';
import { requestKeys } from './requests';

type Key = { PK: string; SK: string };
/** BatchGetItem takes at most 100 keys. */
const BATCH = 100;

/** Where each kind of id that has a name keeps it, within one cluster's view. */
function keyOf(clusterId: string, id: string): { key: Key; field: string } | undefined {
  switch (id.slice(0, 4)) {
    case 'clu_':
      return { key: keys.cluster(id), field: 'name' };
    case 'asc_':
      return { key: keys.association(clusterId, id), field: 'name' };
    case 'prv_':
      return { key: keys.provider(id), field: 'name' };
    case 'fnd_':
      return { key: keys.funder(id), field: 'name' };
    case 'req_':
      return { key: requestKeys.item(clusterId, id), field: 'title' };
    case 'prg_':
      return { key: programmeKeys.item(id), field: 'name' };
    default:
      return undefined;
  }
}

/**
 * Names for the ids a page of a cluster's records mentions (the audit trail), so people read
 * "LICT" and "Priya Sharma", not `prv_…` and `usr_…`. Directly keyed items come in BatchGetItems,
 * users by the id index (one Query each, few per page), bids through their request's bids (one
 * Query per request the page names); an id with no name found is left out, and the reader says
 * what kind of thing it is instead.
 */
export function namesStore(db: Db) {
  const text = (item: Record<string, unknown> | undefined, field: string) =>
    typeof item?.[field] === 'string' ? item[field] : undefined;

  async function direct(clusterId: string, ids: string[]): Promise<Map<string, string>> {
    const wanted = ids.flatMap((id) => {
      const at = keyOf(clusterId, id);
      return at ? [{ id, ...at }] : [];
    });
    const names = new Map<string, string>();
    for (let i = 0; i < wanted.length; i += BATCH) {
      const chunk = wanted.slice(i, i + BATCH);
      const items = await getMany(
        db,
        chunk.map((w) => w.key),
      );
      chunk.forEach((w, j) => {
        const name = text(items[j], w.field);
        if (name) names.set(w.id, name);
      });
    }
    return names;
  }

  async function query(input: { index?: string; pk: string; skPrefix?: string }) {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        ...(input.index ? { IndexName: input.index } : {}),
        KeyConditionExpression: input.skPrefix
          ? 'PK = :pk AND begins_with(SK, :sk)'
          : `${input.index ? 'GSI1PK' : 'PK'} = :pk`,
        ExpressionAttributeValues: { ':pk': input.pk, ...(input.skPrefix ? { ':sk': input.skPrefix } : {}) },
      }),
    );
    return out.Items ?? [];
  }

  return {
    /** Names by id for `ids`, read within `clusterId` (a tenant's keys never reach another's items). */
    async resolve(clusterId: string, ids: readonly string[]): Promise<Record<string, string>> {
      const unique = [...new Set(ids)];
      const users = unique.filter((id) => id.startsWith('usr_'));
      const bids = new Set(unique.filter((id) => id.startsWith('bid_')));
      const requests = unique.filter((id) => id.startsWith('req_'));
      const [names, userNames, bidProviders] = await Promise.all([
        direct(clusterId, unique),
        Promise.all(
          users.map(async (id) => {
            const [user] = await query({ index: 'GSI1', pk: keys.userById(id).GSI1PK });
            return [id, text(user, 'name')] as const;
          }),
        ),
        bids.size === 0
          ? []
          : Promise.all(requests.map((r) => query({ pk: `CLUSTER#${clusterId}`, skPrefix: bidKeys.prefix(r) }))).then(
              (pages) =>
                pages
                  .flat()
                  .flatMap((b): [string, string][] =>
                    bids.has(String(b.id)) ? [[String(b.id), String(b.providerId)]] : [],
                  ),
            ),
      ]);
      for (const [id, name] of userNames) if (name) names.set(id, name);
      // A bid reads as its provider's name: one more read for providers the page did not name.
      const providers = await direct(
        clusterId,
        bidProviders.map(([, p]) => p).filter((p) => !names.has(p)),
      );
      for (const [bid, provider] of bidProviders) {
        const name = names.get(provider) ?? providers.get(provider);
        if (name) names.set(bid, `${name}’s bid`);
      }
      return Object.fromEntries(names);
    },
  };
}
