import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewBid, priceAt, tierAt } from '../../../packages/core/src/bid';
import { priceCurve } from './arbitraries';
import { aBid, expectDomainError, inr, tiers } from './fixtures';

describe('volume price curve', () => {
  it('applies the tier with the greatest lower bound ≤ firms, and total = price × firms exactly', () => {
    fc.assert(
      fc.property(priceCurve(), fc.nat(), (curve, pick) => {
        // Prepare
        const first = curve.priceTiers[0]!.minFirms;
        const firms = first + (pick % (curve.capacity - first + 1));
        const expected = curve.priceTiers.filter((t) => t.minFirms <= firms).at(-1)!;
        // Act
        const quote = priceAt(curve, firms);
        // Assess
        expect(quote.tier).toEqual(expected);
        expect(quote.pricePerFirm).toEqual(expected.pricePerFirm);
        expect(BigInt(quote.total.amount)).toBe(BigInt(expected.pricePerFirm.amount) * BigInt(firms));
        expect(quote.total.currency).toBe('INR');
      }),
    );
  });

  it('refuses volumes below the first tier or above capacity', () => {
    fc.assert(
      fc.property(priceCurve(), fc.integer({ min: 1, max: 1000 }), (curve, firms) => {
        const first = curve.priceTiers[0]!.minFirms;
        if (firms < first) expectDomainError(() => priceAt(curve, firms), 'BID.VOLUME_BELOW_TIERS', 'invalid', 'firms');
        else if (firms > curve.capacity)
          expectDomainError(() => priceAt(curve, firms), 'BID.OVER_CAPACITY', 'invalid', 'firms');
        else expect(priceAt(curve, firms).firms).toBe(firms);
      }),
    );
  });

  it('prices the paper’s 10 / 20 / 50 firm tiers', () => {
    const bid = aBid(); // 10+: 5,000.00; 20+: 4,000.00; 50+: 3,000.00 per firm
    expect(priceAt(bid, 17).total).toEqual(inr(8_500_000));
    expect(priceAt(bid, 20).pricePerFirm).toEqual(inr(400_000));
    expect(priceAt(bid, 60).total).toEqual(inr(18_000_000));
    expect(tierAt(bid.priceTiers, 9)).toBeUndefined();
  });

  it('rejects tiers out of order, repeated, in mixed currencies, free, or beyond capacity', () => {
    const base = { capacity: 60, deliveryPlan: 'Install in week one, train in weeks two and three.' };
    const paths = (priceTiers: unknown, capacity = 60) => {
      const r = NewBid.safeParse({ ...base, capacity, priceTiers });
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(
      paths(
        tiers([
          [20, 4],
          [10, 5],
        ]),
      ),
    ).toEqual(['priceTiers.1.minFirms']);
    expect(
      paths(
        tiers([
          [10, 5],
          [10, 4],
        ]),
      ),
    ).toEqual(['priceTiers.1.minFirms']);
    expect(paths([...tiers([[10, 5]]), ...tiers([[20, 4]], 'USD')])).toEqual(['priceTiers.1.pricePerFirm.currency']);
    expect(paths(tiers([[10, 0]]))).toEqual(['priceTiers.0.pricePerFirm.amount']);
    expect(paths(tiers([[10, 5]]), 9)).toEqual(['capacity']);
    expect(
      paths(
        tiers([
          [10, 5],
          [20, 4],
        ]),
      ),
    ).toEqual([]);
  });
});
