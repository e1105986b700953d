import type { ScreenedRequest } from '../../../packages/core/src/screens';

/** mulberry32: a small seeded generator, so a market is a function of its seed (the bench replays it). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fisher–Yates with the market's generator. */
function shuffle<T>(items: readonly T[], r: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const CATEGORIES = ['training', 'design', 'it-software', 'testing', 'market-access'];
const inr = (amount: number) => ({ amount, currency: 'INR' as const });
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * An honest market: a cluster with 1–4 categories, each with a pool of 3–8 providers of their own
 * cost level (±15 %), and 3–15 closed requests. Each request draws 1–5 bidders (one bidder about
 * one request in ten), prices each at its cost level times ±12 % noise times the volume, and the
 * lowest total wins (price-led evaluation); 80 % of the ranked requests are awarded. Nobody
 * coordinates anything.
 */
export function honestMarket(seed: number): ScreenedRequest[] {
  const r = rng(seed);
  const pick = (n: number) => Math.floor(r() * n);
  const out: ScreenedRequest[] = [];
  const categories = CATEGORIES.slice(0, 1 + pick(4));
  let n = 0;
  for (const category of categories) {
    const pool = Array.from({ length: 3 + pick(6) }, (_, i) => ({
      id: `prv_${category}_${i}`,
      level: 0.95 + r() * 0.1,
    }));
    const base = 5_000_00 + pick(95_000_00);
    const requests = 3 + pick(13);
    for (let k = 0; k < requests; k++) {
      const volume = 5 + pick(30);
      const u = r();
      const bidders = Math.min(pool.length, u < 0.1 ? 1 : u < 0.4 ? 2 : u < 0.7 ? 3 : u < 0.9 ? 4 : 5);
      const chosen = shuffle(pool, r).slice(0, bidders);
      const bids = chosen.map((p) => ({
        providerId: p.id,
        total: inr(Math.round(base * p.level * (0.85 + r() * 0.3)) * volume),
      }));
      const winner = [...bids].sort((a, b) => a.total.amount - b.total.amount)[0]!;
      out.push({
        requestId: `req_${String(n++).padStart(4, '0')}`,
        category,
        closedAt: new Date(T0 + n * DAY).toISOString(),
        bids,
        winnerId: winner.providerId,
        ...(r() < 0.8 ? { awarded: winner.total } : {}),
      });
    }
  }
  return out;
}

let nextId = 0;
const reqId = () => `req_x${String(nextId++).padStart(5, '0')}`;
const at = (i: number) => new Date(T0 + (400 + i) * DAY).toISOString();

/** Two providers pricing within 0.2 % of each other on `joint` requests of a fresh category. */
export function identicalPattern(joint: number, base: number): ScreenedRequest[] {
  return Array.from({ length: joint }, (_, i) => {
    const a = base + i * 1_000_00;
    const b = a + Math.floor((a * 2) / 1_000);
    return {
      requestId: reqId(),
      category: 'custom:rigged-a',
      closedAt: at(i),
      bids: [
        { providerId: 'prv_twin_a', total: inr(a) },
        { providerId: 'prv_twin_b', total: inr(b) },
        { providerId: 'prv_other', total: inr(a + Math.floor(a / 10)) },
      ],
      winnerId: 'prv_twin_a',
      awarded: inr(a),
    };
  });
}

/** Two providers taking turns to win, each bidding ≥ `ratioPct` % of the other's price when it loses. */
export function coverPattern(pairs: number, base: number, ratioPct: number): ScreenedRequest[] {
  return Array.from({ length: pairs * 2 }, (_, i) => {
    const [w, l] = i % 2 === 0 ? ['prv_cov_a', 'prv_cov_b'] : ['prv_cov_b', 'prv_cov_a'];
    return {
      requestId: reqId(),
      category: 'custom:rigged-b',
      closedAt: at(i),
      bids: [
        { providerId: w, total: inr(base) },
        { providerId: l, total: inr(Math.ceil((base * ratioPct) / 100)) },
      ],
      winnerId: w,
      awarded: inr(base),
    };
  });
}

/** `members` providers (2 or 3) winning in a fixed turn for `length` requests, all bidding each time. */
export function rotationPattern(members: 2 | 3, length: number, base: number): ScreenedRequest[] {
  const ids = ['prv_rot_a', 'prv_rot_b', 'prv_rot_c'].slice(0, members);
  return Array.from({ length }, (_, i) => {
    const winner = ids[i % members]!;
    return {
      requestId: reqId(),
      category: 'custom:rigged-c',
      closedAt: at(i),
      bids: ids.map((id) => ({ providerId: id, total: inr(id === winner ? base : base + 7_000_00) })),
      winnerId: winner,
      awarded: inr(base),
    };
  });
}

/** `single` single-bid requests among `single + others` requests of a fresh category. */
export function singleBidPattern(single: number, others: number, base: number): ScreenedRequest[] {
  return Array.from({ length: single + others }, (_, i) => {
    const bids =
      i < single
        ? [{ providerId: `prv_lone_${i % 2}`, total: inr(base) }]
        : [
            { providerId: 'prv_lone_0', total: inr(base) },
            { providerId: 'prv_lone_1', total: inr(base + 9_000_00) },
          ];
    return { requestId: reqId(), category: 'custom:rigged-d', closedAt: at(i), bids, winnerId: bids[0]!.providerId };
  });
}

/** One provider winning `wins` of `wins + others` awards of equal value against two rivals each time. */
export function sharePattern(wins: number, others: number, base: number): ScreenedRequest[] {
  return Array.from({ length: wins + others }, (_, i) => {
    const winner = i < wins ? 'prv_erp' : `prv_small_${i % 2}`;
    const rivals = ['prv_erp', 'prv_small_0', 'prv_small_1'].filter((id) => id !== winner).slice(0, 2);
    return {
      requestId: reqId(),
      category: 'custom:rigged-e',
      closedAt: at(i * 7),
      bids: [
        { providerId: winner, total: inr(base) },
        ...rivals.map((id) => ({ providerId: id, total: inr(base + 2_000_00) })),
      ],
      winnerId: winner,
      awarded: inr(base),
    };
  });
}
