import { lambdaApi } from './bootstrap';
import { deliveryRoutes } from './delivery-routes';

/** Lambda entry of the delivery route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(deliveryRoutes);
