import { notFound } from '@bds/core';
import { MatchingRun } from '../../adapters/dynamo/matching-runs';
import { route } from '../route';
import { ClusterParams, IdParam } from './common';
import { ADMINS } from './guards';

export const getMatchingRun = route({
  method: 'get',
  path: '/api/clusters/:clusterId/matching-runs/:runId',
  operationId: 'getMatchingRun',
  summary:
    'A matching run: the requests it matched, the capacities, the awards and the optimality certificate with its check',
  tags: ['evaluation'],
  access: ADMINS,
  params: ClusterParams.extend({ runId: IdParam.regex(/^run_/, 'Not a matching run id') }),
  responses: { 200: { description: 'The run', schema: MatchingRun } },
  handler: async ({ params, deps }) => {
    const run = await deps.stores.matchingRuns.get(params.clusterId, params.runId);
    if (!run) throw notFound('MATCHING_RUN.NOT_FOUND', 'No such matching run.');
    return { status: 200, body: run };
  },
});
