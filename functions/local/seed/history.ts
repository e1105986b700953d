import {
  DEFAULT_SIZE_POLICY,
  Money,
  acceptMilestone,
  deliveryProgress,
  depositCommand,
  fixedClock,
  isUnderServed,
  milestoneDecided,
  recordAttendance,
  reportMilestone,
  type Actor,
  type Clock,
  type EscrowRecord,
} from '@bds/core';
import { settleEscrow } from '../../use-cases/settle-escrow';
import type { Stores } from '../../adapters/dynamo/stores';
import { silentLogger } from '../../observability/logger';
import { onRequestAwardedEscrow } from '../../workers/request-events/handlers/escrow';
import type { WorkerDeps } from '../../workers/request-events/deps';
import { ASSOCIATIONS, PROVIDERS } from './data';
import { seedId } from './ids';
import { closeAndAward, openRequest, register, repOf } from './marketplace';
import type { RequestSeed } from './marketplace-data';
import { SIDBI_PROGRAMME } from './programmes';

import { DAY, DELIVERED, HISTORY_FUNDERS, historyProgramme, inr, type Delivered } from './history-data';

const seedOf = (d: Delivered): RequestSeed => ({
  slug: d.slug,
  lead: d.lead,
  coSponsors: [],
  deadlineInDays: 0,
  terms: {
    title: d.title,
    category: d.category,
    specification:
      `${d.title}: delivered for the pledged member firms of ` +
      `${ASSOCIATIONS[d.lead].shortName}, with an attendance register.`,
    deliverables: ['Delivery as specified', 'Attendance register'],
    place: 'Cluster',
    minFirms: 2,
    maxFirms: 20,
    weights: { price: 60, quality: 40 },
    milestones: [
      { name: 'Delivered', shareBasisPoints: 7000 },
      { name: 'Follow-up', shareBasisPoints: 3000 },
    ],
  },
  pledges: { [d.lead]: d.pledges },
  bids: [d.provider, ...(d.rival ? [d.rival] : [])].map((provider, i) => ({
    provider,
    terms: {
      priceTiers: [{ minFirms: 2, pricePerFirm: inr(Math.round(d.rupeesPerFirm * (1 + i * 0.15))) }],
      capacity: 20,
      deliveryPlan: 'As specified, with weekly progress reports to the association.',
    },
  })),
});

/** The 5th of the month `monthsAgo` before `now`, 10:00 UTC: every step of a delivery stays in that month. */
function dayOf(now: number, monthsAgo: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsAgo, 5, 10);
}

/**
 * Delivered history over past months, through the same code as the live path: requests opened,
 * pledged, bid, closed and awarded (the award's outbox event), escrow by the award worker's own
 * handler, milestones reported and accepted as the routes do (record + `milestone.decided` in one
 * transaction, then the ledger). The indicator worker builds the aggregates from those events,
 * so the audit finds them equal to a recomputation. History payables are then paid out by
 * ledger payout transfers, so the live demo starts with nothing payable. Idempotent per request.
 */
export async function seedHistory(stores: Stores, now: number): Promise<{ created: number }> {
  let created = 0;
  const until = new Date(dayOf(now, 0) - 4 * DAY - 10 * 3_600_000).toISOString();
  for (const f of Object.values(HISTORY_FUNDERS))
    if (!(await stores.funders.get(f.id))) {
      await stores.funders.put(f);
      created++;
    }
  const programmes = [
    historyProgramme('unido-2026', HISTORY_FUNDERS.unido, { kind: 'national' }, [2000, 1500, 1000, 500], 20, until),
    historyProgramme(
      'riico-2026',
      HISTORY_FUNDERS.riico,
      { kind: 'state', state: 'Rajasthan' },
      [1000, 1000, 1000, 1000],
      30,
      until,
    ),
  ];
  for (const p of programmes) {
    if (!(await stores.programmes.get(p.id))) {
      await stores.programmes.create(p);
      created++;
    }
    await stores.ledger.execute(depositCommand(p, 'seed-history', inr(20_00_000)));
  }
  // The history is the SIDBI national programme's too: top it up by what the history takes.
  await stores.ledger.execute(depositCommand(SIDBI_PROGRAMME, 'seed-history', inr(10_00_000)));
  const paid = new Set<string>();
  for (const d of DELIVERED) {
    const clusterId = ASSOCIATIONS[d.lead].clusterId;
    const requestId = seedId('request', d.slug);
    paid.add(PROVIDERS[d.provider].id);
    if (await stores.requests.get(clusterId, requestId)) continue;
    const at = dayOf(now, d.monthsAgo);
    const seed = seedOf(d);
    await openRequest(stores, seed, fixedClock(at - 14 * DAY), at);
    const event = await closeAndAward(stores, seed, clusterId, requestId, fixedClock(at + 3_600_000));
    if (!event) continue;
    await onRequestAwardedEscrow(
      event,
      { stores, clock: fixedClock(at + 2 * 3_600_000), log: silentLogger } as unknown as WorkerDeps,
      silentLogger,
    );
    await deliver(stores, d, clusterId, requestId, at);
    created++;
  }
  for (const providerId of paid) {
    const payable = await stores.ledger.account(`payable:${providerId}`);
    if (payable.available > 0)
      await stores.ledger.execute({
        kind: 'payout',
        id: `payout:seed-history:${providerId}`,
        providerId,
        amount: Money.money(payable.available, 'INR'),
      });
  }
  return { created };
}

/** Both milestones reported by the provider (the pledged firms attended) and accepted by the lead, days apart. */
async function deliver(stores: Stores, d: Delivered, clusterId: string, requestId: string, at: number): Promise<void> {
  const firms = register(d.lead).filter((_, i) => d.pledges.includes(i));
  const attended = firms.map((f) => f.id);
  const underServed = new Set(firms.filter((f) => isUnderServed(f, DEFAULT_SIZE_POLICY)).map((f) => f.id));
  const record = await stores.escrow.get(clusterId, requestId);
  if (!record) return;
  const provider: Actor = {
    userId: seedId('user', `${d.provider}-history`),
    role: 'provider',
    organisationId: record.providerId,
    clusterIds: [clusterId],
  };
  const lead = repOf(d.lead);
  for (const index of record.milestones.map((m) => m.index)) {
    const reported = fixedClock(at + (10 + 2 * index) * DAY);
    await change(stores, clusterId, requestId, reported, (r) => ({
      record: reportMilestone(
        r,
        index,
        provider,
        { evidence: 'Delivered as agreed; attendance register attached.', attendedFirmIds: attended },
        {
          pledgedFirmIds: new Set(attended),
          at: iso(reported),
          autoAcceptDays: 14,
          underServedFirmIds: underServed,
        },
      ),
    }));
    // The firms confirmed they attended (their association entered the paper register's answers), so the acceptance
    // releases the whole milestone and the indicators count every firm, as the paper's deliveries did.
    const confirmed = fixedClock(reported.now() + DAY / 2);
    await change(stores, clusterId, requestId, confirmed, (r) => ({
      record: attended.reduce(
        (next, firmId) =>
          recordAttendance(next, index, { firmId, attended: true, at: iso(confirmed), onBehalfBy: lead.userId }),
        r,
      ),
    }));
    const accepted = fixedClock(reported.now() + DAY);
    const commands = await change(stores, clusterId, requestId, accepted, (r) => {
      const decision = acceptMilestone(r, index, lead, iso(accepted));
      const event = milestoneDecided({
        id: seedId('event', `${d.slug}-decided-${index}`),
        clusterId,
        requestId,
        index,
        at: iso(accepted),
        correlationId: `seed-${d.slug}`,
        status: 'accepted',
      });
      return { record: decision.record, events: [event], commands: decision.commands };
    });
    await settleEscrow(stores.ledger, commands);
  }
}

const iso = (c: Clock) => new Date(c.now()).toISOString();

/** A record change with the request's delivery step in the same transaction, as the routes make it. */
async function change(
  stores: Stores,
  clusterId: string,
  requestId: string,
  clock: Clock,
  decide: (r: EscrowRecord) => {
    record: EscrowRecord;
    events?: ReturnType<typeof milestoneDecided>[];
    commands?: Parameters<typeof settleEscrow>[1];
  },
) {
  const { result } = await stores.escrow.change(
    clusterId,
    requestId,
    (r, request) => {
      const out = decide(r);
      const next = request && deliveryProgress(request, out.record, clock);
      return {
        record: out.record,
        events: out.events ?? [],
        request: request && next ? { next, expectedVersion: request.version } : undefined,
        result: out.commands ?? [],
      };
    },
    { withRequest: true },
  );
  return result;
}
