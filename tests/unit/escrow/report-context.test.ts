import { describe, expect, it } from 'vitest';
import { reportContext } from '../../../packages/core/src/escrow';
import { DEFAULT_SIZE_POLICY } from '../../../packages/core/src/firm/size';
import { AT, FIRM_1, FIRM_2, PLEDGED } from './fixtures';

const micro = { id: FIRM_1, employees: 6, mechanised: true };
const medium = { id: FIRM_2, employees: 60, mechanised: true };

describe('the context a milestone report is checked against', () => {
  it('takes the national defaults when the cluster has set no policy', () => {
    // Act
    const ctx = reportContext({ policy: undefined, pledgedFirmIds: PLEDGED, attendedFirms: [micro, medium], at: AT });
    // Assess
    expect(ctx).toEqual({ pledgedFirmIds: PLEDGED, at: AT, autoAcceptDays: 14, underServedFirmIds: new Set([FIRM_1]) });
  });

  it("judges the attending firms by the cluster's own size rule and waits its own days", () => {
    // Prepare: a cluster where under 100 employees is micro
    const policy = { size: { ...DEFAULT_SIZE_POLICY, microBelow: 100, smallBelow: 200 }, milestoneAutoAcceptDays: 30 };
    // Act
    const ctx = reportContext({ policy, pledgedFirmIds: PLEDGED, attendedFirms: [micro, medium], at: AT });
    // Assess
    expect(ctx.autoAcceptDays).toBe(30);
    expect(ctx.underServedFirmIds).toEqual(new Set([FIRM_1, FIRM_2]));
  });

  it('counts no firm that was not pledged as under-served', () => {
    const ctx = reportContext({ policy: undefined, pledgedFirmIds: new Set([FIRM_2]), attendedFirms: [micro], at: AT });
    expect(ctx.underServedFirmIds).toEqual(new Set());
  });
});
