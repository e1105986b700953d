import { expect } from 'vitest';
import { SubsidyProgramme, accountId, type Clock, newEvent, type Money as MoneyModule } from '@bds/core';
import { FUNDERS } from '../../../functions/local/seed/data';
import { silentLogger } from '../../../functions/observability/logger';
import { onMilestoneAutoAccept } from '../../../functions/workers/request-events/handlers/auto-accept';
import type { WorkerDeps } from '../../../functions/workers/request-events/worker';
import type { TestApp } from '../support/test-app';
import {
  KNIDGRO,
  LUDHIANA,
  demoActor,
  marketApp,
  newBid,
  newRequest,
  openRequestVia,
  providerActor,
  registerFirmVia,
  tokenOf,
  TWO_HOURS,
} from './support';

type Money = MoneyModule.Money;
export const DAY = 86_400_000;
export const inr = (amount: number): Money => ({ amount, currency: 'INR' });
export const EVIDENCE = 'Stall at the Delhi knitwear fair for five days; photographs and visitor log attached.';
/** The programme's pool after set-up: ₹10 lakh. */
export const DEPOSITED = 10_00_000_00;

export type EscrowWorld = Awaited<ReturnType<typeof escrowWorld>>;

/**
 * The marketplace with the paper's fair-participation programme for Ludhiana (SIDBI, 50 → 38 →
 * 26 → 7 %, ₹10 lakh in its pool), tokens for KNIDGRO, the cluster admin and two providers, and
 * the steps of an award's money through the API. `tok` is re-issued by `issue()` after the clock moves.
 */
export async function escrowWorld(clock: Clock & { advance(ms: number): void }) {
  const t: TestApp = await marketApp({ clock });
  const programme = SubsidyProgramme.parse({
    id: t.deps.ids.next('programme'),
    funderId: FUNDERS.sidbi.id,
    name: 'Fair participation support',
    scope: { kind: 'cluster', clusterId: LUDHIANA },
    currency: 'INR',
    budget: inr(50_00_000_00),
    eligibleCategories: ['market-access'],
    schedule: [5000, 3800, 2600, 700],
    capPerAward: inr(10_00_000_00),
    validFrom: new Date(clock.now() - DAY).toISOString(),
    validUntil: new Date(clock.now() + 365 * DAY).toISOString(),
    priority: 10,
    status: 'open',
  });
  await t.stores.programmes.create(programme);
  await t.stores.ledger.execute({
    kind: 'deposit',
    id: `deposit:${programme.id}:seed`,
    funderId: FUNDERS.sidbi.id,
    programmeId: programme.id,
    amount: inr(DEPOSITED),
  });

  const base = (id: string) => `/api/clusters/${LUDHIANA}/requests/${id}`;
  const w = {
    t,
    programme,
    base,
    tok: {} as Record<'knidgro' | 'admin' | 'fairs' | 'itTraining', string>,
    async issue() {
      const [knidgro, admin, fairs, itTraining] = await Promise.all([
        tokenOf(t, demoActor('knidgro')),
        tokenOf(t, demoActor('ludhiana-cda')),
        tokenOf(t, providerActor('fairs')),
        tokenOf(t, providerActor('itTraining')),
      ]);
      w.tok = { knidgro, admin, fairs, itTraining };
    },
    pool: async () => (await t.stores.ledger.account(accountId({ kind: 'pool', programmeId: programme.id }))).available,
    payable: async (providerId: string) =>
      (await t.stores.ledger.account(accountId({ kind: 'payable', providerId }))).available,
    report: (id: string, index: number, attendedFirmIds: string[] = []) =>
      t.call('POST', `${base(id)}/milestones/${index}/report`, {
        token: w.tok.fairs,
        body: { evidence: EVIDENCE, attendedFirmIds },
      }),
    accept: (id: string, index: number) =>
      t.call('POST', `${base(id)}/milestones/${index}/accept`, { token: w.tok.knidgro }),
    /** Every listed firm of a reported milestone says it attended, entered by KNIDGRO with each firm's code. */
    async confirmAll(id: string, index: number) {
      await t.drain();
      const list = await t.call('GET', `${base(id)}/milestones/${index}/attendance`, { token: w.tok.knidgro });
      for (const f of list.body.firms as { code?: string; answer?: unknown }[]) {
        if (f.answer || !f.code) continue;
        const res = await t.call('POST', `${base(id)}/milestones/${index}/attendance/on-behalf`, {
          token: w.tok.knidgro,
          body: { code: f.code, attended: true },
        });
        expect(res.status).toBe(200);
      }
    },
    /** Runs the auto-accept handler as the scheduler would, at `occurredAt` (now by default). */
    autoAccept: (id: string, index: number, occurredAt = new Date(clock.now()).toISOString()) => {
      const fire = newEvent(
        'milestone.auto_accept',
        { requestId: id, index, autoAcceptAt: occurredAt },
        {
          id: `evt_auto${index}`,
          clusterId: LUDHIANA,
          occurredAt,
          correlationId: 'c',
        },
      );
      return onMilestoneAutoAccept(
        fire,
        { stores: t.stores, clock: t.clock, ids: t.deps.ids, log: silentLogger } as unknown as WorkerDeps,
        silentLogger,
      );
    },
    /**
     * A KNIDGRO fair-participation request pledged by two member firms and bid by the fair
     * organiser; unless `award` is false, closed, awarded and the worker drained, its subsidy held.
     */
    async fair(opts: {
      label: string;
      rupeesPerFirm?: number;
      award?: boolean;
      /** The firms' mail addresses (issue 12: a firm with one is mailed its confirmation link); two by default. */
      emails?: (string | undefined)[];
    }): Promise<{ id: string; firms: string[]; bidId: string; total: number }> {
      const id = await openRequestVia(
        t,
        w.tok.knidgro,
        LUDHIANA,
        newRequest(clock.now(), { title: `${opts.label} fair`, category: 'market-access' }),
      );
      const firms: string[] = [];
      const emails = opts.emails ?? [undefined, undefined];
      for (const [n, email] of emails.entries()) {
        const name = `${opts.label} firm ${String.fromCharCode(97 + n)}`;
        const firmId = await registerFirmVia(t, w.tok.knidgro, LUDHIANA, KNIDGRO, name, email);
        expect((await t.call('POST', `${base(id)}/pledges`, { token: w.tok.knidgro, body: { firmId } })).status).toBe(
          201,
        );
        firms.push(firmId);
      }
      const bid = await t.call('POST', `${base(id)}/bids`, {
        token: w.tok.fairs,
        body: newBid(opts.rupeesPerFirm ?? 30_000),
      });
      expect(bid.status).toBe(201);
      if (opts.award === false) return { id, firms, bidId: bid.body.id, total: 0 };
      clock.advance(TWO_HOURS);
      await w.issue();
      expect((await t.call('POST', `${base(id)}/close`, { token: w.tok.knidgro })).status).toBe(200);
      const awarded = await t.call('POST', `${base(id)}/award`, { token: w.tok.knidgro, body: { bidId: bid.body.id } });
      expect(awarded.status).toBe(200);
      await t.drain();
      expect((await t.call('GET', `${base(id)}/money`, { token: w.tok.knidgro })).body.status).toBe('held');
      return { id, firms, bidId: bid.body.id, total: awarded.body.award.total.amount as number };
    },
  };
  await w.issue();
  return w;
}
