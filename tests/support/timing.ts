import type { ProcurementTiming } from '@bds/core';

const DAY = 86_400_000;

/**
 * The national bounds every test harness runs with (integration `testApp`, the e2e stack, the
 * redelivery harness): a second to bid and no stand-still unless a test's cluster policy sets one,
 * so the many tests that reach a passed deadline or award a ranking never wait. A test of the
 * bounds themselves sets the cluster policy (seconds) or passes `NATIONAL_TIMING` (docs/testing.md).
 */
export const TEST_TIMING: ProcurementTiming = {
  biddingPeriod: { min: 1_000, max: 60 * DAY, default: 1_000 },
  standstill: { min: 0, max: 15 * DAY, default: 0 },
};
