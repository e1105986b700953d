import type { NewCluster } from '../../api';
import type { StateOrUnionTerritory } from '@bds/core/states';
import { required, type Placed } from '../../hooks';
import { t } from '../../i18n';

/** The onboarding form as typed; input ids are the API's field paths with dashes. */
export interface ClusterFields {
  name: string;
  sector: string;
  state: string;
  district: string;
  firmCount: string;
  phase: string;
  currency: string;
  supportedUntil: string;
  'admin-name': string;
  'admin-email': string;
}

export const CLUSTER_FIELDS = [
  'name',
  'sector',
  'state',
  'district',
  'firmCount',
  'phase',
  'currency',
  'supportedUntil',
  'admin-name',
  'admin-email',
] as const;

const inYears = (years: number, now = new Date()) => `${now.getFullYear() + years}-03-31`;

/** Empty, except what is usual: rupees, the diagnostic phase, support until the end of a financial year. */
export const emptyCluster = (): ClusterFields => ({
  name: '',
  sector: '',
  state: '',
  district: '',
  firmCount: '',
  phase: 'diagnostic',
  currency: 'INR',
  supportedUntil: inYears(3),
  'admin-name': '',
  'admin-email': '',
});

/** What the form can tell before asking: required fields and the shapes of numbers and emails. */
export function checkCluster(f: ClusterFields): Placed {
  const placed: Placed = {};
  for (const id of CLUSTER_FIELDS) required(placed, id, f[id], t(`onboard.${id}`));
  if (f.firmCount.trim() && !/^\d+$/.test(f.firmCount.trim())) placed.firmCount = [t('form.wholeNumber')];
  if (f['admin-email'].trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f['admin-email'].trim()))
    placed['admin-email'] = [t('form.email')];
  return placed;
}

/** The API's body, once `checkCluster` passes. */
export const toNewCluster = (f: ClusterFields): NewCluster => ({
  name: f.name.trim(),
  sector: f.sector.trim(),
  // Chosen from the list (StateSelect); the API refuses any other spelling.
  state: f.state as StateOrUnionTerritory,
  district: f.district.trim(),
  firmCount: Number(f.firmCount),
  phase: f.phase as NewCluster['phase'],
  currency: f.currency as NonNullable<NewCluster['currency']>,
  supportedUntil: f.supportedUntil,
  admin: { name: f['admin-name'].trim(), email: f['admin-email'].trim() },
});
