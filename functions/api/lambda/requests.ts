import { lambdaApi } from './bootstrap';
import { requestsRoutes } from './requests-routes';

/** Lambda entry of the requests route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(requestsRoutes);
