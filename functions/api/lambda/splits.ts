import { lambdaApi } from './bootstrap';
import { splitsRoutes } from './splits-routes';

/** Lambda entry of the split-award route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(splitsRoutes);
