import * as z from 'zod';
import { Funder, FunderKind, auditEntry, notFound } from '@bds/core';
import { route } from '../route';
import { IdParam } from './common';
import { Reason } from './guards';

/** Funders are national: their audit entries go to the national trail (`CLUSTER#national#AUDIT`). */
export const NATIONAL_TRAIL = 'national';

export const getFunder = route({
  method: 'get',
  path: '/api/funders/:funderId',
  operationId: 'getFunder',
  summary: 'A funder with its kind (public: the indicators name funders by kind)',
  tags: ['funders'],
  access: 'public',
  params: z.object({ funderId: IdParam }),
  responses: { 200: { description: 'The funder', schema: Funder } },
  handler: async ({ params, deps }) => {
    const funder = await deps.stores.funders.get(params.funderId);
    if (!funder) throw notFound('FUNDER.NOT_FOUND', 'No such funder.');
    return { status: 200, body: funder };
  },
});

export const setFunderKind = route({
  method: 'put',
  path: '/api/funders/:funderId/kind',
  operationId: 'setFunderKind',
  summary:
    "A national admin corrects a funder's kind (programme or a support institution), " +
    'audited; the indicators read kinds at read time, so history follows',
  tags: ['funders'],
  access: ['national_admin'],
  params: z.object({ funderId: IdParam }),
  body: z.object({ kind: FunderKind, reason: Reason }),
  responses: { 200: { description: 'The funder, corrected', schema: Funder } },
  handler: async ({ params, body, actor, deps }) => {
    const funder = await deps.stores.funders.get(params.funderId);
    if (!funder) throw notFound('FUNDER.NOT_FOUND', 'No such funder.');
    if (funder.kind === body.kind) return { status: 200, body: funder };
    const entry = auditEntry(
      actor,
      'funder.kind',
      funder.id,
      { clusterId: NATIONAL_TRAIL, before: { kind: funder.kind }, after: { kind: body.kind }, reason: body.reason },
      deps,
    );
    await deps.stores.funders.setKind(funder.id, funder.kind, body.kind, entry);
    return { status: 200, body: { ...funder, kind: body.kind } };
  },
});
