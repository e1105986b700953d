import { lambdaApi } from './bootstrap';
import { biddingRoutes } from './bidding-routes';

/** Lambda entry of the bidding route group (groups.ts): API Gateway sends it only its own routes. */
export const handler = await lambdaApi(biddingRoutes);
