import { lambdaApi } from './bootstrap';
import { clustersRoutes } from './clusters-routes';

/** Lambda entry of the clusters route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(clustersRoutes);
