import { describe, expect, it } from 'vitest';
import { opensCluster, type Reacher } from '../../../packages/core/src/reach';

const ludhiana = { id: 'clu_ludhiana', state: 'Punjab' };
const jaipur = { id: 'clu_jaipur', state: 'Rajasthan' };
const person = (overrides: Partial<Reacher>): Reacher => ({ role: 'association_rep', clusterIds: [], ...overrides });

describe('opensCluster', () => {
  it('lets a national admin open every cluster', () => {
    // Prepare
    const admin = person({ role: 'national_admin' });

    // Act
    const opens = [ludhiana, jaipur].map((c) => opensCluster(admin, c));

    // Assess
    expect(opens).toEqual([true, true]);
  });

  it("lets a state admin open their state's clusters, listed or not, and no other state's", () => {
    // Prepare
    const punjab = person({ role: 'state_admin', state: 'Punjab', clusterIds: [] });

    // Act
    const opens = [ludhiana, jaipur].map((c) => opensCluster(punjab, c));

    // Assess
    expect(opens).toEqual([true, false]);
  });

  it('lets a member open only the clusters listed on them', () => {
    // Prepare
    const rep = person({ clusterIds: [ludhiana.id] });

    // Act
    const opens = [ludhiana, jaipur].map((c) => opensCluster(rep, c));

    // Assess
    expect(opens).toEqual([true, false]);
  });

  it('lets a funder with no cluster, a stateless state admin and a visitor open none', () => {
    // Prepare
    const funder = person({ role: 'funder' });
    const stateless = person({ role: 'state_admin' });

    // Act
    const opens = [funder, stateless, undefined].map((who) => opensCluster(who, ludhiana));

    // Assess
    expect(opens).toEqual([false, false, false]);
  });

  it('does not let a member of another state borrow the state rule', () => {
    // Prepare
    const rep = person({ state: 'Punjab' });

    // Act
    const opens = opensCluster(rep, ludhiana);

    // Assess
    expect(opens).toBe(false);
  });

  it('opens a cluster known only by its id to a national admin and a member, never to a state admin', () => {
    // Prepare
    const people = [
      person({ role: 'national_admin' }),
      person({ clusterIds: [ludhiana.id] }),
      person({ role: 'state_admin', state: 'Punjab' }),
      person({ role: 'funder' }),
    ];

    // Act
    const opens = people.map((who) => opensCluster(who, { id: ludhiana.id }));

    // Assess
    expect(opens).toEqual([true, true, false, false]);
  });
});
