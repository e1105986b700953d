import type { Actor } from '@bds/core';
import { ASSOCIATIONS, CLUSTERS, PROVIDERS } from '../../../functions/local/seed/data';
import { ACTORS, bid, requestBody } from '../api/scenario';

/** One call a user made: which operation, how long, and whether it answered what the user expected. */
export interface CallRecord {
  operation: string;
  ms: number;
  ok: boolean;
  detail?: string;
}

/** What the users share: the requests in play and who has bid or pledged on each (so no call is a conflict). */
interface Open {
  id: string;
  owner: 'knidgro' | 'appeal';
  deadline: number;
  bidders: Set<string>;
  /** Bids answered 201 (a claim in `bidders` may still be in flight). */
  placed: Set<string>;
  pledged: Set<string>;
  /** Claimed by the user awarding it, or done. */
  settled: boolean;
}

const cluster = CLUSTERS.ludhiana.id;
const reqs = `/api/clusters/${cluster}/requests`;
const firmsOf = (a: 'knidgro' | 'appeal') => `/api/clusters/${cluster}/associations/${ASSOCIATIONS[a].id}/firms`;
const provider = (key: 'itTraining' | 'nift'): Actor => ({
  userId: `usr_${key}`,
  role: 'provider',
  organisationId: PROVIDERS[key].id,
  clusterIds: [...PROVIDERS[key].clusterIds],
});

/** The people of the load: two associations, two providers bidding on training, the cluster admin. */
export const LOAD_ACTORS = {
  knidgro: ACTORS.knidgro,
  appeal: ACTORS.appeal,
  it: provider('itTraining'),
  nift: provider('nift'),
  admin: ACTORS.admin,
};
export type LoadActor = keyof typeof LOAD_ACTORS;

/** 50 users: 20 association reps, 20 providers, 10 cluster admins (in that rotation of actors). */
export const USERS: LoadActor[] = Array.from({ length: 50 }, (_, i) =>
  i < 20 ? (i % 2 ? 'appeal' : 'knidgro') : i < 40 ? (i % 2 ? 'nift' : 'it') : 'admin',
);

/** The world the users act in, over HTTP against the local stack. */
export function loadWorld(
  url: string,
  tokens: Record<LoadActor, string>,
  opts: { biddingMs: number; marginMs: number },
) {
  const open: Open[] = [];
  const firms: Record<'knidgro' | 'appeal', string[]> = { knidgro: [], appeal: [] };
  const records: CallRecord[] = [];
  const call = async (
    operation: string,
    who: LoadActor,
    method: string,
    path: string,
    expected: number,
    body?: unknown,
  ): Promise<{ ok: boolean; body: Record<string, unknown> }> => {
    const t = performance.now();
    try {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const ok = res.status === expected;
      records.push({ operation, ms: performance.now() - t, ok, ...(ok ? {} : { detail: `${res.status} ${text}` }) });
      return { ok, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    } catch (error) {
      records.push({ operation, ms: performance.now() - t, ok: false, detail: String(error) });
      return { ok: false, body: {} };
    }
  };
  const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
  const biddable = () => open.filter((r) => r.deadline > Date.now() + opts.marginMs);

  /** Each association imports firms to pledge before the clock starts. */
  async function prepare(): Promise<void> {
    for (const a of ['knidgro', 'appeal'] as const) {
      const csv = [
        'name,employees,mechanised,women_led',
        ...Array.from({ length: 100 }, (_, i) => `${a} L${i},9,no,no`),
      ];
      const out = await call('importFirms (prepare)', a, 'POST', `${firmsOf(a)}/import`, 201, { csv: csv.join('\n') });
      firms[a] = (out.body.items as { id: string }[]).map((f) => f.id);
    }
  }

  async function association(who: 'knidgro' | 'appeal'): Promise<void> {
    const r = Math.random();
    const mine = open.filter((x) => x.owner === who);
    const due = mine.find((x) => !x.settled && x.deadline < Date.now() - opts.marginMs);
    if (due && r < 0.3) {
      due.settled = true;
      const req = await call('getRequest', who, 'GET', `${reqs}/${due.id}`, 200);
      if (req.body.status === 'open') due.settled = false; // the deadline worker has not closed it yet
      if (req.body.status !== 'evaluating') return;
      const ev = await call('getEvaluation', who, 'GET', `${reqs}/${due.id}/evaluation`, 200);
      const bidId = (ev.body.recommended as { bidId?: string } | undefined)?.bidId;
      if (bidId) await call('awardRequest', who, 'POST', `${reqs}/${due.id}/award`, 200, { bidId });
      return;
    }
    if (r < 0.45) {
      const posted = await call('postRequest', who, 'POST', reqs, 201, requestBody(Date.now(), opts.biddingMs));
      if (!posted.ok) return;
      const id = posted.body.id as string;
      const published = await call('publishRequest', who, 'POST', `${reqs}/${id}/publish`, 200);
      const deadline = Date.parse(published.body.biddingDeadline as string);
      if (published.ok)
        open.push({
          id,
          owner: who,
          deadline,
          bidders: new Set(),
          placed: new Set(),
          pledged: new Set(),
          settled: false,
        });
      return;
    }
    const target = pick(biddable().filter((x) => x.owner === who));
    if (target && r < 0.75) {
      const firm = firms[who].find((f) => !target.pledged.has(f));
      if (!firm) return;
      target.pledged.add(firm);
      await call('pledgeFirm', who, 'POST', `${reqs}/${target.id}/pledges`, 201, { firmId: firm });
      return;
    }
    if (r < 0.9) await call('listRequests', who, 'GET', `${reqs}?limit=20`, 200);
    else if (target) await call('getRequest', who, 'GET', `${reqs}/${target.id}`, 200);
  }

  async function bidder(who: 'it' | 'nift'): Promise<void> {
    const r = Math.random();
    const target = pick(biddable().filter((x) => !x.bidders.has(who)));
    if (target && r < 0.4) {
      target.bidders.add(who);
      const placed = await call(
        'submitBid',
        who,
        'POST',
        `${reqs}/${target.id}/bids`,
        201,
        bid(5_000 + Math.floor(r * 2_000)),
      );
      if (placed.ok) target.placed.add(who);
      return;
    }
    const mine = pick(biddable().filter((x) => x.placed.has(who)));
    if (mine && r < 0.6) await call('getMyBid', who, 'GET', `${reqs}/${mine.id}/bids/mine`, 200);
    else if (r < 0.8) await call('listRequests (open, by category)', who, 'GET', `${reqs}?category=training`, 200);
    else await call('listOwnBids (GSI)', who, 'GET', '/api/bids?limit=20', 200);
  }

  async function admin(): Promise<void> {
    const target = pick(open);
    if (target && Math.random() < 0.5) await call('getRequest', 'admin', 'GET', `${reqs}/${target.id}`, 200);
    else await call('listRequests', 'admin', 'GET', `${reqs}?limit=20`, 200);
  }

  /** One user acting until `until`, one call after another. */
  async function user(who: LoadActor, until: number): Promise<void> {
    while (Date.now() < until) {
      if (who === 'knidgro' || who === 'appeal') await association(who);
      else if (who === 'it' || who === 'nift') await bidder(who);
      else await admin();
    }
  }

  return { prepare, user, records, open };
}
