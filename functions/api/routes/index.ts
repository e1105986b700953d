import type { AnyRoute } from '../route';
import { listActivity } from './activity';
import { demoAccounts, jwks, signIn } from './auth';
import { getCluster, listAssociations, listClusters } from './clusters';
import { health } from './health';
import { getRequest, listCategories, listRequests, postRequest, publishRequest } from './requests';

/** The route table: the app mounts it, OpenAPI describes it, the authorization tests walk it. */
export const allRoutes: readonly AnyRoute[] = [
  health, jwks, signIn, demoAccounts,
  listClusters, getCluster, listAssociations, listActivity,
  listCategories, postRequest, publishRequest, listRequests, getRequest,
];
