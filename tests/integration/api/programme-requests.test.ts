import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubsidyProgramme, type Actor, type CategorySlug } from '@bds/core';
import { CLUSTERS, FUNDERS } from '../../../functions/local/seed/data';
import { testClock, type TestApp } from '../support/test-app';
import { demoActor, JAIPUR, LUDHIANA, marketApp, newRequest, openRequestVia, tokenOf } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Another funder, with no programme: it must see nothing of SIDBI's. */
const stranger: Actor = {
  userId: 'usr_stranger',
  role: 'funder',
  organisationId: 'fnd_01M8GM41AC82MR5Y8JDZXXR1CJ',
  clusterIds: [],
};

describe('GET /api/me/programme-requests: the open requests a funder’s programmes could co-finance', () => {
  const clock = testClock();
  let t: TestApp;
  let sidbi: string;
  const opened: Record<string, string> = {};

  const programme = (overrides: Partial<SubsidyProgramme>): SubsidyProgramme =>
    SubsidyProgramme.parse({
      id: t.deps.ids.next('programme'),
      funderId: FUNDERS.sidbi.id,
      name: 'Fair participation support',
      scope: { kind: 'national' },
      currency: 'INR',
      budget: { amount: 50_00_000_00, currency: 'INR' },
      eligibleCategories: ['training'],
      schedule: [5000, 3800, 2600, 700],
      capPerAward: { amount: 10_00_000_00, currency: 'INR' },
      validFrom: new Date(clock.now() - DAY).toISOString(),
      validUntil: new Date(clock.now() + 365 * DAY).toISOString(),
      priority: 10,
      status: 'open',
      ...overrides,
    });

  beforeAll(async () => {
    // Prepare: SIDBI pays training in Punjab and design in Jaipur; its closed national programme pays IT.
    t = await marketApp({ clock });
    await Promise.all([
      t.stores.programmes.create(programme({ scope: { kind: 'state', state: CLUSTERS.ludhiana.state } })),
      t.stores.programmes.create(
        programme({ scope: { kind: 'cluster', clusterId: JAIPUR }, eligibleCategories: ['design'] }),
      ),
      t.stores.programmes.create(programme({ eligibleCategories: ['it-software'], status: 'closed' })),
    ]);
    const [knidgro, calico] = await Promise.all([tokenOf(t, demoActor('knidgro')), tokenOf(t, demoActor('calico'))]);
    const open = async (name: string, token: string, clusterId: string, category: CategorySlug, hours: number) => {
      const deadline = new Date(clock.now() + hours * HOUR).toISOString();
      opened[name] = await openRequestVia(
        t,
        token,
        clusterId,
        newRequest(clock.now(), { title: name, category, biddingDeadline: deadline }),
      );
    };
    await open('ludhiana training', knidgro, LUDHIANA, 'training', 5);
    await open('ludhiana design', knidgro, LUDHIANA, 'design', 3);
    await open('ludhiana it', knidgro, LUDHIANA, 'it-software', 3);
    await open('jaipur design', calico, JAIPUR, 'design', 4);
    await open('jaipur training', calico, JAIPUR, 'training', 2);
    sidbi = await tokenOf(t, demoActor('sidbi'));
  }, 120_000);
  afterAll(() => t.stop());

  it('lists the requests in an open programme’s scope and eligible categories, soonest deadline first', async () => {
    // Act
    const res = await t.call('GET', '/api/me/programme-requests?limit=50', { token: sidbi });

    // Assess
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([
      opened['jaipur design'],
      opened['ludhiana training'],
    ]);
    expect(res.body.clusters).toEqual(
      expect.arrayContaining([
        { id: LUDHIANA, name: CLUSTERS.ludhiana.name },
        { id: JAIPUR, name: CLUSTERS.jaipur.name },
      ]),
    );
  });

  it('shows another funder none of them, and refuses every other role', async () => {
    // Prepare
    const [other, provider, rep] = await Promise.all([
      tokenOf(t, stranger),
      tokenOf(t, demoActor('it-training')),
      tokenOf(t, demoActor('knidgro')),
    ]);

    // Act
    const [mine, asProvider, asRep, anonymous] = await Promise.all([
      t.call('GET', '/api/me/programme-requests', { token: other }),
      t.call('GET', '/api/me/programme-requests', { token: provider }),
      t.call('GET', '/api/me/programme-requests', { token: rep }),
      t.call('GET', '/api/me/programme-requests'),
    ]);

    // Assess
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ items: [], nextCursor: null, clusters: [] });
    expect([asProvider.status, asRep.status, anonymous.status]).toEqual([403, 403, 401]);
  });

  it('keeps only the requests closing after the instant asked for', async () => {
    // Act: from four and a half hours on, only the Ludhiana training request (five hours) is still open
    const res = await t.call(
      'GET',
      `/api/me/programme-requests?closingAfter=${new Date(clock.now() + 4.5 * HOUR).toISOString()}`,
      {
        token: sidbi,
      },
    );

    // Assess
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([opened['ludhiana training']]);
  });
});
