import {
  DomainError,
  closeAndEvaluate,
  createRequest,
  fixedClock,
  pledge,
  publish,
  submitBid,
  type Actor,
  type Clock,
  type EventOf,
  type Firm,
  type IdGenerator,
} from '@bds/core';
import { toStoredEvaluation } from '../../adapters/dynamo/evaluations';
import type { StoredRequest } from '../../adapters/dynamo/requests';
import type { Stores } from '../../adapters/dynamo/stores';
import { systemClock } from '../../adapters/system';
import { makeAward } from '../../use-cases/award-request';
import { makeSplitAward } from '../../use-cases/award-split';
import { ASSOCIATIONS, DEMO_USERS, PROVIDERS } from './data';
import { seedId } from './ids';
import { REGISTERS, REQUESTS, type RegisterSlug, type RequestSeed } from './marketplace-data';

const REGISTERED_AT = '2026-04-02T00:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Ids named by slugs, so a second seeding addresses the same items. */
const seededIds = (slug: string): IdGenerator => ({ next: (kind) => seedId(kind, slug) });

export function register(slug: RegisterSlug): Firm[] {
  const association = ASSOCIATIONS[slug];
  return REGISTERS[slug].map((f, i) => ({
    ...f,
    id: seedId('firm', `${slug}-${i + 1}`),
    clusterId: association.clusterId,
    associationId: association.id,
    createdAt: REGISTERED_AT,
  }));
}

/** The lead association's demo representative, who awards the finished request. */
export function repOf(slug: RegisterSlug): Actor {
  const user = DEMO_USERS.find((u) => u.organisationId === ASSOCIATIONS[slug].id);
  return {
    userId: seedId('user', user?.slug ?? slug),
    role: 'association_rep',
    organisationId: ASSOCIATIONS[slug].id,
    clusterIds: [ASSOCIATIONS[slug].clusterId],
  };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Posts, publishes, pledges and bids one request as of `opened`; returns the items written. */
export async function openRequest(
  stores: Stores,
  seed: RequestSeed,
  opened: Clock,
  deadline: number,
): Promise<{ request: StoredRequest; writes: number }> {
  const lead = ASSOCIATIONS[seed.lead];
  const draft = createRequest(
    {
      ...seed.terms,
      deliveryWindow: { start: day(deadline + 10 * DAY), end: day(deadline + 50 * DAY) },
      biddingDeadline: new Date(deadline).toISOString(),
      visibility: 'cluster',
      coSponsorIds: seed.coSponsors.map((s) => ASSOCIATIONS[s].id),
      currency: 'INR',
    },
    { clusterId: lead.clusterId, associationId: lead.id, ids: seededIds(seed.slug), clock: opened },
  );
  const request = await stores.requests.create(publish(draft, opened));
  let writes = 1;
  for (const [slug, positions] of Object.entries(seed.pledges) as [RegisterSlug, number[]][]) {
    const firms = register(slug);
    for (const firm of positions.map((i) => firms[i]).filter((f): f is Firm => f !== undefined)) {
      await stores.pledges.add({ ...pledge(request, firm, [], opened), firmName: firm.name }, opened.now());
      writes++;
    }
  }
  for (const b of seed.bids) {
    const provider = PROVIDERS[b.provider];
    const bid = submitBid(request, [], b.terms, {
      providerId: provider.id,
      ids: seededIds(`${seed.slug}-${b.provider}`),
      clock: opened,
    });
    await stores.bids.submit(
      { ...bid, requestTitle: request.title, providerAccredited: provider.accredited },
      opened.now(),
    );
    writes++;
  }
  return { request, writes };
}

/** Closes a request whose deadline has passed, evaluates it and awards the recommended bid, as its rep would. */
export async function closeAndAward(
  stores: Stores,
  seed: RequestSeed,
  clusterId: string,
  requestId: string,
  clock: Clock,
): Promise<EventOf<'request.awarded'> | undefined> {
  const { request, bids } = await stores.evaluations.closeContext(clusterId, requestId);
  if (!request) return;
  const rep = repOf(seed.lead);
  const { next, result } = closeAndEvaluate(request, bids, request.pledgedFirms, clock);
  const at = new Date(clock.now()).toISOString();
  const evaluation = toStoredEvaluation(result, { clusterId, evaluatedAt: at, evaluatedBy: rep.userId });
  await stores.evaluations.close(next, request.version, request.pledgedFirms, evaluation);
  if (result.outcome !== 'ranked') return undefined;
  if (result.split) {
    // A split (issue 13): one contract request per provider, each with ids of its own.
    let n = 0;
    const ids: IdGenerator = { next: (kind) => seedId(kind, `${seed.slug}-split-${n++}`) };
    const { events } = await makeSplitAward({ stores, clock, ids }, { request: next, evaluation }, rep, {}, 'seed');
    return events[0];
  }
  // Awarded as the route awards (the recommended bid), so the workers hold its subsidy in escrow.
  const deps = { stores, clock, ids: seededIds(`${seed.slug}-award`) };
  return (await makeAward(deps, { request: next, evaluation }, rep, {}, `seed-${seed.slug}`)).event;
}

/**
 * The living marketplace a newcomer should see: member registers of mixed sizes, open requests
 * with pledges and sealed bids (deadlines days after seeding), and one request awarded last
 * month. Idempotent: ids are fixed, a register or request already there is left as it is, so a
 * restart neither duplicates anything nor moves a deadline.
 *
 * @example
 * const { created } = await seedMarketplace(stores, console.log);
 */
export async function seedMarketplace(
  stores: Stores,
  log: (line: string) => void,
  clock: Clock = systemClock,
): Promise<{ created: number }> {
  let created = 0;
  for (const slug of Object.keys(REGISTERS) as RegisterSlug[]) {
    const firms = register(slug);
    try {
      await stores.firms.createMany(firms);
      created += firms.length;
    } catch (error) {
      // The register was seeded before (a transaction writes all of it or none).
      if (!(error instanceof DomainError && error.code === 'FIRM.EXISTS')) throw error;
    }
  }
  const now = clock.now();
  for (const seed of REQUESTS) {
    const clusterId = ASSOCIATIONS[seed.lead].clusterId;
    const requestId = seedId('request', seed.slug);
    if (await stores.requests.get(clusterId, requestId)) continue;
    // Deadlines on the hour; the finished request was opened a month before its (past) deadline.
    const deadline = Math.ceil(now / HOUR) * HOUR + seed.deadlineInDays * DAY;
    const opened = seed.deadlineInDays > 0 ? clock : fixedClock(deadline - 30 * DAY);
    const { writes } = await openRequest(stores, seed, opened, deadline);
    created += writes;
    if (seed.awarded) await closeAndAward(stores, seed, clusterId, requestId, clock);
  }
  if (created > 0)
    log(
      `Seeded the marketplace: member firms, ${REQUESTS.length} ` +
        `pooled requests with pledges and sealed bids, one awarded, one awarded as a split`,
    );
  return { created };
}
