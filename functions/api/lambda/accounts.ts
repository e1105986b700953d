import { lambdaApi } from './bootstrap';
import { accountsRoutes } from './accounts-routes';

/** Lambda entry of the accounts route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(accountsRoutes);
