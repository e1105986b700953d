import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  Association,
  Cluster,
  EscrowRecord,
  auditIndicators,
  milestoneDelivery,
  scopeKeys,
  type Delivery,
  type FirstDeliveries,
  type IndicatorDifference,
  type Month,
  type MonthAggregate,
  type ScopeKey,
} from '@bds/core';
import type { Db } from './db';
import { toAggregate } from './indicators';
import { withoutKeys } from './keys';
import { bidCount } from './evaluations';

/** What the audit found, and what it looked at. */
export interface IndicatorAudit {
  differences: IndicatorDifference[];
  deliveries: number;
  months: number;
  escrowRecords: number;
}

const SCOPE_OF_PK = (pk: string): ScopeKey | undefined => {
  if (pk.startsWith('CLUSTER#') && pk.endsWith('#INDICATORS'))
    return scopeKeys.cluster(pk.slice('CLUSTER#'.length, -'#INDICATORS'.length));
  if (pk.startsWith('INDICATORS#')) return pk.slice('INDICATORS#'.length);
  return undefined;
};

/**
 * Recomputes every indicator aggregate from the escrow (milestone) records, checks each counted
 * release against the ledger's hold, and compares with what the workers stored. The only Scan in
 * the system: an operator's command (`npm run audit:indicators`), never a request path.
 *
 * @example
 * const { differences } = await auditIndicatorStore(stores.db); // [] when consistent
 */
export async function auditIndicatorStore(db: Db): Promise<IndicatorAudit> {
  const records: EscrowRecord[] = [];
  const clusters = new Map<string, Cluster>();
  const associations = new Map<string, Association>();
  const bids = new Map<string, number>();
  const holds = new Map<string, { state?: string; postedAmount?: number }>();
  const months = new Map<ScopeKey, Map<Month, MonthAggregate>>();
  const first = new Map<ScopeKey, FirstDeliveries>();
  const markers = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({ TableName: db.table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      const entity = item.entity as string | undefined;
      const pk = String(item.PK);
      const sk = String(item.SK);
      if (entity === 'escrow') records.push(EscrowRecord.parse(withoutKeys(item)));
      else if (entity === 'cluster') clusters.set(String(item.id), Cluster.parse(withoutKeys(item)));
      else if (entity === 'association') associations.set(String(item.id), Association.parse(withoutKeys(item)));
      else if (entity === 'evaluation') bids.set(`${item.clusterId}#${item.requestId}`, bidCount(item as never));
      else if (entity === 'ledger-transfer' && item.kind === 'hold')
        holds.set(String(item.id), { state: item.state as string, postedAmount: item.postedAmount as number });
      else if (entity === 'indicator_applied') markers.add(sk.slice('INDAPPLIED#'.length));
      else if (entity === 'indicator_month' || entity === 'indicator_first') {
        const scope = SCOPE_OF_PK(pk);
        if (!scope) continue;
        if (entity === 'indicator_first') {
          first.set(
            scope,
            Object.fromEntries(
              Object.entries(item)
                .filter(([k]) => k.startsWith('C#'))
                .map(([k, v]) => [k.slice(2), String(v)]),
            ),
          );
        } else {
          const byMonth = months.get(scope) ?? new Map<Month, MonthAggregate>();
          const { month: _m, ...rest } = toAggregate(item);
          byMonth.set(sk.slice(2), { month: sk.slice(2), ...rest });
          months.set(scope, byMonth);
        }
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);

  const deliveries: Delivery[] = [];
  const ledger: IndicatorDifference[] = [];
  for (const record of records) {
    const cluster = clusters.get(record.clusterId);
    if (!cluster) continue;
    for (const m of record.milestones) {
      const d = milestoneDelivery(record, m.index, {
        state: cluster.state,
        associationName: associations.get(record.associationId)?.shortName ?? record.associationId,
        bids: bids.get(`${record.clusterId}#${record.requestId}`) ?? 0,
      });
      if (!d) continue;
      deliveries.push(d);
      // The public part the record counts must be what the ledger released, hold by hold.
      for (const h of m.holds) {
        const l = holds.get(h.id);
        const released = h.state === 'posted' ? h.released.amount : 0;
        const ledgerReleased = l?.state === 'posted' ? (l.postedAmount ?? 0) : 0;
        if (released !== ledgerReleased)
          ledger.push({ kind: 'ledger', key: h.id, stored: ledgerReleased, expected: released });
      }
    }
  }
  // Month items hold the attribute `month` and `cur`; the recomputation has both too.
  const differences = auditIndicators({ deliveries, months, first, markers, ledger });
  return {
    differences,
    deliveries: deliveries.length,
    months: [...months.values()].reduce((s, m) => s + m.size, 0),
    escrowRecords: records.length,
  };
}
