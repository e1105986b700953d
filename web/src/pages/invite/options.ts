import type { Api, InvitableRole, NewInvitation, User } from '../../api';
import type { StateOrUnionTerritory } from '@bds/core/states';
import { required, type Placed } from '../../hooks';
import { t } from '../../i18n';

export interface InviteFields {
  role: string;
  name: string;
  email: string;
  state: string;
  clusterId: string;
  associationId: string;
  organisationName: string;
}

export const INVITE_FIELDS = [
  'role',
  'name',
  'email',
  'state',
  'clusterId',
  'associationId',
  'organisationName',
] as const;

/** The clusters a user can invite for: a cluster admin's own; every cluster for national and state admins. */
export async function clustersFor(api: Api, user: User, signal: AbortSignal) {
  if (user.role === 'cluster_admin') return Promise.all(user.clusterIds.map((id) => api.getCluster(id, signal)));
  return (await api.listClusters(undefined, signal, 100)).items;
}

/** Required fields for the chosen role, and the shape of the email. */
export function checkInvite(f: InviteFields): Placed {
  const placed: Placed = {};
  required(placed, 'role', f.role, t('invite.role'));
  required(placed, 'name', f.name, t('invite.name'));
  required(placed, 'email', f.email, t('invite.email'));
  if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) placed.email = [t('form.email')];
  if (f.role === 'state_admin') required(placed, 'state', f.state, t('invite.state'));
  if (f.role === 'cluster_admin' || f.role === 'association_rep')
    required(placed, 'clusterId', f.clusterId, t('invite.clusterId'));
  if (f.role === 'association_rep') required(placed, 'associationId', f.associationId, t('invite.associationId'));
  if (f.role === 'funder') required(placed, 'organisationName', f.organisationName, t('invite.organisationName'));
  return placed;
}

/** Only the fields the role needs go to the API (it refuses fields it does not expect). */
export function toInvitation(f: InviteFields): NewInvitation {
  const role = f.role as InvitableRole;
  const base = { role, name: f.name.trim(), email: f.email.trim() };
  switch (role) {
    case 'state_admin':
      // Chosen from the list (StateSelect); the API refuses any other spelling.
      return { ...base, state: f.state as StateOrUnionTerritory };
    case 'cluster_admin':
      return { ...base, clusterId: f.clusterId };
    case 'association_rep':
      return { ...base, clusterId: f.clusterId, associationId: f.associationId };
    case 'funder':
      return { ...base, organisationName: f.organisationName.trim() };
  }
}
