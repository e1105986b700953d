import { describe, expect, it } from 'vitest';
import {
  ClusterPolicy,
  assertWithinNationalBounds,
  defaultClusterPolicy,
} from '../../../packages/core/src/identity/cluster-policy';
import type { DomainError } from '../../../packages/core/src/errors';

describe('the cluster policy’s milestone auto-acceptance', () => {
  it('defaults to 14 days, also for a policy stored before the field existed', () => {
    const { milestoneAutoAcceptDays: _omitted, ...old } = defaultClusterPolicy();
    expect(defaultClusterPolicy().milestoneAutoAcceptDays).toBe(14);
    expect(ClusterPolicy.parse(old).milestoneAutoAcceptDays).toBe(14);
  });

  it.each([
    [2, false],
    [3, true],
    [60, true],
    [61, false],
  ])('%i days is within the national bounds: %s', (days, ok) => {
    const check = () => assertWithinNationalBounds({ ...defaultClusterPolicy(), milestoneAutoAcceptDays: days });
    if (ok) expect(check).not.toThrow();
    else
      expect(check).toThrow(
        expect.objectContaining({
          code: 'CLUSTER.POLICY_OUT_OF_BOUNDS',
          field: 'milestoneAutoAcceptDays',
        }) as DomainError,
      );
  });
});
