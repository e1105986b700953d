import fc from 'fast-check';
import type { Delivery, FunderKind } from '@bds/core';

export const CLUSTERS = [
  { id: 'clu_A', state: 'Punjab' },
  { id: 'clu_B', state: 'punjab ' },
  { id: 'clu_C', state: 'Rajasthan' },
];
export const FUNDERS: Record<string, FunderKind> = {
  fnd_prog: 'programme',
  fnd_bank: 'development_bank',
  fnd_state: 'state_agency',
  fnd_other: 'other',
};
const FIRMS = Array.from({ length: 12 }, (_, i) => `frm_${i}`);
const CATEGORIES = ['training', 'design', 'market-access', 'custom:block-printing'];
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];

/**
 * A random counted milestone. Firms are shared between clusters, so one firm can be served in
 * two clusters (it must count once nationally); funders of every kind co-finance.
 */
export const deliveryArb = (n: number): fc.Arbitrary<Delivery> =>
  fc
    .record({
      cluster: fc.constantFrom(...CLUSTERS),
      request: fc.integer({ min: 0, max: 30 }),
      month: fc.constantFrom(...MONTHS),
      day: fc.integer({ min: 1, max: 28 }),
      category: fc.constantFrom(...CATEGORIES),
      provider: fc.constantFrom('prv_1', 'prv_2', 'prv_3'),
      association: fc.constantFrom('asc_1', 'asc_2'),
      delivered: fc.integer({ min: 0, max: 5_000_000 }),
      parts: fc.dictionary(fc.constantFrom(...Object.keys(FUNDERS)), fc.integer({ min: 0, max: 1_000_000 }), {
        maxKeys: 3,
      }),
      firms: fc.uniqueArray(fc.constantFrom(...FIRMS), { maxLength: 5 }),
      under: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      bids: fc.integer({ min: 0, max: 9 }),
      repeatCount: fc.integer({ min: 0, max: 5 }),
    })
    .map((r): Delivery => {
      // Public parts never exceed the delivered value: scale them down to fit.
      const sum = Object.values(r.parts).reduce((a, b) => a + b, 0);
      const byFunder: Record<string, number> = {};
      for (const [f, a] of Object.entries(r.parts)) {
        const part = sum > r.delivered ? Math.floor((a * r.delivered) / sum) : a;
        if (part > 0) byFunder[f] = part;
      }
      const pub = Object.values(byFunder).reduce((a, b) => a + b, 0);
      const requestId = `req_${r.cluster.id}_${r.request}`;
      return {
        key: `${requestId}#${n}`,
        clusterId: r.cluster.id,
        state: r.cluster.state,
        requestId,
        index: n,
        at: `${r.month}-${String(r.day).padStart(2, '0')}T10:00:00.000Z`,
        month: r.month,
        currency: 'INR',
        category: r.category,
        providerId: r.provider,
        associationId: r.association,
        associationName: r.association.toUpperCase(),
        delivered: r.delivered,
        public: pub,
        byFunder,
        byProgramme: Object.fromEntries(Object.entries(byFunder).map(([f, a]) => [`prg_${f}`, a])),
        firms: [...r.firms].sort(),
        underServed: r.firms.filter((_, i) => r.under[i]).sort(),
        // The same request always had the same number of bids.
        bids: r.request % 7,
        repeatCount: r.repeatCount,
        // One association's n-th award of a category is one award: its share is a function of the three.
        shareBasisPoints: shareOf(r.association, r.category, r.repeatCount),
        funderIds: Object.keys(byFunder).sort(),
      };
    });

/** Distinct milestones (the index makes each key unique). */
export const historyArb = (max: number) =>
  fc
    .integer({ min: 0, max })
    .chain((n) =>
      n === 0 ? fc.constant([] as Delivery[]) : fc.tuple(...Array.from({ length: n }, (_, i) => deliveryArb(i))),
    );

function shareOf(association: string, category: string, n: number): number {
  let h = n;
  for (const ch of `${association}${category}`) h = (h * 31 + ch.charCodeAt(0)) % 10_001;
  return h;
}
