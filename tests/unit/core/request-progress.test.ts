import { describe, expect, it } from 'vitest';
import { formatIst } from '../../../packages/core/src/time/ist';
import { LIFECYCLE_STAGES, lifecycleSteps, nextAction } from '../../../packages/core/src/request/rules/progress';
import { RequestStatus } from '../../../packages/core/src/request/schema';

describe('formatIst', () => {
  it.each([
    ['2026-12-07T11:00:00.000Z', '7 Dec 2026, 4:30 pm IST'],
    ['2026-12-07T18:30:00.000Z', '8 Dec 2026, 12:00 am IST'],
    ['2026-12-31T06:35:00Z', '31 Dec 2026, 12:05 pm IST'],
    ['2026-01-01T00:00:00+05:30', '1 Jan 2026, 12:00 am IST'],
    ['2026-06-30T20:00:00.000Z', '1 Jul 2026, 1:30 am IST'],
  ])('%s reads %s', (iso, expected) => {
    expect(formatIst(iso)).toBe(expected);
  });

  it('gives back what it cannot read', () => {
    expect(formatIst('soon')).toBe('soon');
  });
});

describe('lifecycleSteps', () => {
  const states = (status: RequestStatus, award?: object) =>
    lifecycleSteps({ status, ...(award ? { award: award as never } : {}) }).map((s) => `${s.stage}:${s.state}`);

  it('marks the stages before the status done, the status current and the rest upcoming', () => {
    expect(states('evaluating')).toEqual([
      'draft:done',
      'open:done',
      'evaluating:current',
      'awarded:upcoming',
      'in_delivery:upcoming',
      'completed:upcoming',
    ]);
  });

  it('has exactly one current step for every status', () => {
    for (const status of RequestStatus.options) {
      expect(lifecycleSteps({ status }).filter((s) => s.state === 'current')).toHaveLength(1);
    }
  });

  it('ends a completed request on its last stage, nothing ahead', () => {
    expect(states('completed')).toEqual([
      ...LIFECYCLE_STAGES.slice(0, -1).map((s) => `${s}:done`),
      'completed:current',
    ]);
  });

  it('ends an unsuccessful request after ranking, in place of the award', () => {
    expect(states('unsuccessful')).toEqual(['draft:done', 'open:done', 'evaluating:done', 'unsuccessful:current']);
  });

  it('ends a cancelled request after the award when there was one, else after the draft', () => {
    expect(states('cancelled', { bidId: 'bid_1' })).toEqual([
      'draft:done',
      'open:done',
      'evaluating:done',
      'awarded:done',
      'cancelled:current',
    ]);
    expect(states('cancelled')).toEqual(['draft:done', 'cancelled:current']);
  });
});

describe('nextAction', () => {
  it('names who acts next while the request is live, and no one once it has ended', () => {
    expect(nextAction('draft')).toEqual({ actor: 'lead_association', action: 'publish' });
    expect(nextAction('open')).toEqual({ actor: 'providers_and_firms', action: 'bid_and_pledge' });
    expect(nextAction('evaluating')).toEqual({ actor: 'lead_association', action: 'award' });
    expect(nextAction('awarded')).toEqual({ actor: 'provider', action: 'deliver' });
    expect(nextAction('in_delivery')).toEqual({ actor: 'lead_association', action: 'decide_milestones' });
    for (const s of ['completed', 'cancelled', 'unsuccessful'] as const) expect(nextAction(s)).toBeUndefined();
  });
});
