import type { MoneyView } from '@bds/core';
import { attempt, type Person } from './http';
import type { SimCluster } from './world';

const DAY = 86_400_000;
type Id = { id: string };
interface RequestItem {
  id: string;
  title: string;
  status: string;
  category: string;
}
interface Tracked {
  path: string;
  rep: Person;
  /** The provider that won it, once awarded. */
  winner?: Person;
  /** Nothing more to do: every milestone decided, or the request ended without an award. */
  done?: boolean;
}
const ENDED = ['completed', 'cancelled', 'unsuccessful'];
const DECIDED = ['accepted', 'resolved', 'voided'];

/** The people of one simulated cluster, signed in on demand. */
export interface ClusterPeople {
  cluster: SimCluster;
  reps: Person[];
  providers: Person[];
}

/** What the actors did, for the summary. */
export interface Activity {
  posted: number;
  pledges: number;
  bids: number;
  awards: number;
  cancelled: number;
  reported: number;
  confirmed: number;
  accepted: number;
  disputed: number;
  resolved: number;
  deposits: number;
  payouts: number;
}

export const noActivity = (): Activity => ({
  posted: 0,
  pledges: 0,
  bids: 0,
  awards: 0,
  cancelled: 0,
  reported: 0,
  confirmed: 0,
  accepted: 0,
  disputed: 0,
  resolved: 0,
  deposits: 0,
  payouts: 0,
});

/**
 * The marketplace's people acting through the API, one simulated day at a time, every choice drawn from `random` in a
 * fixed order (clusters, then people, then their requests sorted by title), so a seed replays the same choices.
 */
export class Actors {
  readonly activity = noActivity();
  /** `requestId#index` of every milestone an association accepted by hand (the invariants need them). */
  readonly acceptedByHand = new Set<string>();
  private readonly tracked = new Map<string, Tracked>();
  private counter = 0;

  constructor(
    private readonly people: ClusterPeople[],
    private readonly admin: Person,
    private readonly funder: Person,
    private readonly random: () => number,
    private readonly now: () => Promise<number>,
  ) {}

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Day 0: every association registers its member firms. */
  async register(): Promise<void> {
    for (const { cluster, reps } of this.people)
      for (const [i, rep] of reps.entries()) {
        const association = cluster.associations[i];
        if (!association) continue;
        for (let f = 1; f <= association.firms; f++)
          await rep.post(`/api/clusters/${cluster.id}/associations/${association.id}/firms`, {
            name: `Unit ${f} of ${association.id}`,
            employees: 5 + Math.floor(this.random() * 40),
            mechanised: this.chance(0.5),
            womenLed: this.chance(0.3),
          });
      }
  }

  /** One day: post and pledge, bid, award, deliver, confirm, accept or dispute, resolve, fund and pay out. */
  async day(dayNumber: number): Promise<void> {
    for (const people of this.people) {
      await this.post(people);
      await this.bid(people);
      await this.award(people);
    }
    await this.deliver();
    await this.decide();
    if (this.chance(0.15)) await this.deposit(dayNumber);
    if (dayNumber % 7 === 6) await this.payout(dayNumber);
  }

  private async post({ cluster, reps }: ClusterPeople): Promise<void> {
    const categories = [...new Set(cluster.providers.flatMap((p) => p.categories))].sort();
    for (const [i, rep] of reps.entries()) {
      if (!this.chance(0.25)) continue;
      const association = cluster.associations[i];
      const category = this.pick(categories);
      if (!association || !category) continue;
      const now = await this.now();
      const title = `Simulated ${category} for ${association.id} #${++this.counter}`;
      const day = (n: number) => new Date(now + n * DAY).toISOString().slice(0, 10);
      const base = `/api/clusters/${cluster.id}/requests`;
      const r = await rep.post<Id>(base, {
        title,
        category,
        specification: `${category} for the member firms of ${association.id}, delivered in the cluster.`,
        deliverables: ['Delivery as specified', 'Attendance register'],
        place: 'Association hall',
        deliveryWindow: { start: day(13), end: day(45) },
        biddingDeadline: new Date(now + (7 + Math.floor(this.random() * 5)) * DAY + 60_000).toISOString(),
        minFirms: 2,
        maxFirms: 20,
        weights: { price: 60, quality: 40 },
        milestones: [
          { name: 'Delivered', shareBasisPoints: 7000 },
          { name: 'Follow-up', shareBasisPoints: 3000 },
        ],
        visibility: 'cluster',
        currency: 'INR',
      });
      const path = `${base}/${r.id}`;
      await rep.post(`${path}/publish`);
      this.activity.posted++;
      this.tracked.set(r.id, { path, rep });
      const firms = await rep.get<{ items: Id[] }>(`/api/clusters/${cluster.id}/associations/${association.id}/firms`);
      for (const firm of firms.items)
        if (this.chance(0.6) && (await attempt(() => rep.post(`${path}/pledges`, { firmId: firm.id }))) !== undefined)
          this.activity.pledges++;
    }
  }

  private async bid({ cluster, providers }: ClusterPeople): Promise<void> {
    for (const provider of providers) {
      const open = await provider.get<{ items: RequestItem[] }>(`/api/clusters/${cluster.id}/requests?limit=100`);
      const mine = await provider.get<{ items: { requestId: string }[] }>('/api/bids?limit=100');
      const bidOn = new Set(mine.items.map((b) => b.requestId));
      for (const r of [...open.items].sort((a, b) => a.title.localeCompare(b.title))) {
        if (r.status !== 'open' || bidOn.has(r.id) || !this.chance(0.35)) continue;
        const path = `/api/clusters/${cluster.id}/requests/${r.id}`;
        const rupees = 4_000 + Math.floor(this.random() * 20_000);
        const bid = await attempt(() =>
          provider.post(`${path}/bids`, {
            priceTiers: [
              { minFirms: 2, pricePerFirm: { amount: rupees * 100, currency: 'INR' } },
              { minFirms: 6, pricePerFirm: { amount: Math.round(rupees * 0.85) * 100, currency: 'INR' } },
            ],
            capacity: 20,
            deliveryPlan: 'Delivery in the cluster over four weeks, with an attendance register per session.',
          }),
        );
        if (bid !== undefined) this.activity.bids++;
      }
    }
  }

  private async award({ cluster, reps, providers }: ClusterPeople): Promise<void> {
    for (const rep of reps) {
      const list = await rep.get<{ items: RequestItem[] }>(`/api/clusters/${cluster.id}/requests?limit=100`);
      for (const r of [...list.items].sort((a, b) => a.title.localeCompare(b.title))) {
        const tracked = this.tracked.get(r.id);
        if (tracked && ENDED.includes(r.status)) tracked.done = true;
        if (!tracked || tracked.rep !== rep || r.status !== 'evaluating') continue;
        if (this.chance(0.05)) {
          const reason = 'The member firms asked to postpone this training to the next season.';
          if (await attempt(() => rep.post(`${tracked.path}/cancel`, { reason }))) {
            this.activity.cancelled++;
            tracked.done = true;
          }
          continue;
        }
        const evaluation = await attempt(() =>
          rep.get<{ recommended?: { bidId: string; providerId: string } }>(`${tracked.path}/evaluation`),
        );
        const recommended = evaluation?.recommended;
        if (!recommended) continue;
        // Refused while the stand-still runs: the association comes back another day.
        if (await attempt(() => rep.post(`${tracked.path}/award`, { bidId: recommended.bidId }))) {
          this.activity.awards++;
          const index = cluster.providers.findIndex((p) => p.id === recommended.providerId);
          const winner = providers[index];
          if (winner) tracked.winner = winner;
        }
      }
    }
  }

  /** Providers report the next milestone of what they won; firms confirm (on behalf, by their association's rep). */
  private async deliver(): Promise<void> {
    for (const [, t] of [...this.tracked].sort(([a], [b]) => a.localeCompare(b))) {
      if (!t.winner || t.done || !this.chance(0.5)) continue;
      const money = await attempt(() => t.rep.get<MoneyView>(`${t.path}/money`));
      const next = money?.milestones.find((m) => m.status === 'awaiting_delivery');
      if (!money || money.status !== 'held' || !next) continue;
      if (money.milestones.some((m) => m.index < next.index && !['accepted', 'resolved'].includes(m.status))) continue;
      const pledged = await t.rep.get<{ items: { firmId: string }[] }>(`${t.path}/pledges`);
      const attended = pledged.items.map((p) => p.firmId).filter(() => this.chance(0.9));
      const path = `${t.path}/milestones/${next.index}`;
      const winner = t.winner;
      const evidence = `Delivered to ${attended.length} firms; attendance sheets kept by the association.`;
      if (!(await attempt(() => winner.post(`${path}/report`, { evidence, attendedFirmIds: attended })))) continue;
      this.activity.reported++;
    }
  }

  /** Associations answer for their firms, then accept, dispute or stay silent (auto-acceptance); admins resolve. */
  private async decide(): Promise<void> {
    for (const [requestId, t] of [...this.tracked].sort(([a], [b]) => a.localeCompare(b))) {
      if (!t.winner || t.done) continue;
      const money = await attempt(() => t.rep.get<MoneyView>(`${t.path}/money`));
      if (money && money.milestones.every((m) => DECIDED.includes(m.status))) t.done = true;
      for (const m of money?.milestones ?? []) {
        const path = `${t.path}/milestones/${m.index}`;
        if (m.status === 'disputed' && this.chance(0.5)) {
          const outcome = this.pick(['release', 'void'] as const) ?? 'release';
          const reason = 'The admin heard both sides and read the attendance sheets.';
          if (await attempt(() => this.admin.post(`${path}/resolve`, { outcome, reason }))) this.activity.resolved++;
          continue;
        }
        if (m.status !== 'reported') continue;
        await this.confirmAttendance(t, path);
        const choice = this.random();
        if (choice < 0.55) {
          if (await attempt(() => t.rep.post(`${path}/accept`))) {
            this.activity.accepted++;
            this.acceptedByHand.add(`${requestId}#${m.index}`);
          }
        } else if (choice < 0.65) {
          const reason = 'Two of our firms say the session did not take place on the reported date.';
          if (await attempt(() => t.rep.post(`${path}/dispute`, { reason }))) this.activity.disputed++;
        }
      }
    }
  }

  private async confirmAttendance(t: Tracked, path: string): Promise<void> {
    const list = await attempt(() => t.rep.get<{ firms: { code?: string; answer?: unknown }[] }>(`${path}/attendance`));
    for (const firm of list?.firms ?? []) {
      if (firm.answer || !firm.code || !this.chance(0.7)) continue;
      const attended = this.chance(0.9);
      if (await attempt(() => t.rep.post(`${path}/attendance/on-behalf`, { code: firm.code, attended })))
        this.activity.confirmed++;
    }
  }

  private async deposit(dayNumber: number): Promise<void> {
    const programmes = await this.funder.get<{ items: { id: string; status: string }[] }>('/api/programmes?limit=50');
    const open = programmes.items.filter((p) => p.status === 'open').sort((a, b) => a.id.localeCompare(b.id));
    const programme = this.pick(open);
    if (!programme) return;
    const amount = { amount: (1 + Math.floor(this.random() * 5)) * 1_00_000 * 100, currency: 'INR' };
    const depositId = `sim-day-${dayNumber}`;
    if (await attempt(() => this.funder.post(`/api/programmes/${programme.id}/deposits`, { depositId, amount })))
      this.activity.deposits++;
  }

  private async payout(dayNumber: number): Promise<void> {
    if (await attempt(() => this.admin.post('/api/payouts', { payoutId: `payout_sim${dayNumber}` })))
      this.activity.payouts++;
  }
}
