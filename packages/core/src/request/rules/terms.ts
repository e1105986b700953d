import { percentText } from '../../money';
import { BASIS_POINTS_WHOLE, type RequestTerms } from '../schema';
import type * as z from 'zod';

type Terms = z.output<typeof RequestTerms>;

/** A broken cross-field rule, on the field an association has to change. */
export interface TermsIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The instant a delivery window opens: 00:00 UTC of its start date. The deadline must fall
 * before it, so bids are evaluated and awarded before anyone is expected to deliver.
 *
 * @example
 * windowOpensAt('2025-04-01') // Date.UTC(2025, 3, 1)
 */
export const windowOpensAt = (date: string): number => Date.parse(`${date}T00:00:00Z`);

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

/**
 * The rules that tie fields together, each reported on its own field: deadline before the
 * window, window in order, minFirms ≤ maxFirms, weights sum to 100, milestone shares sum to
 * 10000 basis points with distinct names, invited providers listed only (and at least one) for an
 * invited request, no duplicate ids.
 *
 * @example
 * termsIssues({ ...terms, minFirms: 30, maxFirms: 20 }) // [{ path: ['minFirms'], message: … }]
 */
export function termsIssues(t: Terms): TermsIssue[] {
  const issues: TermsIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const opens = windowOpensAt(t.deliveryWindow.start);
  if (t.deliveryWindow.end < t.deliveryWindow.start)
    add(['deliveryWindow', 'end'], 'The delivery window ends before it starts');
  if (!(Date.parse(t.biddingDeadline) < opens))
    add(['biddingDeadline'], 'The bidding deadline must be before the delivery window starts');
  if (t.minFirms > t.maxFirms)
    add(['minFirms'], `The minimum number of firms (${t.minFirms}) is above the maximum (${t.maxFirms})`);
  if (t.weights.price + t.weights.quality !== 100) {
    add(['weights'], `Price and quality weights must add up to 100%, not ${t.weights.price + t.weights.quality}`);
  }
  const shares = t.milestones.reduce((s, m) => s + m.shareBasisPoints, 0);
  if (shares !== BASIS_POINTS_WHOLE)
    add(['milestones'], `Milestone shares must add up to 100%, not ${percentText(shares)}`);
  const names = t.milestones.map((m) => m.name.toLowerCase());
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i)
      add(['milestones', i, 'name'], `Two milestones are named ${JSON.stringify(t.milestones[i]?.name)}`);
  });
  if (t.visibility === 'invited' && t.invitedProviderIds.length === 0) {
    add(['invitedProviderIds'], 'An invited request needs at least one invited provider');
  }
  if (t.visibility === 'cluster' && t.invitedProviderIds.length > 0) {
    add(['invitedProviderIds'], 'Invited providers apply only when visibility is "invited"');
  }
  for (const id of new Set(duplicates(t.invitedProviderIds)))
    add(['invitedProviderIds'], `Provider ${id} is invited twice`);
  for (const id of new Set(duplicates(t.coSponsorIds))) add(['coSponsorIds'], `Association ${id} is listed twice`);
  return issues;
}
