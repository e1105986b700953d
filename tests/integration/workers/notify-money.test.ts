import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIst, newEvent, type EventOf, type Provider } from '@bds/core';
import { silentLogger } from '../../../functions/observability/logger';
import type { WorkerDeps } from '../../../functions/workers/request-events/deps';
import { notifyBidsLost } from '../../../functions/workers/request-events/handlers/notify-lost';
import { notifyMilestoneDecided } from '../../../functions/workers/request-events/handlers/notify-decided';
import { notifyMilestoneReported } from '../../../functions/workers/request-events/handlers/notify-reported';
import { escrowWorld, type EscrowWorld } from '../api/escrow-support';
import { KNIDGRO, LUDHIANA, newBid, TWO_HOURS } from '../api/support';
import { PROVIDERS } from '../../../functions/local/seed/data';
import { testClock } from '../support/test-app';
import { ids } from '../stores/fixtures';

// The notifications that ask someone to act or say money moved: a delivery reported (the lead
// association), a milestone decided (the provider, with what was released, and the association),
// a bid lost at the award (every other live bidder). Each reaches its organisation once, also when
// the same event is delivered again.
describe('notifications that ask someone to act or move money', () => {
  const clock = testClock();
  let w: EscrowWorld;
  const rival: Provider = {
    id: ids.next('provider'),
    name: 'Rival Fair Services',
    city: 'Ludhiana',
    categories: ['market-access'],
    accredited: true,
    capacity: 4,
    clusterIds: [LUDHIANA],
    blocked: false,
    contactEmail: 'bids@rival-fairs.test',
    createdAt: new Date(clock.now()).toISOString(),
  };
  // The fair organiser of the demo data has no contact address: give it one, so its mail can be counted.
  const fairs: Provider = { ...PROVIDERS.fairs, contactEmail: 'events@fairs.test' };
  let rivalToken: string;

  beforeAll(async () => {
    w = await escrowWorld(clock);
    await w.t.stores.providers.putWithRegistrations(rival, rival.createdAt);
    await w.t.stores.providers.putWithRegistrations(fairs, fairs.createdAt);
  });
  afterAll(() => w?.t.stop());

  const deps = (): WorkerDeps =>
    ({
      stores: w.t.stores,
      clock: w.t.clock,
      ids: w.t.deps.ids,
      log: silentLogger,
      mail: w.t.deps.mail,
      portalUrl: 'http://portal.test',
    }) as unknown as WorkerDeps;
  const inbox = async (organisationId: string, requestId: string) =>
    (await w.t.stores.inbox.list(organisationId, { limit: 100 })).items.filter((n) => n.requestId === requestId);
  const mails = async (email: string, subject: string) =>
    (await w.t.deps.outbox!.list(email, 100)).filter((m) => m.subject.includes(subject));
  /** The event a notification came from, rebuilt as the queue would deliver it again. */
  const again = <K extends 'milestone.decided' | 'milestone.reported' | 'request.awarded'>(
    type: K,
    payload: EventOf<K>['payload'],
    eventId: string,
  ) =>
    newEvent(type, payload, {
      id: eventId,
      clusterId: LUDHIANA,
      occurredAt: new Date(clock.now()).toISOString(),
      correlationId: 'again',
    });

  it('tells each losing bidder once at the award, and neither the winner nor the association', async () => {
    const fair = await w.fair({ label: 'Lost bid', award: false });
    rivalToken = (
      await w.t.deps.tokens.issue({
        userId: 'usr_rival',
        role: 'provider',
        organisationId: rival.id,
        clusterIds: [LUDHIANA],
      })
    ).token;
    expect(
      (await w.t.call('POST', `${w.base(fair.id)}/bids`, { token: rivalToken, body: newBid(32_000) })).status,
    ).toBe(201);
    clock.advance(TWO_HOURS);
    await w.issue();
    expect((await w.t.call('POST', `${w.base(fair.id)}/close`, { token: w.tok.knidgro })).status).toBe(200);
    const awarded = await w.t.call('POST', `${w.base(fair.id)}/award`, {
      token: w.tok.knidgro,
      // Whichever bid the ranking recommends, the fair organiser is chosen: a reason covers both.
      body: { bidId: fair.bidId, reason: 'The organiser has run this Delhi stall for three seasons.' },
    });
    expect(awarded.status).toBe(200);
    await w.t.drain();

    // Before the award: the request's opening and, at the close, each bidder's rank (stand-still, issue 13).
    const before = new Set(['request.opened', 'ranking.published']);
    const lost = (await inbox(rival.id, fair.id)).filter((n) => !before.has(n.kind));
    expect(lost).toEqual([
      expect.objectContaining({ kind: 'bid.lost', title: expect.stringContaining('Not awarded') }),
    ]);
    expect((await inbox(fairs.id, fair.id)).map((n) => n.kind).filter((k) => !before.has(k))).toEqual([
      'request.awarded',
    ]);
    expect((await inbox(KNIDGRO, fair.id)).some((n) => n.kind === 'bid.lost')).toBe(false);
    expect(await mails(rival.contactEmail!, 'Not awarded')).toHaveLength(1);

    // Delivered again: nothing new in any inbox or mailbox.
    const event = again(
      'request.awarded',
      {
        requestId: fair.id,
        bidId: fair.bidId,
        providerId: fairs.id,
        total: awarded.body.award.total,
        category: 'market-access',
        leadAssociationId: KNIDGRO,
        awardedAt: awarded.body.award.awardedAt,
      },
      lost[0]!.eventId,
    );
    await notifyBidsLost(event, deps(), silentLogger);
    await notifyBidsLost(event, deps(), silentLogger);
    expect((await inbox(rival.id, fair.id)).filter((n) => !before.has(n.kind))).toEqual(lost);
    expect(await mails(rival.contactEmail!, 'Not awarded')).toHaveLength(1);
  });

  it('asks the lead association to answer a reported delivery, with the auto-acceptance time in IST', async () => {
    const fair = await w.fair({ label: 'Reported delivery' });
    expect((await w.report(fair.id, 0)).status).toBe(200);
    await w.t.drain();

    const items = (await inbox(KNIDGRO, fair.id)).filter((n) => n.kind === 'milestone.reported');
    expect(items).toHaveLength(1);
    const record = (await w.t.stores.escrow.get(LUDHIANA, fair.id))!;
    const autoAcceptAt = record.milestones[0]!.autoAcceptAt!;
    expect(items[0]!.text).toContain(`by ${formatIst(autoAcceptAt)}`);
    expect(items[0]!.text).toContain(fairs.name);
    expect(items[0]!.text).not.toMatch(/\d{4}-\d{2}-\d{2}T|GMT/);
    expect((await inbox(fairs.id, fair.id)).some((n) => n.kind === 'milestone.reported')).toBe(false);

    const event = again('milestone.reported', { requestId: fair.id, index: 0, autoAcceptAt }, items[0]!.eventId);
    await notifyMilestoneReported(event, deps(), silentLogger);
    await notifyMilestoneReported(event, deps(), silentLogger);
    expect((await inbox(KNIDGRO, fair.id)).filter((n) => n.kind === 'milestone.reported')).toEqual(items);
  });

  it('tells the provider what was released on acceptance, and the association, once each', async () => {
    const fair = await w.fair({ label: 'Released escrow' });
    expect((await w.report(fair.id, 0)).status).toBe(200);
    await w.t.drain();
    const before = (await w.t.deps.outbox!.list(fairs.contactEmail!, 100)).length;
    expect((await w.accept(fair.id, 0)).status).toBe(200);
    await w.t.drain();

    const record = (await w.t.stores.escrow.get(LUDHIANA, fair.id))!;
    const released = record.milestones[0]!.holds.reduce((sum, h) => sum + h.released.amount, 0);
    expect(released).toBeGreaterThan(0);
    const rupees = `₹${new Intl.NumberFormat('en-IN').format(released / 100)}`;
    const toProvider = (await inbox(fairs.id, fair.id)).filter((n) => n.kind === 'money.released');
    expect(toProvider).toEqual([
      expect.objectContaining({
        title: expect.stringContaining(`${rupees} released`),
        text: expect.stringContaining('IST'),
      }),
    ]);
    const toAssociation = (await inbox(KNIDGRO, fair.id)).filter((n) => n.kind === 'milestone.accepted');
    expect(toAssociation).toHaveLength(1);
    const mailed = await w.t.deps.outbox!.list(fairs.contactEmail!, 100);
    expect(mailed.length - before).toBe(1);
    expect(mailed[0]!.subject).toContain(`${rupees} released`);

    const event = again(
      'milestone.decided',
      { requestId: fair.id, index: 0, status: 'accepted' },
      toProvider[0]!.eventId,
    );
    await notifyMilestoneDecided(event, deps(), silentLogger);
    await notifyMilestoneDecided(event, deps(), silentLogger);
    expect((await inbox(fairs.id, fair.id)).filter((n) => n.kind === 'money.released')).toEqual(toProvider);
    expect((await inbox(KNIDGRO, fair.id)).filter((n) => n.kind === 'milestone.accepted')).toEqual(toAssociation);
    expect((await w.t.deps.outbox!.list(fairs.contactEmail!, 100)).length - before).toBe(1);
  });

  it("writes the award and the release to the cluster's activity feed, once each", async () => {
    const fair = await w.fair({ label: 'Feed' });
    expect((await w.report(fair.id, 0)).status).toBe(200);
    expect((await w.accept(fair.id, 0)).status).toBe(200);
    await w.t.drain();

    const feed = await w.t.call('GET', `/api/clusters/${LUDHIANA}/activity?limit=50`, { token: w.tok.knidgro });
    expect(feed.status).toBe(200);
    const lines = (feed.body.items as { requestId?: string; kind: string; message: string }[]).filter(
      (a) => a.requestId === fair.id,
    );
    expect(lines.map((a) => a.kind).sort()).toEqual(['milestone.decided', 'request.awarded', 'request.opened']);
    expect(lines.find((a) => a.kind === 'request.awarded')!.message).toMatch(
      new RegExp(`awarded to ${fairs.name} for ₹[\\d,]+; ₹[\\d,]+ of subsidy held in escrow\\.$`),
    );
    expect(lines.find((a) => a.kind === 'milestone.decided')!.message).toMatch(
      new RegExp(`accepted: ₹[\\d,.]+ released to ${fairs.name}\\.$`),
    );
  });
});
