import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountId, fingerprintOf, parseAccountId, type AccountRef } from '../../../packages/core/src/ledger';
import { expectDomainError } from '../core/fixtures';
import { cmd } from './fixtures';

const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/);
const ref: fc.Arbitrary<AccountRef> = fc.oneof(
  segment.map((funderId) => ({ kind: 'funder' as const, funderId })),
  segment.map((programmeId) => ({ kind: 'pool' as const, programmeId })),
  fc.tuple(segment, segment).map(([clusterId, awardId]) => ({ kind: 'escrow' as const, clusterId, awardId })),
  segment.map((providerId) => ({ kind: 'payable' as const, providerId })),
  segment.map((providerId) => ({ kind: 'paid' as const, providerId })),
);

describe('account ids', () => {
  it('parse back to the reference they were made from', () => {
    fc.assert(
      fc.property(ref, (r) => {
        expect(parseAccountId(accountId(r))).toEqual(r);
      }),
    );
  });

  it.each(['pool', 'pool:a:b', 'escrow:a', 'vault:a', 'pool:a#b', 'payable:'])('refuses %s', (id) => {
    expectDomainError(() => parseAccountId(id), 'LEDGER.BAD_ACCOUNT', 'invalid');
  });
});

describe('fingerprintOf', () => {
  it('ignores key order and absent fields, and sees every value', () => {
    const a = cmd.post('p1', 'h1', 100);
    const reordered = JSON.parse(
      JSON.stringify({
        pendingId: 'h1',
        amount: { currency: 'INR', amount: 100 },
        kind: 'post',
        id: 'p1',
        memo: undefined,
      }),
    );
    expect(fingerprintOf(reordered)).toBe(fingerprintOf(a));
    expect(fingerprintOf(cmd.post('p1', 'h1', 101))).not.toBe(fingerprintOf(a));
    expect(fingerprintOf(cmd.post('p1', 'h1'))).not.toBe(fingerprintOf(a));
  });
});
