import { describe, expect, it } from 'vitest';
import {
  buildInstance,
  checkCertificate,
  matchByIds,
  validateMatchingInstance,
  type MatchingInstance,
} from '../../../packages/core/src/matching';
import { expectDomainError } from '../core/fixtures';
import { compact } from './fixtures';

describe('matchByIds', () => {
  it('awards by id, gives the runner-up when the favourite is full, and says why others lost', () => {
    // Prepare: prv_a has one slot that both req_1 and req_2 want; req_2 can fall back on prv_b.
    const requests = [
      { id: 'req_1', bids: [{ providerId: 'prv_a', score: 9_000 }] },
      {
        id: 'req_2',
        bids: [
          { providerId: 'prv_a', score: 8_000 },
          { providerId: 'prv_b', score: 7_500 },
        ],
      },
      { id: 'req_3', bids: [{ providerId: 'prv_b', score: 6_000 }] },
      { id: 'req_4', bids: [] },
    ];
    const providers = [
      { id: 'prv_a', capacity: 1 },
      { id: 'prv_b', capacity: 1 },
    ];
    // Act
    const outcome = matchByIds(requests, providers);
    // Assess
    expect(outcome.awards).toEqual([
      { requestId: 'req_1', providerId: 'prv_a', score: 9_000 },
      { requestId: 'req_2', providerId: 'prv_b', score: 7_500 },
    ]);
    expect(outcome.unassigned).toEqual([
      { requestId: 'req_3', reason: 'every bidder at capacity' },
      { requestId: 'req_4', reason: 'no bids' },
    ]);
    expect(outcome.total).toBe(16_500);
    expect(outcome.certificate.bound).toBe(16_500);
    // prv_b is priced at what req_3 would pay for it (6000); prv_a high enough (6500) that
    // req_2, left with 7500 - 6000 = 1500 at prv_b, does not envy req_1's slot: 8000 - 6500.
    expect(outcome.certificate.providers).toEqual({ prv_a: 6_500, prv_b: 6_000 });
    expect(outcome.certificate.requests).toEqual({ req_1: 2_500, req_2: 1_500, req_3: 0, req_4: 0 });
  });

  it('builds the compact instance in input order', () => {
    const { instance, requestIds, providerIds } = buildInstance(
      [
        {
          id: 'req_1',
          bids: [
            { providerId: 'prv_b', score: 5 },
            { providerId: 'prv_a', score: 7 },
          ],
        },
      ],
      [
        { id: 'prv_a', capacity: 2 },
        { id: 'prv_b', capacity: 1 },
      ],
    );
    expect(requestIds).toEqual(['req_1']);
    expect(providerIds).toEqual(['prv_a', 'prv_b']);
    expect([...instance.bidStart]).toEqual([0, 2]);
    expect([...instance.bidProvider]).toEqual([1, 0]);
    expect([...instance.bidScore]).toEqual([5, 7]);
    expect([...instance.capacity]).toEqual([2, 1]);
  });

  it.each([
    [
      'MATCHING.DUPLICATE_PROVIDER',
      [],
      [
        { id: 'prv_a', capacity: 1 },
        { id: 'prv_a', capacity: 2 },
      ],
    ],
    ['MATCHING.INVALID_CAPACITY', [], [{ id: 'prv_a', capacity: 1.5 }]],
    ['MATCHING.INVALID_CAPACITY', [], [{ id: 'prv_a', capacity: -1 }]],
    [
      'MATCHING.DUPLICATE_REQUEST',
      [
        { id: 'req_1', bids: [] },
        { id: 'req_1', bids: [] },
      ],
      [],
    ],
    ['MATCHING.UNKNOWN_PROVIDER', [{ id: 'req_1', bids: [{ providerId: 'prv_x', score: 1 }] }], []],
    [
      'MATCHING.DUPLICATE_BID',
      [
        {
          id: 'req_1',
          bids: [
            { providerId: 'prv_a', score: 1 },
            { providerId: 'prv_a', score: 2 },
          ],
        },
      ],
      [{ id: 'prv_a', capacity: 1 }],
    ],
    [
      'MATCHING.INVALID_SCORE',
      [{ id: 'req_1', bids: [{ providerId: 'prv_a', score: 0.5 }] }],
      [{ id: 'prv_a', capacity: 1 }],
    ],
    [
      'MATCHING.INVALID_SCORE',
      [{ id: 'req_1', bids: [{ providerId: 'prv_a', score: 2 ** 31 }] }],
      [{ id: 'prv_a', capacity: 1 }],
    ],
  ])('rejects %s', (code, requests, providers) => {
    expectDomainError(() => buildInstance(requests, providers), code, 'invalid');
  });
});

describe('validateMatchingInstance', () => {
  const good = compact({
    capacities: [1, 2],
    bids: [
      [[0, 3]],
      [
        [1, 4],
        [0, 2],
      ],
    ],
  });
  const broken: [string, Partial<MatchingInstance>][] = [
    ['a capacity array of the wrong length', { capacity: Int32Array.of(1) }],
    ['a negative capacity', { capacity: Int32Array.of(1, -2) }],
    ['bidStart of the wrong length', { bidStart: Int32Array.of(0, 3) }],
    ['bidStart not ending at the bid count', { bidStart: Int32Array.of(0, 1, 2) }],
    ['decreasing bidStart', { bidStart: Int32Array.of(0, 2, 1, 3), requestCount: 3 }],
    ['a provider out of range', { bidProvider: Int32Array.of(0, 2, 0) }],
    ['a negative score', { bidScore: Int32Array.of(3, -4, 2) }],
    ['mismatched bid arrays', { bidScore: Int32Array.of(3, 4) }],
    ['a fractional request count', { requestCount: 1.5 }],
    ['scores in a plain array (fractions possible)', { bidScore: [3, 4.5, 2] as unknown as Int32Array }],
  ];

  it('accepts a well-formed instance', () => {
    expect(() => validateMatchingInstance(good)).not.toThrow();
    expect(
      checkCertificate(good, Int32Array.of(0, 1), { request: Float64Array.of(3, 4), provider: Float64Array.of(0, 0) })
        .ok,
    ).toBe(true);
  });

  it.each(broken)('rejects %s', (_, change) => {
    expectDomainError(() => validateMatchingInstance({ ...good, ...change }), 'MATCHING.INVALID_INSTANCE', 'invalid');
  });
});
