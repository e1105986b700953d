import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Cluster, invalid } from '@bds/core';
import * as z from 'zod';
import type { Db } from './db';
import { getMany } from './batch-get';
import { keys, withoutKeys } from './keys';
import { parseRequest, type StoredRequest } from './requests';

/** A position in the merged deadline order: the index sort key (`<deadline>#<request id>`) of the last item read. */
const Position = z.object({ after: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#req_[0-9A-HJKMNP-TV-Z]{26}$/) });
const badCursor = () => invalid('PAGE.BAD_CURSOR', 'The cursor is not one this list returned', 'cursor');

function decode(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = Position.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data.after;
  } catch {
    // not base64url JSON: the same answer as a well-formed but foreign cursor
  }
  throw badCursor();
}
const encode = (after: string) => Buffer.from(JSON.stringify({ after })).toString('base64url');

/** The page of a provider's marketplace: open requests of several clusters, soonest deadline first. */
export interface OpenAcross {
  items: StoredRequest[];
  nextCursor: string | null;
  clusters: { id: string; name: string }[];
}

/**
 * Open requests across the clusters a provider is admitted to, in one round trip: one Query per
 * cluster on the sparse open index (GSI1 `CLUSTER#<c>#OPEN`, or GSI2 `CLUSTER#<c>#OPEN#<category>`),
 * each from `max(closingAfter, cursor)` and at most `limit` items, plus one BatchGetItem of the
 * clusters' names, all sent together; merged by `<deadline>#<request id>`. Capacity depends on the
 * clusters and the page size, never on how many requests the clusters ever had (closed ones leave
 * the index). The cursor is the last sort key returned: a forged one only moves the start, since
 * the clusters read are the caller's own.
 *
 * @example
 * const page = await openAcross(db, actor.clusterIds, { limit: 20, closingAfter: now });
 */
export async function openAcross(
  db: Db,
  clusterIds: readonly string[],
  opts: { limit: number; cursor?: string | undefined; category?: string | undefined; closingAfter: string },
): Promise<OpenAcross> {
  const after = decode(opts.cursor);
  const from = after && after > opts.closingAfter ? after : opts.closingAfter;
  const byCategory = opts.category !== undefined;
  const [index, pkName, skName] = byCategory ? ['GSI2', 'GSI2PK', 'GSI2SK'] : ['GSI1', 'GSI1PK', 'GSI1SK'];
  const query = async (clusterId: string) => {
    const pk = byCategory ? `CLUSTER#${clusterId}#OPEN#${opts.category}` : `CLUSTER#${clusterId}#OPEN`;
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: index,
        KeyConditionExpression: `${pkName} = :pk AND ${skName} > :from`,
        ExpressionAttributeValues: { ':pk': pk, ':from': from },
        Limit: opts.limit,
      }),
    );
    return { items: out.Items ?? [], more: out.LastEvaluatedKey !== undefined };
  };
  const [pages, clusters] = await Promise.all([
    Promise.all(clusterIds.map(query)),
    getMany(
      db,
      clusterIds.map((c) => keys.cluster(c)),
    ),
  ]);
  const merged = pages.flatMap((p) => p.items).sort((a, b) => (String(a[skName]) < String(b[skName]) ? -1 : 1));
  const page = merged.slice(0, opts.limit);
  const more = merged.length > opts.limit || pages.some((p) => p.more);
  const last = page.at(-1);
  return {
    items: page.map(parseRequest),
    nextCursor: more && last ? encode(String(last[skName])) : null,
    clusters: clusters.flatMap((c) => {
      if (!c) return [];
      const cluster = Cluster.parse(withoutKeys(c));
      return [{ id: cluster.id, name: cluster.name }];
    }),
  };
}
