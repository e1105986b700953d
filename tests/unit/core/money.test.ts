import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  allocate,
  compare,
  money,
  moneyText,
  percentText,
  subtract,
  times,
  type Currency,
} from '../../../packages/core/src/money';
import { expectDomainError } from './fixtures';

const amount = fc.integer({ min: -1e13, max: 1e13 });
const currency = fc.constantFrom<Currency>('INR', 'USD', 'EUR');

describe('money', () => {
  it('allocate: the parts always sum to the whole, and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        amount,
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (a, weights) => {
          // Prepare
          const whole = money(a, 'INR');
          const total = weights.reduce((s, w) => s + w, 0);
          // Act
          const parts = allocate(whole, weights);
          // Assess
          expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(a);
          parts.forEach((p, i) => expect(Math.abs(p.amount - (a * (weights[i] ?? 0)) / total)).toBeLessThan(1));
        },
      ),
    );
  });

  it('allocate splits escrow by milestone basis points with no paisa lost', () => {
    const parts = allocate(money(100_001, 'INR'), [3_334, 3_333, 3_333]);
    expect(parts.map((p) => p.amount)).toEqual([33_341, 33_330, 33_330]);
  });

  it('add and subtract are inverse', () => {
    fc.assert(
      fc.property(amount, amount, currency, (x, y, c) => {
        const a = money(x, c);
        const b = money(y, c);
        expect(subtract(add(a, b), b)).toEqual(a);
        expect(add(subtract(a, b), b)).toEqual(a);
      }),
    );
  });

  it('times is exact for whole multipliers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 10_000 }), (p, n) => {
        expect(BigInt(times(money(p, 'INR'), n).amount)).toBe(BigInt(p) * BigInt(n));
      }),
    );
  });

  it('refuses to combine two currencies', () => {
    fc.assert(
      fc.property(amount, amount, currency, currency, (x, y, c1, c2) => {
        fc.pre(c1 !== c2);
        expectDomainError(() => add(money(x, c1), money(y, c2)), 'MONEY.CURRENCY_MISMATCH', 'invalid', 'currency');
        expectDomainError(() => subtract(money(x, c1), money(y, c2)), 'MONEY.CURRENCY_MISMATCH');
        expectDomainError(() => compare(money(x, c1), money(y, c2)), 'MONEY.CURRENCY_MISMATCH');
      }),
    );
  });

  it('refuses fractional amounts', () => {
    expectDomainError(() => money(10.5, 'INR'), 'MONEY.NOT_INTEGER', 'invalid', 'amount');
    expectDomainError(() => times(money(10, 'INR'), 1.5), 'MONEY.NOT_INTEGER');
  });

  it('moneyText reads rupees the Indian way and keeps every paisa', () => {
    // Assess: fixed points a person would check
    expect(moneyText(money(1_800_000_00, 'INR'))).toBe('₹18,00,000');
    expect(moneyText(money(99_50, 'INR'))).toBe('₹99.50');
    expect(moneyText(money(5, 'INR'))).toBe('₹0.05');
    // and for any amount, the digits read back are the amount
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (paise) => {
        const digits = moneyText(money(paise, 'INR')).replace(/[^0-9]/g, '');
        expect(Number(digits) * (paise % 100 === 0 ? 100 : 1)).toBe(paise);
      }),
    );
  });

  it('percentText reads basis points as the percentage a person typed', () => {
    expect([10_000, 3_800, 1_250, 1_205, 1, 0].map(percentText)).toEqual([
      '100%',
      '38%',
      '12.5%',
      '12.05%',
      '0.01%',
      '0%',
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (bp) => {
        // Read back as a number, the text is exactly bp / 100: nothing rounded away.
        expect(Math.round(Number(percentText(bp).slice(0, -1)) * 100)).toBe(bp);
      }),
    );
  });
});
