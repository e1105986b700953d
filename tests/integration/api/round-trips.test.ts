import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure, meterDb, type DbUsage } from '../../../functions/adapters/dynamo/metrics';
import { runScenario } from '../../bench/api/scenario';
import { testClock, type TestApp } from '../support/test-app';
import { marketApp, tokenOf } from './support';

// Reading the request and its bids together is two calls sent at once: one round trip of latency.
const TWO_READS_IN_ONE_ROUND_TRIP = new Set(['closeRequest (evaluate)', 'listBids (association, after deadline)']);
// The close and the ranking also read the cluster's rating summaries (one Query) beside the first read:
// the quality score weighs them, and the comparison shows them beside each bid.
const ONE_MORE_READ_IN_THE_FIRST_ROUND_TRIP = new Set(['closeRequest (evaluate)', 'getEvaluation']);
// The ranking names its providers; their names are read once it is known which (one BatchGetItem).
// Tenancy (issue 14): the co-sponsor's request is read, then the associations it names are
// checked to belong to the cluster (one BatchGetItem) before the write.
// The per-cluster limiter reads the cluster's policy when its 30 s cache has expired, and this
// test's clock jumps past deadlines: the first call after a jump pays that read.
// The award reads its association's repeat counter (one GetItem, keyed by the request it has just read) and
// advances it in the award's transaction: a constant read instead of the worker's Query over the cluster's history.
const TWO_READ_ROUND_TRIPS = new Set([
  'getEvaluation',
  'joinRequest (co-sponsor)',
  'listRequests (open, by category)',
  'awardRequest',
]);

describe('DynamoDB round trips per API operation', () => {
  const clock = testClock();
  let t: TestApp;
  const usage = new Map<string, DbUsage>();

  beforeAll(async () => {
    t = await marketApp({ clock });
    meterDb(t.stores.db);
    await runScenario(
      {
        call: async (method, path, init) => {
          const res = await t.call(method, path, init);
          return { status: res.status, body: res.body };
        },
        token: (actor) => tokenOf(t, actor),
        now: () => clock.now(),
        passDeadline: async (deadline) => clock.set(deadline + 1),
        measure: async (operation, run) => {
          const { result, usage: used } = await measure(run);
          usage.set(operation, used);
          return result;
        },
      },
      { deadlineInMs: 3_600_000 },
    );
  });
  afterAll(() => t.stop());

  it('measured every operation of the scenario', () => {
    expect(usage.size).toBe(23);
  });

  it('uses at most one read and one write round trip per operation', () => {
    for (const [operation, u] of usage) {
      expect(u.readRoundTrips, `${operation}: ${u.commands.join(', ')}`).toBeLessThanOrEqual(
        TWO_READ_ROUND_TRIPS.has(operation) ? 2 : 1,
      );
      expect(u.writeRoundTrips, `${operation}: ${u.commands.join(', ')}`).toBeLessThanOrEqual(1);
      const base = TWO_READS_IN_ONE_ROUND_TRIP.has(operation) || TWO_READ_ROUND_TRIPS.has(operation) ? 2 : 1;
      expect(u.readCalls, `${operation}: ${u.commands.join(', ')}`).toBeLessThanOrEqual(
        base + (ONE_MORE_READ_IN_THE_FIRST_ROUND_TRIP.has(operation) ? 1 : 0),
      );
      expect(u.writeCalls, `${operation}: ${u.commands.join(', ')}`).toBeLessThanOrEqual(1);
    }
  });

  it('reads nothing before a write whose guards the data can check', () => {
    for (const operation of ['registerFirm', 'importFirms (20 rows)']) {
      expect(usage.get(operation)).toMatchObject({ readCalls: 0, writeCalls: 1 });
    }
  });

  it('reads only the cluster policy before posting a request (its category must be one the policy allows)', () => {
    expect(usage.get('postRequest')).toMatchObject({ readCalls: 1, writeCalls: 1 });
  });

  it('writes nothing on a read', () => {
    for (const operation of [
      'listFirms',
      'listPledges',
      'getRequest',
      'listRequests',
      'getMyBid',
      'listOwnBids (GSI)',
      'getEvaluation',
    ]) {
      expect(usage.get(operation)?.writeCalls, operation).toBe(0);
    }
  });
});
