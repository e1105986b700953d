import { UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  FunderKind,
  deliveryChange,
  scopesOfDelivery,
  type Delivery,
  type FirstDeliveries,
  type Month,
  type MonthAggregate,
  type ScopeKey,
} from '@bds/core';
import { getMany } from './batch-get';
import type { Db } from './db';
import { keys } from './keys';
import { failedAt, isConditionFailure, transact } from './transact';
import { queryAll } from './page';

/**
 * Keys of the indicator aggregates. A cluster's months sit in its own partition (tenant first);
 * a state's and the nation's in theirs. One partition per scope holds its months (`M#YYYY-MM`)
 * and its first deliveries per category (`FIRST`), so a dashboard read is one Query.
 */
export const indicatorKeys = {
  partition: (scope: ScopeKey) =>
    scope.startsWith('cluster#') ? `CLUSTER#${scope.slice('cluster#'.length)}#INDICATORS` : `INDICATORS#${scope}`,
  month: (scope: ScopeKey, month: Month) => ({ PK: indicatorKeys.partition(scope), SK: `M#${month}` }),
  first: (scope: ScopeKey) => ({ PK: indicatorKeys.partition(scope), SK: 'FIRST' }),
  /** The idempotency marker of one milestone's delivery: written once, in the transaction of the sums. */
  applied: (clusterId: string, requestId: string, index: number) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `INDAPPLIED#${requestId}#${index}`,
  }),
  appliedPrefix: 'INDAPPLIED#',
};

const KEY_ATTRS = new Set(['PK', 'SK', 'entity']);

/** A stored month item → core's aggregate (string sets become sorted arrays). */
export function toAggregate(item: Record<string, unknown>): MonthAggregate {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (KEY_ATTRS.has(k)) continue;
    out[k] = v instanceof Set ? [...(v as Set<string>)].sort() : v;
  }
  return out as MonthAggregate;
}

/** The first-deliveries item → `{ category: month }`. */
const toFirst = (item: Record<string, unknown> | undefined): FirstDeliveries =>
  Object.fromEntries(
    Object.entries(item ?? {})
      .filter(([k]) => k.startsWith('C#'))
      .map(([k, v]) => [k.slice(2), String(v)]),
  );

type Update = NonNullable<NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update']>;

/** The month's update for one delivery: ADD the sums and the firm sets, SET the idempotent values. */
function monthUpdate(table: string, scope: ScopeKey, d: Delivery): Update {
  const change = deliveryChange(d);
  const names: Record<string, string> = { '#entity': 'entity', '#month': 'month' };
  const values: Record<string, unknown> = { ':entity': 'indicator_month', ':month': d.month };
  const sets = ['#entity = :entity', '#month = :month'];
  const adds: string[] = [];
  let i = 0;
  for (const [attr, v] of Object.entries(change.set)) {
    names[`#a${i}`] = attr;
    values[`:v${i}`] = v;
    sets.push(`#a${i} = :v${i}`);
    i++;
  }
  for (const [attr, v] of Object.entries(change.add)) {
    names[`#a${i}`] = attr;
    values[`:v${i}`] = v;
    adds.push(`#a${i} :v${i}`);
    i++;
  }
  for (const [attr, v] of Object.entries(change.union)) {
    names[`#a${i}`] = attr;
    values[`:v${i}`] = new Set(v);
    adds.push(`#a${i} :v${i}`);
    i++;
  }
  return {
    TableName: table,
    Key: indicatorKeys.month(scope, d.month),
    UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * The indicator aggregates: kept by the workers on every milestone decision, read by the
 * public API, recomputed by the audit.
 *
 * @example
 * const { months, first } = await stores.indicators.read(scopeKeys.cluster(clusterId), '2026-01', '2026-12');
 */
export function indicatorStore(db: Db) {
  return {
    /**
     * Adds one delivery to its month in its cluster, its state and the nation, all or nothing,
     * with the milestone's marker (`attribute_not_exists`) in the same transaction: a
     * redelivered event finds the marker and adds nothing. Then lowers each scope's first month
     * of the category (a minimum: idempotent and order-free, so it runs on every attempt and
     * a crash between the two writes is repaired by the retry). False when already applied.
     */
    async apply(d: Delivery): Promise<boolean> {
      const scopes = scopesOfDelivery(d);
      let applied = true;
      try {
        await transact(
          db,
          [
            {
              Put: {
                TableName: db.table,
                Item: {
                  ...indicatorKeys.applied(d.clusterId, d.requestId, d.index),
                  entity: 'indicator_applied',
                  month: d.month,
                  at: d.at,
                  delivered: d.delivered,
                  public: d.public,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...scopes.map((scope) => ({ Update: monthUpdate(db.table, scope, d) })),
          ],
          (reasons) => (failedAt(reasons, 0) ? new AlreadyApplied() : undefined),
        );
      } catch (error) {
        if (!(error instanceof AlreadyApplied)) throw error;
        applied = false;
      }
      await Promise.all(scopes.map((scope) => lowerFirst(db, scope, d.category, d.month)));
      return applied;
    },

    /** Whether a milestone's delivery was added (the audit's and the tests' view of the markers). */
    async isApplied(clusterId: string, requestId: string, index: number): Promise<boolean> {
      const [item] = await getMany(db, [indicatorKeys.applied(clusterId, requestId, index)]);
      return item !== undefined;
    },

    /**
     * A scope's months from `from` to `to` and its first deliveries: one Query of the scope's
     * partition (`SK BETWEEN M#from AND M#to`) beside one GetItem, sent together. The months
     * are at most 120 items whatever the number of awards; pages follow only past 1 MB.
     */
    async read(scope: ScopeKey, from: Month, to: Month): Promise<{ months: MonthAggregate[]; first: FirstDeliveries }> {
      const [months, [first]] = await Promise.all([
        queryAll(
          db,
          {
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': indicatorKeys.partition(scope),
              ':from': `M#${from}`,
              ':to': `M#${to}`,
            },
          },
          toAggregate,
        ),
        getMany(db, [indicatorKeys.first(scope)]),
      ]);
      return { months, first: toFirst(first) };
    },

    /** The kinds of the funders named, in one BatchGetItem (unknown funders are left out). */
    async funderKinds(funderIds: readonly string[]): Promise<Record<string, FunderKind>> {
      if (funderIds.length === 0) return {};
      const out: Record<string, FunderKind> = {};
      const ids = [...new Set(funderIds)];
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        const items = await getMany(
          db,
          chunk.map((id) => keys.funder(id)),
        );
        items.forEach((item, j) => {
          const kind = FunderKind.safeParse(item?.kind);
          if (kind.success) out[chunk[j]!] = kind.data;
        });
      }
      return out;
    },
  };
}
export type IndicatorStore = ReturnType<typeof indicatorStore>;

class AlreadyApplied extends Error {
  override readonly name = 'AlreadyApplied';
}

/** SET the category's first month unless an earlier one is stored; a refusal means "already earlier". */
async function lowerFirst(db: Db, scope: ScopeKey, category: string, month: Month): Promise<void> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: indicatorKeys.first(scope),
        UpdateExpression: 'SET #c = :m, entity = :e',
        ConditionExpression: 'attribute_not_exists(#c) OR #c > :m',
        ExpressionAttributeNames: { '#c': `C#${category}` },
        ExpressionAttributeValues: { ':m': month, ':e': 'indicator_first' },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
