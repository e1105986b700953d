import type { AnyRoute } from '../route';
import { deleteMyBid, getMyBid, listBids, listOwnBids, postBid, putMyBid } from '../routes/bids';
import { importFirms, listFirms, registerFirm } from '../routes/firms';
import { listPledges, pledgeFirm, withdrawFirmPledge } from '../routes/pledges';

/** Pooling and bidding: member firms, pledges, sealed bids. */
export const biddingRoutes: readonly AnyRoute[] = [
  registerFirm,
  listFirms,
  importFirms,
  pledgeFirm,
  withdrawFirmPledge,
  listPledges,
  postBid,
  getMyBid,
  putMyBid,
  deleteMyBid,
  listBids,
  listOwnBids,
];
