import { lambdaApi } from './bootstrap';
import { moneyRoutes } from './money-routes';

/** Lambda entry of the money route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(moneyRoutes);
