import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE_POLICY,
  SizePolicy,
  createFirm,
  isUnderServed,
  sizeClass,
  withProfile,
} from '../../../packages/core/src/firm';
import { CLUSTER, LEAD, aFirm, countingIds, created } from './fixtures';

const employees = fc.integer({ min: 1, max: 100_000 });
const policy = fc
  .tuple(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 60 }))
  .map(([micro, gap, nm]) =>
    SizePolicy.parse({ microBelow: micro, smallBelow: micro + gap, nonMechanisedUnderServedBelow: nm }),
  );
const rank = { micro: 0, small: 1, medium: 2 } as const;

describe('firm size and outreach', () => {
  it('uses micro < 10, small < 50, medium otherwise by default', () => {
    expect([1, 9, 10, 49, 50, 5000].map((n) => sizeClass(n))).toEqual([
      'micro',
      'micro',
      'small',
      'small',
      'medium',
      'medium',
    ]);
  });

  it('size class never shrinks as a firm grows, under any policy', () => {
    fc.assert(
      fc.property(employees, employees, policy, (a, b, p) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[sizeClass(lo, p)]).toBeLessThanOrEqual(rank[sizeClass(hi, p)]);
      }),
    );
  });

  it('every micro firm is under-served; a mechanised non-micro firm never is', () => {
    fc.assert(
      fc.property(employees, fc.boolean(), policy, (n, mechanised, p) => {
        if (sizeClass(n, p) === 'micro') expect(isUnderServed({ employees: n, mechanised }, p)).toBe(true);
        else if (mechanised) expect(isUnderServed({ employees: n, mechanised }, p)).toBe(false);
      }),
    );
  });

  it('a firm without machines is under-served below 20 persons (the paper, note 9)', () => {
    expect(isUnderServed({ employees: 19, mechanised: false })).toBe(true);
    expect(isUnderServed({ employees: 20, mechanised: false })).toBe(false);
    expect(isUnderServed({ employees: 19, mechanised: true })).toBe(false);
    expect(
      isUnderServed(
        { employees: 90, mechanised: false },
        { ...DEFAULT_SIZE_POLICY, nonMechanisedUnderServedBelow: Number.MAX_SAFE_INTEGER },
      ),
    ).toBe(true);
  });

  it('refuses a policy whose micro threshold is not below small', () => {
    expect(SizePolicy.safeParse({ microBelow: 50, smallBelow: 50, nonMechanisedUnderServedBelow: 20 }).success).toBe(
      false,
    );
  });

  it('derives the profile on read', () => {
    expect(withProfile(aFirm({ employees: 8, mechanised: true }))).toMatchObject({
      sizeClass: 'micro',
      underServed: true,
    });
    expect(withProfile(aFirm({ employees: 8 }), { ...DEFAULT_SIZE_POLICY, microBelow: 5 })).toMatchObject({
      sizeClass: 'small',
      underServed: false,
    });
  });

  it('creates a firm with id, tenant and timestamp, refusing zero employees', () => {
    const ctx = { clusterId: CLUSTER, associationId: LEAD, ids: countingIds(), clock: created };
    const firm = createFirm({ name: ' Gupta Knits ', employees: 4, mechanised: false, womenLed: true }, ctx);
    expect(firm).toMatchObject({
      name: 'Gupta Knits',
      clusterId: CLUSTER,
      associationId: LEAD,
      createdAt: '2025-03-01T00:00:00.000Z',
    });
    expect(firm.id).toMatch(/^frm_/);
    expect(() => createFirm({ name: 'Empty', employees: 0, mechanised: false, womenLed: false }, ctx)).toThrow();
  });
});
