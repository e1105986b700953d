/** Bidding, open requests, my bids, closing, ranking and the award. */
export const bids = {} as const;
