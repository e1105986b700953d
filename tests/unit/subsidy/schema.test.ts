import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import { money } from '../../../packages/core/src/money';
import { SubsidyProgramme, closeProgramme } from '../../../packages/core/src/subsidy';
import { expectDomainError } from '../core/fixtures';
import { programme } from './fixtures';

const issues = (input: unknown) => {
  const out = SubsidyProgramme.safeParse(input);
  return out.success ? [] : out.error.issues.map((i) => i.path.join('.'));
};

describe('SubsidyProgramme', () => {
  it('accepts the paper’s programme', () => {
    expect(issues(programme())).toEqual([]);
  });

  it('refuses a schedule that rises, money in another currency, an empty validity and a foreign id', () => {
    const p = programme();
    expect(issues({ ...p, schedule: [3800, 5000] })).toEqual(['schedule']);
    expect(issues({ ...p, innovativeSchedule: [10_001] })).toEqual(['innovativeSchedule.0']);
    expect(issues({ ...p, capPerAward: money(1, 'USD') })).toEqual(['capPerAward.currency']);
    expect(issues({ ...p, budget: money(0, 'INR') })).toEqual(['budget.amount']);
    expect(issues({ ...p, validUntil: p.validFrom })).toEqual(['validUntil']);
    expect(issues({ ...p, id: 'req_01J00000000000000000000000' })).toEqual(['id']);
  });
});

describe('closeProgramme', () => {
  it('closes an open programme once', () => {
    const closed = closeProgramme(programme(), fixedClock(Date.parse('2025-09-01T00:00:00.000Z')));
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2025-09-01T00:00:00.000Z' });
    expectDomainError(() => closeProgramme(closed, fixedClock(0)), 'SUBSIDY.PROGRAMME_CLOSED', 'conflict');
  });
});
