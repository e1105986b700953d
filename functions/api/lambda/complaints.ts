import { lambdaApi } from './bootstrap';
import { complaintsRoutes } from './complaints-routes';

/** Lambda entry of the complaints route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(complaintsRoutes);
