import * as z from 'zod';
import {
  accountId,
  closeCommand,
  depositCommand,
  BankReference,
  DepositId,
  invalid,
  LedgerEntry,
  Money,
  notFound,
  programmeFundsView,
  ProgrammeInput,
  ProgrammeView,
  SubsidyProgramme,
  type Actor,
} from '@bds/core';
import type { StoredProgramme } from '../../adapters/dynamo/programmes';
import type { Deps } from '../deps';
import { route } from '../route';
import { IdParam, Paging, pageOf } from './common';

const ProgrammeParams = z.object({ programmeId: IdParam });
const READERS = ['funder', 'national_admin'] as const;

/**
 * The programme if the actor may see it: its funder or a national admin; anyone else gets the same 404 as a missing
 * one.
 */
async function visibleProgramme(deps: Deps, actor: Actor, programmeId: string): Promise<StoredProgramme> {
  const p = await deps.stores.programmes.get(programmeId);
  if (!p || (actor.role !== 'national_admin' && p.funderId !== actor.organisationId))
    throw notFound('PROGRAMME.NOT_FOUND', 'No such programme.');
  return p;
}

/** Programmes with their funds, the pool accounts read in one BatchGetItem. */
async function views(deps: Deps, programmes: StoredProgramme[]): Promise<ProgrammeView[]> {
  const pools = await deps.stores.ledger.accounts(
    programmes.map((p) => accountId({ kind: 'pool', programmeId: p.id })),
  );
  return programmes.map((p, i) => ({ ...p, funds: programmeFundsView(pools[i]!, p.returned, p.currency) }));
}
const view = async (deps: Deps, p: StoredProgramme): Promise<ProgrammeView> => (await views(deps, [p]))[0]!;

export const createProgramme = route({
  method: 'post',
  path: '/api/programmes',
  operationId: 'createProgramme',
  summary: 'Open a subsidy programme (funder): its policy; money arrives by deposits',
  tags: ['programmes'],
  access: ['funder'],
  body: ProgrammeInput,
  responses: { 201: { description: 'The programme, open, with no funds yet', schema: ProgrammeView } },
  handler: async ({ body, actor, deps }) => {
    // A state scope is free text: a state's first cluster may be onboarded after its programme opens.
    if (body.scope.kind === 'cluster' && !(await deps.stores.clusters.get(body.scope.clusterId))) {
      throw invalid('PROGRAMME.UNKNOWN_CLUSTER', 'No cluster has this id', 'scope.clusterId');
    }
    const programme = SubsidyProgramme.parse({
      ...body,
      id: deps.ids.next('programme'),
      funderId: actor.organisationId,
      status: 'open',
    });
    await deps.stores.programmes.create(programme);
    return { status: 201, body: await view(deps, { ...programme, closings: 0, returned: 0 }) };
  },
});

export const listProgrammes = route({
  method: 'get',
  path: '/api/programmes',
  operationId: 'listProgrammes',
  summary: "A funder's own programmes; every programme for a national admin (newest first)",
  tags: ['programmes'],
  access: READERS,
  query: Paging,
  responses: { 200: { description: 'A page of programmes with their funds', schema: pageOf(ProgrammeView) } },
  handler: async ({ query, actor, deps }) => {
    const page =
      actor.role === 'national_admin'
        ? await deps.stores.programmes.listAll(query)
        : await deps.stores.programmes.listByFunder(actor.organisationId, query);
    return { status: 200, body: { items: await views(deps, page.items), nextCursor: page.nextCursor } };
  },
});

export const getProgramme = route({
  method: 'get',
  path: '/api/programmes/:programmeId',
  operationId: 'getProgramme',
  summary: 'One programme with its funds',
  tags: ['programmes'],
  access: READERS,
  params: ProgrammeParams,
  responses: { 200: { description: 'The programme', schema: ProgrammeView } },
  handler: async ({ params, actor, deps }) => ({
    status: 200,
    body: await view(deps, await visibleProgramme(deps, actor, params.programmeId)),
  }),
});

export const depositToProgramme = route({
  method: 'post',
  path: '/api/programmes/:programmeId/deposits',
  operationId: 'depositToProgramme',
  summary:
    'Deposit into the programme pool with the bank’s transaction reference (shown on the statement); ' +
    'retrying with the same depositId and amount replays (the portal uses the reference as the id, ' +
    'so the same bank transfer entered twice is recorded once)',
  tags: ['programmes'],
  access: ['funder'],
  params: ProgrammeParams,
  body: z.object({ depositId: DepositId, amount: Money.Money, bankReference: BankReference.optional() }),
  responses: { 201: { description: 'The programme with its funds', schema: ProgrammeView } },
  handler: async ({ params, body, actor, deps }) => {
    const programme = await visibleProgramme(deps, actor, params.programmeId);
    await deps.stores.ledger.execute(depositCommand(programme, body.depositId, body.amount, body.bankReference));
    return { status: 201, body: await view(deps, programme) };
  },
});

export const closeProgrammeRoute = route({
  method: 'post',
  path: '/api/programmes/:programmeId/close',
  operationId: 'closeProgramme',
  summary: 'Close the programme and return the unspent pool to the funder (again later: sweep what voids returned)',
  tags: ['programmes'],
  access: ['funder'],
  params: ProgrammeParams,
  body: z.object({ confirm: z.literal(true) }),
  responses: { 200: { description: 'The programme, closed', schema: ProgrammeView } },
  handler: async ({ params, actor, deps }) => {
    const programme = await visibleProgramme(deps, actor, params.programmeId);
    const pool = await deps.stores.ledger.account(accountId({ kind: 'pool', programmeId: programme.id }));
    const at = new Date(deps.clock.now()).toISOString();
    if (pool.currency === undefined) {
      // No money ever moved: there is no pool to close, only the policy.
      await deps.stores.programmes.setStatus(programme.id, 'closed', at);
    } else if (programme.status === 'open' || pool.available > 0) {
      // Ledger first, then the record: a crash in between leaves the same n, so a retry replays the
      // close (derived id) and records it. Concurrent closes compute the same n: one records.
      const n = programme.closings + 1;
      const { transfer } = await deps.stores.ledger.execute(closeCommand(programme, n));
      await deps.stores.programmes.recordClosing(programme.id, n, transfer.amount, at);
    }
    return { status: 200, body: await view(deps, (await deps.stores.programmes.get(programme.id))!) };
  },
});

export const programmeStatement = route({
  method: 'get',
  path: '/api/programmes/:programmeId/statement',
  operationId: 'programmeStatement',
  summary: "The pool's ledger entries, newest first",
  tags: ['programmes'],
  access: READERS,
  params: ProgrammeParams,
  query: Paging,
  responses: { 200: { description: 'A page of statement lines', schema: pageOf(LedgerEntry) } },
  handler: async ({ params, query, actor, deps }) => {
    const programme = await visibleProgramme(deps, actor, params.programmeId);
    const page = await deps.stores.ledger.statement(accountId({ kind: 'pool', programmeId: programme.id }), {
      ...query,
      newestFirst: true,
    });
    return { status: 200, body: page };
  },
});

const ProgrammeAward = z.object({
  clusterId: z.string(),
  requestId: z.string(),
  title: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  held: Money.Money,
  released: Money.Money,
  returned: Money.Money,
});

export const programmeAwards = route({
  method: 'get',
  path: '/api/programmes/:programmeId/awards',
  operationId: 'programmeAwards',
  summary: 'Where the money went: one row per award the programme co-finances, oldest first',
  tags: ['programmes'],
  access: READERS,
  params: ProgrammeParams,
  query: Paging,
  responses: {
    200: { description: 'A page of awards (a page may be short; follow nextCursor)', schema: pageOf(ProgrammeAward) },
  },
  handler: async ({ params, query, actor, deps }) => {
    const programme = await visibleProgramme(deps, actor, params.programmeId);
    return { status: 200, body: await deps.stores.programmes.awards(programme, query) };
  },
});
