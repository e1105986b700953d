import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayCofinance, whyNotApplicable } from '../../../packages/core/src/subsidy';
import { OTHER_CLUSTER } from '../core/fixtures';
import { programmeArb } from './arbitraries';
import { award, programme } from './fixtures';

const place = { clusterId: award().clusterId, state: award().state, category: award().category };
const before = (iso: string) => Date.parse(iso) - 1;

describe('mayCofinance: which open requests a funder’s programme could pay for', () => {
  it('agrees with the award-time rule on scope, category and status for an award inside the validity', () => {
    fc.assert(
      fc.property(programmeArb(1), (p) => {
        // Prepare: the award-time reasons that an open request can already show
        const reason = whyNotApplicable(p, award());
        const decidable = reason !== 'outside_validity' && reason !== 'currency_mismatch';
        fc.pre(decidable);

        // Act
        const may = mayCofinance(p, place, before(award().awardedAt));

        // Assess
        expect(may).toBe(reason === undefined);
      }),
    );
  });

  it('refuses a programme that ends before the request could be awarded, and one of another cluster', () => {
    // Prepare
    const p = programme();

    // Act
    const afterEnd = mayCofinance(p, place, Date.parse(p.validUntil));
    const elsewhere = mayCofinance(p, { ...place, clusterId: OTHER_CLUSTER }, before(p.validUntil));
    const here = mayCofinance(p, place, before(p.validUntil));

    // Assess
    expect([afterEnd, elsewhere, here]).toEqual([false, false, true]);
  });

  it('reads a state scope the way a person writes the state', () => {
    // Prepare
    const p = programme({ scope: { kind: 'state', state: 'Punjab' } });

    // Act
    const may = mayCofinance(p, { ...place, clusterId: OTHER_CLUSTER, state: ' punjab ' }, before(p.validUntil));

    // Assess
    expect(may).toBe(true);
  });
});
