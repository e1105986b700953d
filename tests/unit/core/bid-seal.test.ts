import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Role, type Actor } from '../../../packages/core/src/actor';
import { canReadBid, readableBids } from '../../../packages/core/src/bid';
import {
  CLUSTER,
  CO_SPONSOR,
  DEADLINE_MS,
  LEAD,
  OUTSIDER,
  PROVIDER_A,
  PROVIDER_B,
  aBid,
  aRequest,
  anActor,
  idOf,
} from './fixtures';

const request = aRequest(); // lead LEAD, co-sponsor CO_SPONSOR
const anyTime = fc.integer({ min: DEADLINE_MS - 10 ** 10, max: DEADLINE_MS + 10 ** 10 });
const actor: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constant(idOf('user', 1)),
  role: fc.constantFrom(...Role.options),
  organisationId: fc.constantFrom(LEAD, CO_SPONSOR, OUTSIDER, PROVIDER_A, PROVIDER_B, 'nac'),
  clusterIds: fc.constantFrom([CLUSTER], [], [idOf('cluster', 9)]),
});
const bid = fc
  .record({
    providerId: fc.constantFrom(PROVIDER_A, PROVIDER_B),
    status: fc.constantFrom('live' as const, 'withdrawn' as const),
  })
  .map((o) => aBid(o));

describe('sealed bids', () => {
  it('a provider never reads another provider’s bid, at any time', () => {
    fc.assert(
      fc.property(actor, bid, anyTime, (a, b, now) => {
        fc.pre(a.role === 'provider' && a.organisationId !== b.providerId);
        expect(canReadBid(a, b, request, now)).toBe(false);
      }),
    );
  });

  it('a provider always reads its own bid', () => {
    fc.assert(
      fc.property(bid, anyTime, (b, now) => {
        expect(canReadBid(anActor({ role: 'provider', organisationId: b.providerId }), b, request, now)).toBe(true);
      }),
    );
  });

  it('before the deadline nobody but the bidder reads a bid', () => {
    fc.assert(
      fc.property(actor, bid, fc.integer({ min: 1, max: 10 ** 10 }), (a, b, early) => {
        fc.pre(!(a.role === 'provider' && a.organisationId === b.providerId));
        expect(canReadBid(a, b, request, DEADLINE_MS - early)).toBe(false);
      }),
    );
  });

  it('after the deadline the sponsoring associations and the cluster’s admins read live bids; funders never', () => {
    const live = aBid();
    const after = DEADLINE_MS;
    expect(canReadBid(anActor({ organisationId: LEAD }), live, request, after)).toBe(true);
    expect(canReadBid(anActor({ organisationId: CO_SPONSOR }), live, request, after)).toBe(true);
    expect(canReadBid(anActor({ organisationId: OUTSIDER }), live, request, after)).toBe(false);
    expect(canReadBid(anActor({ organisationId: LEAD, clusterIds: [] }), live, request, after)).toBe(false);
    expect(canReadBid(anActor({ organisationId: LEAD }), aBid({ status: 'withdrawn' }), request, after)).toBe(false);
    expect(canReadBid(anActor({ role: 'cluster_admin', organisationId: 'lc' }), live, request, after)).toBe(true);
    expect(
      canReadBid(anActor({ role: 'national_admin', organisationId: 'nac', clusterIds: [] }), live, request, after),
    ).toBe(true);
    expect(
      canReadBid(
        anActor({ role: 'state_admin', organisationId: 'doi', clusterIds: [idOf('cluster', 9)] }),
        live,
        request,
        after,
      ),
    ).toBe(false);
    expect(canReadBid(anActor({ role: 'funder', organisationId: 'sidbi' }), live, request, after)).toBe(false);
  });

  it('filters a list down to what the actor may read', () => {
    const bids = [
      aBid({ id: idOf('bid', 1), providerId: PROVIDER_A }),
      aBid({ id: idOf('bid', 2), providerId: PROVIDER_B }),
    ];
    expect(
      readableBids(anActor({ role: 'provider', organisationId: PROVIDER_B }), bids, request, DEADLINE_MS - 1).map(
        (b) => b.providerId,
      ),
    ).toEqual([PROVIDER_B]);
    expect(readableBids(anActor(), bids, request, DEADLINE_MS - 1)).toEqual([]);
  });
});
