import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../packages/core/src/errors';
import { perFirmShare } from '../../../packages/core/src/subsidy';

const inr = (amount: number) => ({ amount, currency: 'INR' as const });

describe('perFirmShare', () => {
  it('splits the paper’s example evenly: ₹26,400 between 12 firms is ₹2,200 each', () => {
    // Act
    const share = perFirmShare(inr(2_640_000), 12);

    // Assess
    expect(share).toEqual({ perFirm: inr(220_000), even: true });
  });

  it('rounds an uneven share up, so the firms together cover it', () => {
    // Act
    const share = perFirmShare(inr(1_000), 3);

    // Assess
    expect(share).toEqual({ perFirm: inr(334), even: false });
  });

  it('never tells a firm less than it owes, nor a paisa more than needed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 10_000 }), (amount, firms) => {
        // Act
        const { perFirm, even } = perFirmShare(inr(amount), firms);

        // Assess
        expect(Number.isSafeInteger(perFirm.amount)).toBe(true);
        expect(perFirm.amount * firms).toBeGreaterThanOrEqual(amount);
        expect((perFirm.amount - 1) * firms).toBeLessThan(amount);
        expect(even).toBe(perFirm.amount * firms === amount);
      }),
    );
  });

  it('refuses an award shared by no firm', () => {
    // Act + Assess
    expect(() => perFirmShare(inr(100), 0)).toThrow(DomainError);
  });
});
