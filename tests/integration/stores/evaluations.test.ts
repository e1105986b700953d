import { beforeAll, describe, expect, it } from 'vitest';
import { closeAndEvaluate, pledge } from '@bds/core';
import { toStoredEvaluation } from '../../../functions/adapters/dynamo/evaluations';
import { measure } from '../../../functions/adapters/dynamo/metrics';
import type { Stores } from '../../../functions/adapters/dynamo/stores';
import {
  CLUSTER,
  DEADLINE,
  PROVIDER_A,
  PROVIDER_B,
  T0,
  aBid,
  aFirm,
  after,
  before,
  codeOf,
  freshStores,
  openRequest,
} from './fixtures';

describe('evaluation store', () => {
  let stores: Stores;
  beforeAll(async () => ({ stores } = await freshStores()));

  /** An open request with two pledges and two bids (B cheaper), past its deadline. */
  async function readyToClose() {
    const request = await openRequest(stores);
    for (const name of ['Gill Garments', 'Arora Fashions']) {
      const firm = aFirm(undefined, name);
      await stores.firms.create(firm);
      await stores.pledges.add({ ...pledge(request, firm, [], before), firmName: firm.name }, T0);
    }
    await stores.bids.submit(aBid(request, PROVIDER_A, 500_000), T0);
    await stores.bids.submit(aBid(request, PROVIDER_B, 300_000), T0);
    return request;
  }

  it(
    'reads the request, its bids and the cluster’s ratings together, and stores ' +
      'the closed request with its ranking in one transaction',
    async () => {
      const request = await readyToClose();
      const read = await measure(() => stores.evaluations.closeContext(CLUSTER, request.id));
      const { request: current, bids } = read.result;
      // The request, its bids and the cluster's rating summaries (for the quality score): three reads, one round trip.
      expect(read.usage).toMatchObject({ readCalls: 3, readRoundTrips: 1, writeCalls: 0 });
      expect(bids).toHaveLength(2);
      const { next, result } = closeAndEvaluate(current!, bids, current!.pledgedFirms, after);
      const evaluation = toStoredEvaluation(result, {
        clusterId: CLUSTER,
        evaluatedAt: new Date(DEADLINE + 1).toISOString(),
        evaluatedBy: 'usr_x',
      });
      const write = await measure(() =>
        stores.evaluations.close(next, current!.version, current!.pledgedFirms, evaluation),
      );
      expect(write.usage).toMatchObject({ writeCalls: 1, readCalls: 0 });
      const stored = await stores.evaluations.withRequest(CLUSTER, request.id);
      expect(stored.request?.status).toBe('evaluating');
      expect(stored.evaluation).toEqual(evaluation);
      expect(stored.evaluation?.recommended?.providerId).toBe(PROVIDER_B);
      // Closing twice writes nothing the second time.
      expect(await codeOf(stores.evaluations.close(next, current!.version, current!.pledgedFirms, evaluation))).toBe(
        'REQUEST.VERSION_CONFLICT',
      );
    },
  );

  it('refuses to store a ranking made from a stale pledge count', async () => {
    const request = await readyToClose();
    const { request: current, bids } = await stores.evaluations.closeContext(CLUSTER, request.id);
    const { next, result } = closeAndEvaluate(current!, bids, current!.pledgedFirms, after);
    const evaluation = toStoredEvaluation(result, {
      clusterId: CLUSTER,
      evaluatedAt: new Date(DEADLINE + 1).toISOString(),
      evaluatedBy: 'usr_x',
    });
    expect(await codeOf(stores.evaluations.close(next, current!.version, current!.pledgedFirms - 1, evaluation))).toBe(
      'REQUEST.VERSION_CONFLICT',
    );
    expect((await stores.evaluations.withRequest(CLUSTER, request.id)).evaluation).toBeUndefined();
  });

  it('stores an unsuccessful outcome with its reason', async () => {
    const request = await openRequest(stores, { minFirms: 5 });
    const { request: current, bids } = await stores.evaluations.closeContext(CLUSTER, request.id);
    const { next, result } = closeAndEvaluate(current!, bids, current!.pledgedFirms, after);
    await stores.evaluations.close(
      next,
      current!.version,
      current!.pledgedFirms,
      toStoredEvaluation(result, {
        clusterId: CLUSTER,
        evaluatedAt: new Date(DEADLINE + 1).toISOString(),
        evaluatedBy: 'usr_x',
      }),
    );
    const stored = await stores.evaluations.withRequest(CLUSTER, request.id);
    expect(stored.request).toMatchObject({
      status: 'unsuccessful',
      unsuccessfulReason: expect.stringContaining('0 firms pledged'),
    });
    expect(stored.evaluation).toMatchObject({ outcome: 'unsuccessful', code: 'too_few_pledges', ranking: [] });
  });
});
