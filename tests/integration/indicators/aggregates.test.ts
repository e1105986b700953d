import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditIndicators,
  indicatorsOf,
  resolvePeriod,
  scopeKeys,
  type Delivery,
  type FirstDeliveries,
  type MonthAggregate,
} from '@bds/core';
import { createDb } from '../../../functions/adapters/dynamo/db';
import { indicatorStore } from '../../../functions/adapters/dynamo/indicators';
import { FUNDERS, historyArb } from '../../unit/indicators/arbitraries';
import { freshTable } from '../support/dynamo';
import { dynamoEndpoint } from '../support/endpoint';

/**
 * Each delivery arrives 1–3 times, shuffled, up to 4 copies at the same instant (workers
 * holding the same message): what SQS may do to `milestone.decided`.
 */
const withRedeliveries = (ds: readonly Delivery[]) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: ds.length, maxLength: ds.length }),
      fc.infiniteStream(fc.nat()),
      fc.integer({ min: 1, max: 4 }),
    )
    .map(([copies, randoms, width]) => {
      const all = ds.flatMap((d, i) => Array.from({ length: copies[i]! }, () => d));
      const it = randoms[Symbol.iterator]();
      for (let i = all.length - 1; i > 0; i--) {
        const j = it.next().value! % (i + 1);
        [all[i], all[j]] = [all[j]!, all[i]!];
      }
      return { ds, all, width };
    });

const period = resolvePeriod({ from: '2025-01', to: '2026-12' }, 0);

describe('indicator aggregates on DynamoDB: random histories with redeliveries', () => {
  it(
    'equal a full recomputation in every scope; one copy ' + 'of each delivery adds; a firm counts once nationally',
    async () => {
      await fc.assert(
        fc.asyncProperty(historyArb(14).chain(withRedeliveries), async ({ ds, all, width }) => {
          const table = await freshTable();
          const db = createDb({ tableName: table.tableName, endpoint: dynamoEndpoint() });
          const store = indicatorStore(db);
          const added = new Map<string, number>();
          for (let i = 0; i < all.length; i += width) {
            const outcomes = await Promise.all(
              all.slice(i, i + width).map(async (d) => [d.key, await store.apply(d)] as const),
            );
            for (const [k, ok] of outcomes) if (ok) added.set(k, (added.get(k) ?? 0) + 1);
          }
          expect(added.size).toBe(ds.length);
          expect([...added.values()].every((n) => n === 1)).toBe(true);

          const scopes = new Set([
            scopeKeys.national,
            ...ds.flatMap((d) => [scopeKeys.cluster(d.clusterId), scopeKeys.state(d.state)]),
          ]);
          const months = new Map<string, Map<string, MonthAggregate>>();
          const first = new Map<string, FirstDeliveries>();
          for (const scope of scopes) {
            const read = await store.read(scope, period.fromMonth, period.toMonth);
            months.set(scope, new Map(read.months.map((m) => [m.month, m])));
            first.set(scope, read.first);
          }
          const markers = new Set<string>();
          for (const d of ds) if (await store.isApplied(d.clusterId, d.requestId, d.index)) markers.add(d.key);
          expect(auditIndicators({ deliveries: ds, months, first, markers })).toEqual([]);

          const national = indicatorsOf({
            scope: { kind: 'national' },
            period,
            months: [...months.get(scopeKeys.national)!.values()],
            first: first.get(scopeKeys.national)!,
            kinds: FUNDERS,
            currency: 'INR',
          });
          expect(national.scale).toBe(new Set(ds.flatMap((d) => d.firms)).size);
          expect(national.delivered.amount).toBe(ds.reduce((a, d) => a + d.delivered, 0));
        }),
        { numRuns: Number(process.env.INDICATOR_RUNS ?? 20), endOnFailure: true },
      );
    },
    300_000,
  );

  it('the audit sees a double count (it can fail)', async () => {
    const table = await freshTable();
    const store = indicatorStore(createDb({ tableName: table.tableName, endpoint: dynamoEndpoint() }));
    const [ds] = fc.sample(
      historyArb(6).filter((x) => x.some((d) => d.delivered > 0)),
      { seed: 11, numRuns: 1 },
    );
    for (const d of ds!) await store.apply(d);
    const d = ds!.find((x) => x.delivered > 0)!;
    // A second delivery with another key but the same content: the aggregates now hold it twice.
    await store.apply({ ...d, index: 99, key: `${d.requestId}#99` });
    const read = await store.read(scopeKeys.national, period.fromMonth, period.toMonth);
    const found = auditIndicators({
      deliveries: ds!,
      months: new Map([[scopeKeys.national, new Map(read.months.map((m) => [m.month, m]))]]),
      first: new Map(),
      markers: new Set(ds!.map((x) => x.key)),
    });
    expect(found.some((x) => x.kind === 'month' && x.key === 'd')).toBe(true);
  });
});
