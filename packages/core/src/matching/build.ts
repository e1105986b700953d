import { invalid } from '../errors';
import type { MatchingInstance } from './types';

export interface MatchingBid {
  readonly providerId: string;
  /** An integer >= 0, e.g. the evaluation's score in hundredths of a point. */
  readonly score: number;
}
export interface MatchingRequest {
  readonly id: string;
  readonly bids: readonly MatchingBid[];
}
export interface MatchingProvider {
  readonly id: string;
  /** Engagements the provider can still take in overlapping windows: an integer >= 0. */
  readonly capacity: number;
}

/** The compact instance, plus the ids that index positions map back to. */
export interface BuiltMatchingInstance {
  readonly instance: MatchingInstance;
  readonly requestIds: readonly string[];
  readonly providerIds: readonly string[];
}

const MAX_INT32 = 2 ** 31 - 1;

/**
 * Turns requests and providers named by id into the compact instance `matchRequests` takes,
 * in input order (so the same input gives the same indices and the same result). Rejects what
 * the model has no meaning for: duplicate ids, a bid from an unknown provider, two bids from
 * one provider on one request, a score or capacity that is not a non-negative integer.
 *
 * @example
 * const { instance, requestIds, providerIds } = buildInstance(
 *   [{ id: 'req_1', bids: [{ providerId: 'prv_a', score: 8_250 }] }],
 *   [{ id: 'prv_a', capacity: 2 }],
 * );
 */
export function buildInstance(
  requests: readonly MatchingRequest[],
  providers: readonly MatchingProvider[],
): BuiltMatchingInstance {
  const providerIndex = new Map<string, number>();
  const capacity = new Int32Array(providers.length);
  providers.forEach((provider, p) => {
    if (providerIndex.has(provider.id))
      throw invalid('MATCHING.DUPLICATE_PROVIDER', `Provider ${provider.id} is listed twice`);
    if (!isInt32(provider.capacity)) {
      throw invalid(
        'MATCHING.INVALID_CAPACITY',
        `Provider ${provider.id} has capacity ${provider.capacity}; expected an integer >= 0`,
      );
    }
    providerIndex.set(provider.id, p);
    capacity[p] = provider.capacity;
  });

  const bidCount = requests.reduce((sum, request) => sum + request.bids.length, 0);
  const bidStart = new Int32Array(requests.length + 1);
  const bidProvider = new Int32Array(bidCount);
  const bidScore = new Int32Array(bidCount);
  const requestIds = new Set<string>();
  let k = 0;
  requests.forEach((request, r) => {
    if (requestIds.has(request.id))
      throw invalid('MATCHING.DUPLICATE_REQUEST', `Request ${request.id} is listed twice`);
    requestIds.add(request.id);
    const bidders = new Set<string>();
    for (const bid of request.bids) {
      const p = providerIndex.get(bid.providerId);
      if (p === undefined)
        throw invalid(
          'MATCHING.UNKNOWN_PROVIDER',
          `Request ${request.id} has a bid from unknown provider ${bid.providerId}`,
        );
      if (bidders.has(bid.providerId)) {
        throw invalid('MATCHING.DUPLICATE_BID', `Provider ${bid.providerId} bids twice on request ${request.id}`);
      }
      if (!isInt32(bid.score)) {
        throw invalid(
          'MATCHING.INVALID_SCORE',
          `Bid of ${bid.providerId} on ${request.id} scores ${bid.score}; expected an integer >= 0`,
        );
      }
      bidders.add(bid.providerId);
      bidProvider[k] = p;
      bidScore[k++] = bid.score;
    }
    bidStart[r + 1] = k;
  });

  return {
    instance: {
      requestCount: requests.length,
      providerCount: providers.length,
      capacity,
      bidStart,
      bidProvider,
      bidScore,
    },
    requestIds: requests.map((request) => request.id),
    providerIds: providers.map((provider) => provider.id),
  };
}

function isInt32(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= MAX_INT32;
}
