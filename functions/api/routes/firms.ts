import * as z from 'zod';
import {
  DomainError,
  Firm,
  NewFirm,
  createFirm,
  parseFirmCsv,
  withProfile,
  type Actor,
  type FirmCsvError,
} from '@bds/core';
import { withBodies } from '../openapi';
import { InputError, problem } from '../problem';
import { route, type RouteContext } from '../route';
import { ClusterParams, IdParam, Paging, pageOf } from './common';
import { ADMINS, isAdmin } from './guards';

const AssociationParams = ClusterParams.extend({ associationId: IdParam });
const FirmProfile = Firm.extend({ sizeClass: z.enum(['micro', 'small', 'medium']), underServed: z.boolean() });
const ImportBody = z.object({ csv: z.string().min(1).max(1_000_000) });
const Imported = z.object({ imported: z.number().int(), items: z.array(FirmProfile) });

// Firms are keyed under their association; only its own rep writes the register.
function assertOwnRegister(actor: Actor, associationId: string): void {
  if (actor.organisationId !== associationId)
    throw new DomainError(
      'FIRM.NOT_OWN_REGISTER',
      'forbidden',
      "Only the association's own representative keeps its register.",
    );
}

export const registerFirm = route({
  method: 'post',
  path: '/api/clusters/:clusterId/associations/:associationId/firms',
  operationId: 'registerFirm',
  summary: "Add a member firm to the association's register",
  tags: ['firms'],
  access: ['association_rep'],
  params: AssociationParams,
  body: NewFirm,
  responses: { 201: { description: 'The firm, with its size class and under-served flag', schema: FirmProfile } },
  handler: async ({ params, body, actor, deps }) => {
    assertOwnRegister(actor, params.associationId);
    const firm = await deps.stores.firms.create(createFirm(body, { ...params, ids: deps.ids, clock: deps.clock }));
    return {
      status: 201,
      body: withProfile(firm),
      headers: { location: `/api/clusters/${params.clusterId}/associations/${params.associationId}/firms/${firm.id}` },
    };
  },
});

export const listFirms = route({
  method: 'get',
  path: '/api/clusters/:clusterId/associations/:associationId/firms',
  operationId: 'listFirms',
  summary: "An association's member firms, in registration order",
  tags: ['firms'],
  access: ['association_rep', ...ADMINS],
  params: AssociationParams,
  query: Paging,
  responses: { 200: { description: 'A page of firms', schema: pageOf(FirmProfile) } },
  handler: async ({ params, query, actor, deps }) => {
    if (!isAdmin(actor)) assertOwnRegister(actor, params.associationId);
    const page = await deps.stores.firms.listByAssociation(params.clusterId, params.associationId, query);
    return { status: 200, body: { items: page.items.map((f) => withProfile(f)), nextCursor: page.nextCursor } };
  },
});

/** The CSV from a text/csv body or a JSON `{ csv }` (app.ts reads only JSON, so this route reads its own body). */
async function csvText(hono: RouteContext<unknown, unknown, unknown>['hono']): Promise<string> {
  const type = (hono.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('text/csv')) return hono.req.text();
  if (!type.includes('application/json'))
    throw new InputError('header', [
      { field: 'content-type', message: 'Send the register as text/csv, or as application/json { "csv": "…" }' },
    ]);
  let json: unknown;
  try {
    json = await hono.req.json();
  } catch {
    throw new InputError('body', [{ field: '(root)', message: 'The body is not valid JSON' }]);
  }
  // As app.ts does for every JSON body: an unknown field is refused, not dropped.
  const unknown =
    json && typeof json === 'object' && !Array.isArray(json)
      ? Object.keys(json).filter((k) => !(k in ImportBody.shape))
      : [];
  if (unknown.length > 0)
    throw new InputError(
      'body',
      unknown.map((field) => ({ field, message: 'Unknown field: it cannot be set here' })),
    );
  const parsed = ImportBody.safeParse(json);
  if (!parsed.success)
    throw new InputError(
      'body',
      parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(root)', message: i.message })),
    );
  return parsed.data.csv;
}

/** An example register for the OpenAPI document; the header is line 1. */
const CSV_EXAMPLE =
  'name,employees,mechanised,women_led,sector_detail\n"Gupta, Sons",12,yes,no,Socks\nRani Knits,4,no,yes,\n';

// Every bad row is reported, each on its line (and column, when one is at fault): `line.4.employees`.
const rowIssue = (e: FirmCsvError) => ({ field: `line.${e.line}${e.field ? `.${e.field}` : ''}`, message: e.reason });

/**
 * A well-formed request whose register breaks the rules: 422, every row and column in `errors`.
 * DomainError carries one field, so the route answers this problem itself rather than throwing.
 */
const badRows = (errors: FirmCsvError[], instance: string) => ({
  status: 422,
  body: JSON.stringify(
    problem(422, {
      code: 'FIRM.CSV_INVALID',
      detail: `The register has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported.`,
      errors: errors.map(rowIssue),
      instance,
    }),
  ),
  headers: { 'content-type': 'application/problem+json' },
});

export const importFirms = withBodies(
  route({
    method: 'post',
    path: '/api/clusters/:clusterId/associations/:associationId/firms/import',
    operationId: 'importFirms',
    summary:
      'Import a register from CSV (text/csv, or JSON { csv }): all rows ' +
      'or none; a bad register is a 422 naming every bad row and column',
    tags: ['firms'],
    access: ['association_rep'],
    params: AssociationParams,
    responses: { 201: { description: 'The imported firms', schema: Imported } },
    handler: async ({ params, actor, deps, hono }) => {
      assertOwnRegister(actor, params.associationId);
      const result = parseFirmCsv(await csvText(hono), { ...params, ids: deps.ids, clock: deps.clock });
      if (!result.ok) return badRows(result.errors, hono.req.path);
      await deps.stores.firms.createMany(result.firms);
      return { status: 201, body: { imported: result.firms.length, items: result.firms.map((f) => withProfile(f)) } };
    },
  }),
  {
    // The route reads its own body (app.ts parses only JSON), so the document is told what it takes.
    'text/csv': {
      schema: z
        .string()
        .min(1)
        .max(1_000_000)
        .meta({
          description:
            'A header row, then one firm a row: name, employees, mechanised and women_led (yes/no, ' +
            '1/0 or true/false), and optionally sector_detail; other columns are ignored.',
        }),
      example: CSV_EXAMPLE,
    },
    'application/json': { schema: ImportBody, example: { csv: CSV_EXAMPLE } },
  },
);
