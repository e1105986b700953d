import { lambdaApi } from './bootstrap';
import { awardsRoutes } from './awards-routes';

/** Lambda entry of the awards route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(awardsRoutes);
