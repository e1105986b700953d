import {
  Money,
  conflict,
  type ClusterPolicy,
  type EvaluationResult,
  type DomainEvent,
  type RatingSummary,
  type ServiceRequest,
} from '@bds/core';
import * as z from 'zod';
import { bidStore, type StoredBid } from './bids';
import { getMany } from './batch-get';
import type { Db } from './db';
import { withoutKeys } from './keys';
import { outboxPut } from './outbox';
import { parseRequest, requestKeys, requestStore, requestUpdate, type StoredRequest } from './requests';
import { ratingStore, summaryOf } from './ratings';
import { failedAt, transact } from './transact';

const RankedBid = z.object({
  bidId: z.string(),
  providerId: z.string(),
  pricePerFirm: Money.Money,
  total: Money.Money,
  priceScore: z.number().int(),
  qualityScore: z.number().int(),
  score: z.number().int(),
  rank: z.number().int().min(1),
  /** In a split ranking: the firms this bid can take. */
  capacity: z.number().int().min(1).optional(),
});
const InvalidBid = z.object({ bidId: z.string(), providerId: z.string(), reason: z.string(), detail: z.string() });

/**
 * The evaluation of a closed request, kept as it was computed: the ranking an award is made
 * from (or the reason the request failed), when and by whom it was closed.
 */
export const StoredEvaluation = z.object({
  requestId: z.string(),
  clusterId: z.string(),
  evaluatedAt: z.iso.datetime(),
  evaluatedBy: z.string(),
  outcome: z.enum(['ranked', 'unsuccessful']),
  pledgedFirms: z.number().int().nonnegative(),
  volume: z.number().int().optional(),
  ranking: z.array(RankedBid),
  recommended: RankedBid.optional(),
  /** No single bid can serve the volume: the ranking is for a split award (issue 13). */
  split: z.boolean().optional(),
  invalid: z.array(InvalidBid),
  code: z.string().optional(),
  reason: z.string().optional(),
});
export type StoredEvaluation = z.infer<typeof StoredEvaluation>;

/** The evaluation sits beside its request in the cluster's partition: one per request. */
export const evaluationKeys = {
  item: (clusterId: string, requestId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: `EVAL#${requestId}` }),
};

/**
 * What is stored from core's `evaluate` result.
 *
 * @example
 * toStoredEvaluation(result, { clusterId, evaluatedAt, evaluatedBy: actor.userId })
 */
export function toStoredEvaluation(
  result: EvaluationResult,
  meta: { clusterId: string; evaluatedAt: string; evaluatedBy: string },
): StoredEvaluation {
  const common = { ...meta, requestId: result.requestId, pledgedFirms: result.pledgedFirms, invalid: result.invalid };
  return result.outcome === 'ranked'
    ? {
        ...common,
        outcome: 'ranked',
        volume: result.volume,
        ranking: result.ranking,
        recommended: result.recommended,
        ...(result.split ? { split: true } : {}),
      }
    : { ...common, outcome: 'unsuccessful', ranking: [], code: result.code, reason: result.reason };
}

/** A bid as the close weighs it: with its provider's ratings in the request's cluster and category. */
export type RatedBid = StoredBid & { providerRatings: RatingSummary };

/** Closing a request: its evaluation, written in the same transaction as the request's new state. */
export function evaluationStore(db: Db) {
  const requests = requestStore(db);
  const bids = bidStore(db);
  const ratings = ratingStore(db);
  return {
    /**
     * The request, every bid on it, and the cluster's rating summaries (each bid carries its
     * provider's in the request's category). Three calls, sent together: one round trip of latency.
     * (A single Query would need the bids under the request's sort key, which would make every
     * cluster request list read the bids too; closing happens once per request.)
     */
    async closeContext(
      clusterId: string,
      requestId: string,
    ): Promise<{ request: StoredRequest | undefined; bids: RatedBid[]; policy: ClusterPolicy | undefined }> {
      // The policy comes with the request (its stand-still period): one read round trip for the close.
      const [{ request, policy }, all, summaries] = await Promise.all([
        requests.getWithPolicy(clusterId, requestId),
        bids.allForRequest(clusterId, requestId),
        ratings.summaries(clusterId),
      ]);
      const rated = all.map((b) => ({
        ...b,
        providerRatings: request ? summaryOf(summaries, request.category, b.providerId) : { count: 0, stars: 0 },
      }));
      return { request, bids: rated, policy };
    },

    /**
     * Stores the closed request and its evaluation together. Besides the version, the request
     * must still have the pledge count that was evaluated, so a pledge racing the deadline can
     * never be left out of a stored ranking. `events` (the transactional outbox) commit with them
     * or not at all.
     */
    async close(
      next: ServiceRequest,
      expectedVersion: number,
      pledgedFirms: number,
      evaluation: StoredEvaluation,
      events: readonly DomainEvent[] = [],
    ): Promise<void> {
      const guard = {
        expression: '#pledged = :pledged',
        names: { '#pledged': 'pledgedFirms' },
        values: { ':pledged': pledgedFirms },
      };
      const put = {
        TableName: db.table,
        Item: {
          ...evaluationKeys.item(evaluation.clusterId, evaluation.requestId),
          entity: 'evaluation',
          ...evaluation,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      };
      const outbox = events.map((e) => ({ Put: outboxPut(db, e) }));
      await transact(
        db,
        [{ Update: requestUpdate(db.table, next, expectedVersion, guard) }, { Put: put }, ...outbox],
        (reasons) => {
          if (failedAt(reasons, 0))
            return conflict(
              'REQUEST.VERSION_CONFLICT',
              'The request changed while it was being closed; try again',
              'version',
            );
          if (failedAt(reasons, 1)) return conflict('EVALUATION.EXISTS', 'The request has already been evaluated');
          return undefined;
        },
      );
    },

    /** The request and its evaluation, in one BatchGetItem. */
    async withRequest(
      clusterId: string,
      requestId: string,
    ): Promise<{ request: StoredRequest | undefined; evaluation: StoredEvaluation | undefined }> {
      const [request, evaluation] = await getMany(db, [
        requestKeys.item(clusterId, requestId),
        evaluationKeys.item(clusterId, requestId),
      ]);
      return {
        request: request ? parseRequest(request) : undefined,
        evaluation: evaluation ? StoredEvaluation.parse(withoutKeys(evaluation)) : undefined,
      };
    },
  };
}
export type EvaluationStore = ReturnType<typeof evaluationStore>;

/** Every bid the request received, ranked or refused (the market view's "bids per request"). */
export const bidCount = (evaluation: Pick<StoredEvaluation, 'ranking' | 'invalid'> | undefined): number =>
  (evaluation?.ranking?.length ?? 0) + (evaluation?.invalid?.length ?? 0);
