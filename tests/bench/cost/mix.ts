/**
 * The mix a price per transaction assumes (issue 15): what one request's life asks of the API, and how many
 * requests a national rollout makes a month. Operation names are those of bench/results/api.json.
 */
const WRITES_PER_REQUEST: Record<string, number> = {
  postRequest: 1,
  publishRequest: 1,
  'joinRequest (co-sponsor)': 0.5,
  pledgeFirm: 10,
  withdrawPledge: 1,
  submitBid: 5,
  reviseBid: 1,
  withdrawBid: 0.5,
  cancelRequest: 0.05,
  'closeRequest (evaluate)': 1,
  awardRequest: 1,
  registerFirm: 2,
  'importFirms (20 rows)': 0.1,
};
const READS_PER_WRITE = 5;
/** How the reads spread over the read operations (sums to 1). */
const READ_SHARES: Record<string, number> = {
  getRequest: 0.35,
  listRequests: 0.2,
  'listRequests (open, by category)': 0.1,
  getMyBid: 0.05,
  'listBids (provider: own)': 0.05,
  'listOwnBids (GSI)': 0.05,
  'listBids (association, after deadline)': 0.05,
  listPledges: 0.05,
  getEvaluation: 0.05,
  listFirms: 0.05,
};
const writes = Object.values(WRITES_PER_REQUEST).reduce((a, b) => a + b, 0);

export const MIX = {
  perRequest: {
    ...WRITES_PER_REQUEST,
    ...Object.fromEntries(Object.entries(READ_SHARES).map(([op, s]) => [op, s * READS_PER_WRITE * writes])),
  } as Record<string, number>,
  describe: [
    `- One request's life: posted and published once, half the time co-sponsored, 10 firms pledged (one withdrawn),`,
    `  5 bids (one revised, one in two withdrawn), closed and awarded; 1 in 20 cancelled; 2 firms registered and`,
    `  one register import in ten requests: ${writes.toFixed(2)} writes.`,
    `- ${READS_PER_WRITE} reads per write, spread: ` +
      Object.entries(READ_SHARES)
        .map(([op, s]) => `${op} ${(s * 100).toFixed(0)} %`)
        .join(', ') +
      '.',
    "- Worker events: those one life of the bench's scenario delivered (4 pledges, 3 bids, a co-sponsor, close,",
    '  award). Milestones (report, accept, auto-accept, indicators) and payouts are not in the API bench yet.',
  ],
};

/** The national rollout: clusters, associations, requests. */
export const ROLLOUT = {
  clusters: 600,
  associationsPerCluster: 40,
  requestsPerAssociationPerYear: 20,
  describe: [
    '- 600 clusters, 40 associations each, 20 requests per association a year (5 bids each, as the mix above),',
    '  spread evenly over the months; every request lives the mix above.',
  ],
};

/** Requests posted a month nationally. */
export const lifecyclesPerMonth = (): number =>
  (ROLLOUT.clusters * ROLLOUT.associationsPerCluster * ROLLOUT.requestsPerAssociationPerYear) / 12;
