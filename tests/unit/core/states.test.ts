import { describe, expect, it } from 'vitest';
import { STATES_AND_UNION_TERRITORIES } from '../../../packages/core/src/cluster/states';
import { NewCluster } from '../../../packages/core/src/identity/onboarding';

describe('the states and union territories a cluster is in', () => {
  it('are India’s 28 states and 8 union territories, each once', () => {
    expect(STATES_AND_UNION_TERRITORIES).toHaveLength(36);
    expect(new Set(STATES_AND_UNION_TERRITORIES.map((s) => s.toLowerCase())).size).toBe(36);
  });

  it('are the only states a new cluster may name', () => {
    // Prepare
    const cluster = {
      name: 'Morbi ceramics',
      sector: 'Ceramic tiles',
      district: 'Morbi',
      firmCount: 800,
      phase: 'diagnostic',
      supportedUntil: '2030-03-31',
      admin: { email: 'cda@morbi.example', name: 'Kiran Patel' },
    };

    // Act / Assess
    for (const state of STATES_AND_UNION_TERRITORIES)
      expect(NewCluster.safeParse({ ...cluster, state }).success).toBe(true);
    for (const state of ['Panjab', 'punjab', 'PB', 'Orissa', ''])
      expect(NewCluster.safeParse({ ...cluster, state }).success, state).toBe(false);
  });
});
