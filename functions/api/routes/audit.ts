import * as z from 'zod';
import { AuditEntry, idPattern, istDay } from '@bds/core';
import { auditCsv, idsInEntry } from '@bds/core/audit-text';
import { route } from '../route';
import { ClusterParams, Paging, pageOf } from './common';

const READERS = ['national_admin', 'state_admin', 'cluster_admin'] as const;
const Day = z
  .string()
  .refine((d) => istDay(d) !== undefined, 'A calendar date as YYYY-MM-DD, such as 2026-12-07')
  .describe('A day in India (IST), YYYY-MM-DD');

/** Who, what and when: the filters a person sets on the trail (kept in the page's address). */
const Filters = z.object({
  actor: z.string().regex(idPattern('user'), 'A user id from the trail').optional().describe('Only this user'),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)+$/, 'An action from the trail, such as request.awarded')
    .optional()
    .describe('Only this action'),
  from: Day.optional(),
  to: Day.optional(),
});
const byDates = <T extends { from?: string | undefined; to?: string | undefined }>(f: T) =>
  !f.from || !f.to || f.from <= f.to;
const DATES = { message: 'The end date is before the start date', path: ['to'] };

/** The store's query: IST days become the instants they start and end at. */
function storeQuery(f: z.infer<typeof Filters>) {
  return {
    ...(f.actor ? { actorId: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from ? { from: istDay(f.from)?.start } : {}),
    ...(f.to ? { to: istDay(f.to)?.end } : {}),
  };
}

export const listAudit = route({
  method: 'get',
  path: '/api/clusters/:clusterId/audit',
  operationId: 'listAudit',
  summary:
    "The cluster's audit trail of privileged actions, newest first, filtered by actor, action and IST dates, " +
    'with the names of everyone and everything the page mentions',
  tags: ['onboarding'],
  access: READERS,
  params: ClusterParams,
  query: Paging.extend(Filters.shape).refine(byDates, DATES),
  responses: {
    200: {
      description: 'A page of audit entries and names by id',
      schema: pageOf(AuditEntry).extend({ names: z.record(z.string(), z.string()) }),
    },
  },
  handler: async ({ params, query, deps }) => {
    const page = await deps.stores.audit.list(params.clusterId, {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...storeQuery(query),
    });
    const names = await deps.stores.names.resolve(params.clusterId, page.items.flatMap(idsInEntry));
    return { status: 200, body: { ...page, names } };
  },
});

/** A spreadsheet stays readable, and one request stays bounded. */
const CSV_MAX_ROWS = 5_000;

export const exportAuditCsv = route({
  method: 'get',
  path: '/api/clusters/:clusterId/audit/csv',
  operationId: 'exportAuditCsv',
  summary:
    'The audit trail as CSV in words (IST times, names, before → after), with the same filters; ' +
    `at most ${CSV_MAX_ROWS} rows`,
  tags: ['onboarding'],
  access: READERS,
  params: ClusterParams,
  query: Filters.refine(byDates, DATES),
  responses: { 200: { description: 'text/csv: When (IST), Who, Role, Action, On, Reason, What changed' } },
  handler: async ({ params, query, deps, hono }) => {
    const entries: AuditEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.stores.audit.list(params.clusterId, {
        limit: 100,
        ...(cursor ? { cursor } : {}),
        ...storeQuery(query),
      });
      entries.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && entries.length < CSV_MAX_ROWS);
    const rows = entries.slice(0, CSV_MAX_ROWS);
    const names = await deps.stores.names.resolve(params.clusterId, rows.flatMap(idsInEntry));
    hono.header('content-disposition', `attachment; filename="audit-${params.clusterId}.csv"`);
    return { status: 200, body: auditCsv(rows, names), headers: { 'content-type': 'text/csv; charset=utf-8' } };
  },
});
