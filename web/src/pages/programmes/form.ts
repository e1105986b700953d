import type { NewProgramme } from '../../api';
import { requiredMessage, type Placed } from '../../hooks';
import { t } from '../../i18n';
import { toPaise } from '../../money';

export type ScopeKind = 'national' | 'state' | 'cluster';

/** The programme form as typed: rupees, percentages and dates as text. */
export interface ProgrammeDraft {
  name: string;
  scope: ScopeKind;
  state: string;
  clusterId: string;
  budget: string;
  cap: string;
  categories: string[];
  schedule: string;
  innovative: string;
  validFrom: string;
  validUntil: string;
  priority: string;
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const emptyDraft = (): ProgrammeDraft => ({
  name: '',
  scope: 'national',
  state: '',
  clusterId: '',
  budget: '',
  cap: '',
  categories: [],
  schedule: '50/38/26/7',
  innovative: '',
  validFrom: day(0),
  validUntil: day(365),
  priority: '10',
});

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/**
 * '50/38/26/7' → [5000, 3800, 2600, 700]: percentages as people write them, basis points as the
 * API keeps them, parsed as text so 12.5 % is exactly 1250. Undefined unless every share is at
 * most 100 % and none rises above the one before.
 *
 * @example
 * toSchedule('50 / 38 / 26 / 7') // [5000, 3800, 2600, 700]
 */
export function toSchedule(typed: string): number[] | undefined {
  const parts = typed.split('/').map((p) => p.trim().replace(/%$/, '').trim());
  const points: number[] = [];
  for (const part of parts) {
    const match = PERCENT.exec(part);
    if (!match) return undefined;
    const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
    if (bp > 10_000 || (points.length > 0 && bp > (points[points.length - 1] ?? bp))) return undefined;
    points.push(bp);
  }
  return points.length > 0 && points.length <= 20 ? points : undefined;
}

/** A calendar date as the instant it starts (UTC), as the API wants `validFrom`. */
const startOf = (date: string): string => `${date}T00:00:00.000Z`;
/** "Valid until" includes its day: the API's `validUntil` is exclusive, so the next day's start. */
const endOf = (date: string): string => new Date(Date.parse(startOf(date)) + 86_400_000).toISOString();

/** Checks the draft; the ids are the inputs' (and the API's field paths, dots as dashes). */
export function checkDraft(d: ProgrammeDraft): Placed {
  const placed: Placed = {};
  const add = (id: string, message: string) => (placed[id] ??= []).push(message);
  if (d.name.trim().length < 2) add('name', t('form.atLeast', { min: 2 }));
  if (d.scope === 'state' && d.state.trim().length < 2) add('scope-state', requiredMessage(t('programme.state')));
  if (d.scope === 'cluster' && !d.clusterId) add('scope-clusterId', t('programme.chooseCluster'));
  for (const [id, v] of [
    ['budget', d.budget],
    ['capPerAward', d.cap],
  ] as const) {
    const paise = toPaise(v);
    if (paise === undefined || paise <= 0) add(id, t('programme.amountInvalid'));
  }
  if (d.categories.length === 0) add('eligibleCategories', t('programme.categoriesRequired'));
  if (!toSchedule(d.schedule)) add('schedule', t('programme.scheduleInvalid'));
  if (d.innovative.trim() !== '' && !toSchedule(d.innovative))
    add('innovativeSchedule', t('programme.scheduleInvalid'));
  if (!d.validFrom) add('validFrom', t('programme.dateInvalid'));
  if (!d.validUntil) add('validUntil', t('programme.dateInvalid'));
  if (!/^\d{1,4}$/.test(d.priority.trim())) add('priority', t('form.wholeNumber'));
  return placed;
}

/** The API's body from a checked draft. */
export function toProgramme(d: ProgrammeDraft): NewProgramme {
  const currency = 'INR';
  const scope: NewProgramme['scope'] =
    d.scope === 'cluster'
      ? { kind: 'cluster', clusterId: d.clusterId }
      : d.scope === 'state'
        ? { kind: 'state', state: d.state.trim() }
        : { kind: 'national' };
  const innovative = d.innovative.trim() === '' ? undefined : toSchedule(d.innovative);
  return {
    name: d.name.trim(),
    scope,
    currency,
    budget: { amount: toPaise(d.budget) ?? 0, currency },
    capPerAward: { amount: toPaise(d.cap) ?? 0, currency },
    // Slugs come from the API's own category list.
    eligibleCategories: d.categories as NewProgramme['eligibleCategories'],
    schedule: toSchedule(d.schedule) ?? [],
    ...(innovative ? { innovativeSchedule: innovative } : {}),
    validFrom: startOf(d.validFrom),
    validUntil: endOf(d.validUntil),
    priority: Number(d.priority.trim()),
  };
}
