import { lambdaApi } from './bootstrap';
import { reportsRoutes } from './reports-routes';

/** Lambda entry of the reports route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(reportsRoutes);
