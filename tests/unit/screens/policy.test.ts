import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClusterPolicy,
  NATIONAL_BOUNDS,
  assertWithinNationalBounds,
  defaultClusterPolicy,
  providerShareThresholdBp,
} from '../../../packages/core/src/identity/cluster-policy';

describe("the capture screen's threshold in the cluster policy", () => {
  it('is accepted exactly within the national bounds, naming the field otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (percent) => {
        // Prepare
        const policy = ClusterPolicy.parse({ ...defaultClusterPolicy(), providerShareThresholdPercent: percent });
        const { min, max } = NATIONAL_BOUNDS.providerShareThresholdPercent;
        // Act
        let field: string | undefined;
        try {
          assertWithinNationalBounds(policy);
        } catch (error) {
          field = (error as { field?: string }).field;
        }
        // Assess
        expect(field).toBe(percent >= min && percent <= max ? undefined : 'providerShareThresholdPercent');
      }),
    );
  });

  it('defaults to 60 % when a cluster has not chosen one', () => {
    expect(providerShareThresholdBp(defaultClusterPolicy())).toBe(6_000);
    expect(providerShareThresholdBp({ providerShareThresholdPercent: 45 })).toBe(4_500);
  });
});
