import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import {
  escrowHolds,
  holdId,
  ledgerViolations,
  MemoryLedger,
  programmeFunds,
  accountId,
} from '../../../packages/core/src/ledger';
import { money } from '../../../packages/core/src/money';
import { computeSubsidy, splitByMilestones } from '../../../packages/core/src/subsidy';
import { award, programme } from '../subsidy/fixtures';
import { AT, cmd } from './fixtures';

const milestones = [
  { name: 'Course delivered', shareBasisPoints: 7000 },
  { name: 'Certificates issued', shareBasisPoints: 3000 },
];

describe('from subsidy to escrow', () => {
  it('holds one transfer per milestone and programme, with ids derived from the award', () => {
    // Prepare
    const p = programme();
    const split = computeSubsidy(award(), [p], 0, {
      [p.id]: { available: money(1e12, 'INR'), committed: money(0, 'INR') },
    });
    // Act
    const holds = escrowHolds(
      { clusterId: 'clu_1', awardId: 'req_1', providerId: 'prv_1' },
      splitByMilestones(split, milestones),
    );
    // Assess
    expect(holds.map((h) => [h.id, h.kind === 'hold' ? h.amount.amount : 0])).toEqual([
      [holdId('req_1', 0, p.id), 35_000_00],
      [holdId('req_1', 1, p.id), 15_000_00],
    ]);
    expect(holds[0]).toMatchObject({
      programmeId: p.id,
      clusterId: 'clu_1',
      awardId: 'req_1',
      providerId: 'prv_1',
      memo: 'Milestone 1: Course delivered',
    });
  });

  it(
    'four successive awards under one 50/38/26/7 programme hold ' +
      'exactly those shares, funds and budget read from the ledger',
    () => {
      // Prepare: the programme's pool holds ₹10 lakh
      const p = programme({ budget: money(10_00_000_00, 'INR') });
      const ledger = new MemoryLedger(fixedClock(AT));
      ledger.execute(cmd.deposit('d1', 10_00_000_00, { programmeId: p.id, funderId: 'fnd_1' }));
      const pool = accountId({ kind: 'pool', programmeId: p.id });
      // Act: award n has n earlier awards of the category
      const held = [0, 1, 2, 3].map((n) => {
        const split = computeSubsidy(award(), [p], n, { [p.id]: programmeFunds(ledger.account(pool), 'INR') });
        const holds = escrowHolds(
          { clusterId: 'clu_1', awardId: `req_${n}`, providerId: 'prv_1' },
          splitByMilestones(split, milestones),
        );
        holds.forEach((h) => ledger.execute(h));
        return holds.reduce((s, h) => s + (h.kind === 'hold' ? h.amount.amount : 0), 0);
      });
      // Assess
      expect(held).toEqual([50_000_00, 38_000_00, 26_000_00, 7_000_00]);
      expect(programmeFunds(ledger.account(pool), 'INR')).toEqual({
        available: money(10_00_000_00 - 1_21_000_00, 'INR'),
        committed: money(1_21_000_00, 'INR'),
      });
      expect(ledgerViolations(ledger.accounts(), ledger.transfers())).toEqual([]);
    },
  );
});
