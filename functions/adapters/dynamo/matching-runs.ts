import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DeliveryWindow } from '@bds/core';
import * as z from 'zod';
import { bidKeys } from './bids';
import { getMany } from './batch-get';
import type { Db } from './db';
import { StoredEvaluation, evaluationKeys } from './evaluations';
import { keys, withoutKeys } from './keys';
import { parseRequest, requestKeys, type StoredRequest } from './requests';
import { failedAt, transact } from './transact';
import { queryAll } from './page';

/** Which matching run set an evaluation's recommendation, and whether capacity changed it. */
export const EvaluationMatching = z.object({
  runId: z.string(),
  /** True when the run recommends another bid than the best-scored one. */
  capacityAdjusted: z.boolean(),
  /** Why: the best bidder is better used elsewhere, or every bidder is at capacity (recommendation kept). */
  reason: z.enum(['recommended bidder at capacity', 'every bidder at capacity']).optional(),
  /** The evaluation's recommendation before the run, when the run replaced it. */
  replacedBidId: z.string().optional(),
});
export type EvaluationMatching = z.infer<typeof EvaluationMatching>;

const Score = z.number().int().nonnegative();
const Certificate = z.object({
  requests: z.record(z.string(), z.number()),
  providers: z.record(z.string(), z.number()),
  bound: z.number(),
});

/**
 * One run of the matching worker over the ranked requests of a cluster closing together: the
 * instance it solved (bids by capacity slot), the awards, and the certificate that proves no
 * other choice scores more — enough to re-check the run from this record alone.
 */
export const MatchingRun = z.object({
  runId: z.string(),
  clusterId: z.string(),
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  eventIds: z.array(z.string()),
  requestIds: z.array(z.string()),
  /** What each provider could still take per overlap group (`<providerId>#<group>`). */
  slots: z.array(
    z.object({
      id: z.string(),
      providerId: z.string(),
      group: z.number().int(),
      capacity: z.number().int(),
      busy: z.number().int(),
      remaining: z.number().int(),
    }),
  ),
  instance: z.array(z.object({ id: z.string(), bids: z.array(z.object({ providerId: z.string(), score: Score })) })),
  assignments: z.array(
    z.object({
      requestId: z.string(),
      providerId: z.string(),
      slotId: z.string(),
      bidId: z.string(),
      score: Score,
      capacityAdjusted: z.boolean(),
    }),
  ),
  unassigned: z.array(z.object({ requestId: z.string(), reason: z.string() })),
  objective: Score,
  certificate: Certificate,
  certificateCheck: z.object({ ok: z.boolean(), primal: z.number(), dual: z.number(), problems: z.array(z.string()) }),
});
export type MatchingRun = z.infer<typeof MatchingRun>;

type RankedBid = NonNullable<StoredEvaluation['recommended']>;

/** What the run writes onto one evaluation. */
export interface EvaluationChange {
  requestId: string;
  recommended: RankedBid;
  matching: EvaluationMatching;
}

/** Thrown when some requests of a run were claimed by another run, or left `evaluating`, meanwhile. */
export class ClaimLost extends Error {
  override name = 'ClaimLost';
  constructor(readonly requestIds: string[]) {
    super(`Requests changed while being matched: ${requestIds.join(', ')}`);
  }
}

export const matchingRunKeys = {
  item: (clusterId: string, runId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: `MATCHRUN#${runId}` }),
};

/** A request, its evaluation and the evaluation's matching note, as read together. */
export interface ClosedRequest {
  requestId: string;
  request: StoredRequest | undefined;
  evaluation: StoredEvaluation | undefined;
  matching: EvaluationMatching | undefined;
}

const Engaged = z.object({
  status: z.string(),
  deliveryWindow: DeliveryWindow,
  award: z.object({ providerId: z.string() }).optional(),
  splitAward: z.object({ contracts: z.array(z.object({ requestId: z.string(), providerId: z.string() })) }).optional(),
});
const ENGAGED = new Set(['awarded', 'in_delivery']);
const BATCH_GET_MAX = 100;
const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Matching runs, and what the matching worker reads and writes around them. */
export function matchingRunStore(db: Db) {
  const parseEvaluation = (raw: Record<string, unknown> | undefined) => {
    if (!raw) return { evaluation: undefined, matching: undefined };
    const matching = raw.matching === undefined ? undefined : EvaluationMatching.parse(raw.matching);
    return { evaluation: StoredEvaluation.parse(withoutKeys(raw)), matching };
  };

  return {
    /** Requests with their evaluations (two keys each, BatchGetItem of ≤ 100 keys). */
    async closedRequests(clusterId: string, requestIds: string[]): Promise<ClosedRequest[]> {
      const out: ClosedRequest[] = [];
      for (const part of chunks(requestIds, BATCH_GET_MAX / 2)) {
        const items = await getMany(
          db,
          part.flatMap((r) => [requestKeys.item(clusterId, r), evaluationKeys.item(clusterId, r)]),
        );
        part.forEach((requestId, i) => {
          const raw = items[2 * i];
          out.push({ requestId, request: raw ? parseRequest(raw) : undefined, ...parseEvaluation(items[2 * i + 1]) });
        });
      }
      return out;
    },

    /** The request, its evaluation and the matching note, in one BatchGetItem (for the evaluation route). */
    async evaluationWithRequest(clusterId: string, requestId: string): Promise<Omit<ClosedRequest, 'requestId'>> {
      const [request, evaluation] = await getMany(db, [
        requestKeys.item(clusterId, requestId),
        evaluationKeys.item(clusterId, requestId),
      ]);
      return { request: request ? parseRequest(request) : undefined, ...parseEvaluation(evaluation) };
    },

    /**
     * Each provider's profile capacity (0 when the profile is gone or blocked) and the delivery
     * windows of its engagements: requests in any cluster awarded to it, awarded or in delivery.
     * Found from its bids (GSI1), since an award is always one of its bids; `exclude` leaves out
     * the requests being matched.
     */
    async capacities(
      providerIds: string[],
      exclude: Set<string>,
    ): Promise<Map<string, { capacity: number; engagements: DeliveryWindow[] }>> {
      const profiles = new Map<string, { capacity: number; engagements: DeliveryWindow[] }>();
      for (const part of chunks(providerIds, BATCH_GET_MAX)) {
        const items = await getMany(
          db,
          part.map((p) => keys.provider(p)),
        );
        part.forEach((p, i) => {
          const item = items[i];
          const capacity = item && item.blocked !== true && typeof item.capacity === 'number' ? item.capacity : 0;
          profiles.set(p, { capacity, engagements: [] });
        });
      }
      await Promise.all(
        providerIds.map(async (providerId) => {
          const requestKeysOf = new Map<string, { PK: string; SK: string }>();
          const bids = await queryAll(
            db,
            {
              IndexName: 'GSI1',
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': bidKeys.providerPartition(providerId) },
              ProjectionExpression: 'clusterId, requestId',
            },
            (bid) => ({ clusterId: String(bid.clusterId), requestId: String(bid.requestId) }),
          );
          for (const bid of bids) {
            if (!exclude.has(bid.requestId))
              requestKeysOf.set(bid.requestId, requestKeys.item(bid.clusterId, bid.requestId));
          }
          // A split request's contract is a request of its own (no bid of its own): read it through the split.
          const contracts: { PK: string; SK: string }[] = [];
          const engage = (raw: Record<string, unknown> | undefined) => {
            const request = Engaged.safeParse(raw);
            if (!request.success) return;
            for (const c of request.data.splitAward?.contracts ?? [])
              if (c.providerId === providerId && !exclude.has(c.requestId))
                contracts.push(requestKeys.item(String(raw?.clusterId), c.requestId));
            if (ENGAGED.has(request.data.status) && request.data.award?.providerId === providerId)
              profiles.get(providerId)!.engagements.push(request.data.deliveryWindow);
          };
          for (const part of chunks([...requestKeysOf.values()], BATCH_GET_MAX))
            for (const raw of await getMany(db, part)) engage(raw);
          for (const part of chunks(contracts, BATCH_GET_MAX)) for (const raw of await getMany(db, part)) engage(raw);
        }),
      );
      return profiles;
    },

    /**
     * Claims the run's requests and applies its result, all or nothing: the run record (new),
     * and per request a check that it is still `evaluating` and an update of its evaluation
     * (recommendation + matching note) on condition that no run has set one yet. Throws
     * `ClaimLost` naming the requests that failed their condition; at most 49 requests a run.
     */
    async record(run: MatchingRun, changes: EvaluationChange[]): Promise<void> {
      const items = [
        {
          Put: {
            TableName: db.table,
            Item: { ...matchingRunKeys.item(run.clusterId, run.runId), entity: 'matchingRun', ...run },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        ...changes.flatMap((c) => [
          {
            ConditionCheck: {
              TableName: db.table,
              Key: requestKeys.item(run.clusterId, c.requestId),
              ConditionExpression: '#status = :evaluating',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':evaluating': 'evaluating' },
            },
          },
          {
            Update: {
              TableName: db.table,
              Key: evaluationKeys.item(run.clusterId, c.requestId),
              UpdateExpression: 'SET recommended = :recommended, matching = :matching',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(matching)',
              ExpressionAttributeValues: { ':recommended': c.recommended, ':matching': c.matching },
            },
          },
        ]),
      ];
      await transact(db, items, (reasons) => {
        const lost = changes
          .filter((_, i) => failedAt(reasons, 1 + 2 * i) || failedAt(reasons, 2 + 2 * i))
          .map((c) => c.requestId);
        return lost.length ? new ClaimLost(lost) : undefined;
      });
    },

    async get(clusterId: string, runId: string): Promise<MatchingRun | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: matchingRunKeys.item(clusterId, runId), ConsistentRead: true }),
      );
      return out.Item ? MatchingRun.parse(withoutKeys(out.Item)) : undefined;
    },
  };
}
export type MatchingRunStore = ReturnType<typeof matchingRunStore>;

/** Requests a single run may hold: one run record plus two items per request in one transaction of ≤ 100. */
export const MAX_REQUESTS_PER_RUN = 49;
