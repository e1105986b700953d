import type { AnyRoute } from '../route';
import { listActivity } from '../routes/activity';
import { listDeadLetters, redriveDeadLetters } from '../routes/admin';
import { exportAuditCsv, listAudit } from '../routes/audit';
import { createAssociation, getCluster, listAssociations, listClusters } from '../routes/clusters';
import { getFunder, setFunderKind } from '../routes/funders';
import { createCluster, getClusterPolicy, putClusterPolicy, setClusterStatus } from '../routes/onboarding';
import { applyToCluster, decideRegistration, listRegistrations, setProviderStanding } from '../routes/providers';

/** Running the tenants: clusters, policy, associations, providers' registrations, funders, audit, dead letters. */
export const clustersRoutes: readonly AnyRoute[] = [
  createCluster,
  setClusterStatus,
  listAudit,
  exportAuditCsv,
  getClusterPolicy,
  putClusterPolicy,
  applyToCluster,
  listRegistrations,
  decideRegistration,
  setProviderStanding,
  listClusters,
  getCluster,
  listAssociations,
  createAssociation,
  listActivity,
  listDeadLetters,
  redriveDeadLetters,
  getFunder,
  setFunderKind,
];
