import * as z from 'zod';
import {
  DomainError,
  Indicators,
  IndicatorsTable,
  MonthlyIndicators,
  PeriodQuery,
  indicatorsCsv,
  indicatorsOf,
  monthlyOf,
  monthsBetween,
  resolvePeriod,
  scopeKeys,
  stateKey,
  type Cluster,
  type Currency,
  type FunderKind,
  type IndicatorScope,
  type MonthAggregate,
  type Period,
} from '@bds/core';
import type { Deps } from '../deps';
import { route } from '../route';
import { IdParam } from './common';

const tags = ['indicators'];

/** Public figures change seconds after a decision: a short shared cache absorbs a crowd without hiding that. */
const CACHE = { 'cache-control': 'public, max-age=10, stale-while-revalidate=50' };

const ScopeQuery = z.object({
  clusterId: IdParam.optional().describe('One cluster (404 when unknown)'),
  state: z.string().trim().min(2).max(60).optional().describe('The clusters of one state (404 when none is there)'),
});

const IndicatorsQuery = z
  .object({
    ...ScopeQuery.shape,
    ...PeriodQuery.shape,
    format: z.enum(['json', 'csv']).optional().describe('csv: the same figures as text/csv'),
  })
  .superRefine((q, ctx) => {
    if (q.clusterId && q.state)
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'Give clusterId or state, not both' });
    const period = PeriodQuery.safeParse({ from: q.from, to: q.to });
    if (!period.success)
      for (const issue of period.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

const TableQuery = z
  .object({
    clusterIds: z
      .string()
      .max(1_000)
      .optional()
      .describe('Comma-separated cluster ids (at most 20); default: every cluster of `state`, or of the country'),
    state: ScopeQuery.shape.state,
    ...PeriodQuery.shape,
  })
  .superRefine((q, ctx) => {
    const ids = q.clusterIds?.split(',') ?? [];
    if (ids.length > 20) ctx.addIssue({ code: 'custom', path: ['clusterIds'], message: 'At most 20 clusters' });
    if (ids.some((id) => !IdParam.safeParse(id).success))
      ctx.addIssue({ code: 'custom', path: ['clusterIds'], message: 'Not a list of cluster ids' });
    const period = PeriodQuery.safeParse({ from: q.from, to: q.to });
    if (!period.success)
      for (const issue of period.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

/** Every cluster (hundreds at most: a few pages of the national registry). */
async function allClusters(deps: Deps): Promise<Cluster[]> {
  const out: Cluster[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.stores.clusters.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

interface Resolved {
  scope: IndicatorScope;
  key: string;
  currency: Currency;
}

/** The scope a query names; an unknown cluster or a state without clusters is a 404. */
async function resolveScope(
  deps: Deps,
  q: { clusterId?: string | undefined; state?: string | undefined },
): Promise<Resolved> {
  if (q.clusterId) {
    const cluster = await deps.stores.clusters.get(q.clusterId);
    if (!cluster) throw new DomainError('CLUSTER.NOT_FOUND', 'not_found', 'No such cluster.', 'clusterId');
    return {
      scope: { kind: 'cluster', clusterId: cluster.id },
      key: scopeKeys.cluster(cluster.id),
      currency: cluster.currency,
    };
  }
  if (q.state) {
    const cluster = (await allClusters(deps)).find((c) => stateKey(c.state) === stateKey(q.state!));
    if (!cluster) throw new DomainError('STATE.NOT_FOUND', 'not_found', 'No cluster is in that state.', 'state');
    return {
      scope: { kind: 'state', state: cluster.state },
      key: scopeKeys.state(cluster.state),
      currency: cluster.currency,
    };
  }
  return { scope: { kind: 'national' }, key: scopeKeys.national, currency: 'INR' };
}

/** The funders named by some months (their `F#` sums), with their kinds: one BatchGetItem. */
async function kindsFor(deps: Deps, months: readonly MonthAggregate[]): Promise<Record<string, FunderKind>> {
  const ids = new Set<string>();
  for (const m of months) for (const k of Object.keys(m)) if (k.startsWith('F#')) ids.add(k.slice(2));
  return deps.stores.indicators.funderKinds([...ids]);
}

async function inputsFor(deps: Deps, r: Resolved, period: Period) {
  const { months, first } = await deps.stores.indicators.read(r.key, period.fromMonth, period.toMonth);
  return { scope: r.scope, period, months, first, kinds: await kindsFor(deps, months), currency: r.currency };
}

export const getIndicators = route({
  method: 'get',
  path: '/api/indicators',
  operationId: 'getIndicators',
  summary:
    "The paper's Table 1 for a cluster, a state or the country " +
    'over whole months (public, cacheable); ?format=csv for CSV',
  tags,
  access: 'public',
  query: IndicatorsQuery,
  responses: { 200: { description: 'The indicators (or text/csv with ?format=csv)', schema: Indicators } },
  handler: async ({ query, deps }) => {
    const period = resolvePeriod(query, deps.clock.now());
    const indicators = indicatorsOf(await inputsFor(deps, await resolveScope(deps, query), period));
    if (query.format === 'csv') {
      return {
        status: 200,
        body: indicatorsCsv(indicators),
        headers: { ...CACHE, 'content-type': 'text/csv; charset=utf-8' },
      };
    }
    return { status: 200, body: indicators, headers: CACHE };
  },
});

export const getMonthlyIndicators = route({
  method: 'get',
  path: '/api/indicators/monthly',
  operationId: 'getMonthlyIndicators',
  summary:
    'Month by month: delivered value, private and public parts, cost ' +
    'recovery, average subsidy share, firms served (public, cacheable)',
  tags,
  access: 'public',
  query: IndicatorsQuery,
  responses: { 200: { description: 'One point per month of the period', schema: MonthlyIndicators } },
  handler: async ({ query, deps }) => {
    const period = resolvePeriod(query, deps.clock.now());
    const inputs = await inputsFor(deps, await resolveScope(deps, query), period);
    return { status: 200, body: monthlyOf(inputs, monthsBetween(period.fromMonth, period.toMonth)), headers: CACHE };
  },
});

export const getIndicatorsTable = route({
  method: 'get',
  path: '/api/indicators/table',
  operationId: 'getIndicatorsTable',
  summary:
    "Table 1's layout: one column of indicators per cluster (the " +
    'clusters named, or those of a state, or all); public, cacheable',
  tags,
  access: 'public',
  query: TableQuery,
  responses: { 200: { description: 'One column per cluster, by name', schema: IndicatorsTable } },
  handler: async ({ query, deps }) => {
    const period = resolvePeriod(query, deps.clock.now());
    let clusters: Cluster[];
    if (query.clusterIds) {
      const ids = [...new Set(query.clusterIds.split(','))];
      const found = await Promise.all(ids.map((id) => deps.stores.clusters.get(id)));
      const missing = ids.find((_, i) => !found[i]);
      if (missing)
        throw new DomainError('CLUSTER.NOT_FOUND', 'not_found', `No such cluster: ${missing}.`, 'clusterIds');
      clusters = found as Cluster[];
    } else {
      clusters = await allClusters(deps);
      if (query.state) {
        clusters = clusters.filter((c) => stateKey(c.state) === stateKey(query.state!));
        if (clusters.length === 0)
          throw new DomainError('STATE.NOT_FOUND', 'not_found', 'No cluster is in that state.', 'state');
      }
    }
    const reads = await Promise.all(
      clusters.map((c) => deps.stores.indicators.read(scopeKeys.cluster(c.id), period.fromMonth, period.toMonth)),
    );
    const kinds = await kindsFor(
      deps,
      reads.flatMap((r) => r.months),
    );
    const columns = clusters
      .map((c, i) => ({
        clusterId: c.id,
        name: c.name,
        sector: c.sector,
        state: c.state,
        indicators: indicatorsOf({
          scope: { kind: 'cluster', clusterId: c.id },
          period,
          months: reads[i]!.months,
          first: reads[i]!.first,
          kinds,
          currency: c.currency,
        }),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { status: 200, body: { from: period.from, to: period.to, columns }, headers: CACHE };
  },
});
