import type { FieldError, NewServiceRequest } from '../../api';
import { t } from '../../i18n';
import { requiredMessage } from '../../hooks';

export interface MilestoneRow {
  key: number;
  name: string;
  /** Percent as typed ('12.5'); sent as basis points. */
  share: string;
}

/** The form as typed: strings, so a half-typed number is never lost. */
export interface RequestFormState {
  title: string;
  category: string;
  specification: string;
  deliverables: string;
  place: string;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  minFirms: string;
  maxFirms: string;
  weightPrice: string;
  weightQuality: string;
  milestones: MilestoneRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const inDays = (now: number, days: number) => new Date(now + days * 86_400_000);

/** Sensible defaults: bids for two weeks, delivery in the month after, quality weighed over price. */
export function initialState(now = Date.now()): RequestFormState {
  const deadline = inDays(now, 14);
  return {
    title: '',
    category: '',
    specification: '',
    deliverables: '',
    place: '',
    windowStart: localDate(inDays(now, 30)),
    windowEnd: localDate(inDays(now, 60)),
    deadline: `${localDate(deadline)}T17:00`,
    minFirms: '',
    maxFirms: '',
    weightPrice: '40',
    weightQuality: '60',
    milestones: [{ key: 0, name: '', share: '100' }],
  };
}

const whole = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/** Percent to basis points without float error: '12.5' → 1250. */
const basisPoints = (s: string): number =>
  /^\s*\d+(\.\d{1,2})?\s*$/.test(s) ? Math.round(Number(s) * 100) : Number.NaN;

/** A datetime-local value is the user's wall-clock time; the API wants an instant. */
const instant = (local: string): string => {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};

/**
 * What the form can tell before asking the server: required fields and number shapes, named
 * by the same paths the API uses so both kinds of error are placed the same way. Every rule
 * that ties fields together (min ≤ max, weights sum to 100, …) is the server's to judge.
 */
export function checkState(s: RequestFormState): FieldError[] {
  const errors: FieldError[] = [];
  const need = (value: string, field: string, label: string) =>
    value.trim() === '' && errors.push({ field, message: requiredMessage(label) });
  const int = (value: string, field: string, label: string) =>
    value.trim() === ''
      ? need(value, field, label)
      : Number.isNaN(whole(value)) && errors.push({ field, message: t('form.wholeNumber') });
  need(s.title, 'title', t('newRequest.field.title'));
  need(s.category, 'category', t('newRequest.field.category'));
  need(s.specification, 'specification', t('newRequest.field.specification'));
  need(s.deliverables, 'deliverables', t('newRequest.field.deliverables'));
  need(s.place, 'place', t('newRequest.field.place'));
  need(s.windowStart, 'deliveryWindow.start', t('newRequest.field.windowStart'));
  need(s.windowEnd, 'deliveryWindow.end', t('newRequest.field.windowEnd'));
  need(s.deadline, 'biddingDeadline', t('newRequest.field.deadline'));
  int(s.minFirms, 'minFirms', t('newRequest.field.minFirms'));
  int(s.maxFirms, 'maxFirms', t('newRequest.field.maxFirms'));
  int(s.weightPrice, 'weights.price', t('newRequest.field.weightPrice'));
  int(s.weightQuality, 'weights.quality', t('newRequest.field.weightQuality'));
  s.milestones.forEach((m, i) => {
    need(m.name, `milestones.${i}.name`, t('newRequest.field.milestoneName', { n: i + 1 }));
    if (m.share.trim() === '')
      need(m.share, `milestones.${i}.shareBasisPoints`, t('newRequest.field.milestoneShare', { n: i + 1 }));
    else if (Number.isNaN(basisPoints(m.share)))
      errors.push({ field: `milestones.${i}.shareBasisPoints`, message: t('form.percent') });
  });
  return errors;
}

/** The request body, once `checkState` passes. */
export function toPayload(s: RequestFormState, currency: NewServiceRequest['currency']): NewServiceRequest {
  return {
    title: s.title.trim(),
    // The select offers only the slugs the API listed; the API checks it again.
    category: s.category as NewServiceRequest['category'],
    specification: s.specification.trim(),
    deliverables: s.deliverables
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    place: s.place.trim(),
    deliveryWindow: { start: s.windowStart, end: s.windowEnd },
    biddingDeadline: instant(s.deadline),
    minFirms: whole(s.minFirms),
    maxFirms: whole(s.maxFirms),
    weights: { price: whole(s.weightPrice), quality: whole(s.weightQuality) },
    milestones: s.milestones.map((m) => ({ name: m.name.trim(), shareBasisPoints: basisPoints(m.share) })),
    visibility: 'cluster',
    currency,
  };
}

const SIMPLE: Record<string, string> = {
  title: 'title',
  category: 'category',
  specification: 'specification',
  deliverables: 'deliverables',
  place: 'place',
  'deliveryWindow.start': 'windowStart',
  deliveryWindow: 'windowStart',
  'deliveryWindow.end': 'windowEnd',
  biddingDeadline: 'deadline',
  minFirms: 'minFirms',
  maxFirms: 'maxFirms',
  'weights.price': 'weightPrice',
  'weights.quality': 'weightQuality',
  weights: 'weights',
  milestones: 'milestones',
};

/**
 * Which part of the form an API field path belongs to: an input id, a group ('weights',
 * 'milestones'), or undefined for what only the summary can show (currency, visibility).
 *
 * @example
 * slotOf('milestones.1.shareBasisPoints') // 'milestone-1-share'
 */
export function slotOf(field: string): string | undefined {
  const milestone = /^milestones\.(\d+)\.(name|shareBasisPoints)$/.exec(field);
  if (milestone) return `milestone-${milestone[1]}-${milestone[2] === 'name' ? 'name' : 'share'}`;
  if (/^deliverables\.\d+$/.test(field)) return 'deliverables';
  return SIMPLE[field];
}

/** Errors grouped by slot; the ones no slot takes go under '' (form-wide). */
export function placeErrors(errors: readonly FieldError[]): Record<string, string[]> {
  const placed: Record<string, string[]> = {};
  for (const e of errors) (placed[slotOf(e.field) ?? ''] ??= []).push(e.message);
  return placed;
}

/** The input a summary line jumps to: a group's first input. */
export const focusTarget = (slot: string): string =>
  slot === 'weights' ? 'weightPrice' : slot === 'milestones' ? 'milestone-0-name' : slot;
