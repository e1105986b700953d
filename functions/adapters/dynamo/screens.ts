import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { Money, ScreenFlag, ScreenFlagId, type AuditEntry, type ScreenedRequest } from '@bds/core';
import * as z from 'zod';
import { auditItem } from './audit';
import { getMany } from './batch-get';
import type { Db } from './db';
import { withoutKeys } from './keys';
import { queryAll } from './page';
import { requestKeys } from './requests';
import { isConditionFailure, transact } from './transact';

/**
 * A cluster's screen result is one item (`SCREENS`), overwritten whole by each recomputation, so
 * a late or repeated one leaves exactly what a fresh one would; reviews sit beside it, one per
 * flag (`SCREENREVIEW#<flagId>`), written only by a person and never by the worker.
 */
export const screenKeys = {
  result: (clusterId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: 'SCREENS' }),
  review: (clusterId: string, flagId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: `SCREENREVIEW#${flagId}` }),
  reviewPrefix: 'SCREENREVIEW#',
  evaluationPrefix: 'EVAL#',
};

/** The flags of a cluster and what they were computed from (`basis`: ranked evaluations + awards). */
export const StoredScreens = z.object({
  clusterId: z.string(),
  flags: z.array(ScreenFlag),
  requests: z.number().int().nonnegative(),
  basis: z.number().int().nonnegative(),
});
export type StoredScreens = z.infer<typeof StoredScreens>;

/** A person's review of a flag: the note, who and when, and the evidence it saw. */
export const ScreenReview = z.object({
  clusterId: z.string(),
  flagId: ScreenFlagId,
  note: z.string(),
  reviewedBy: z.string(),
  reviewedAt: z.iso.datetime(),
  evidenceHash: z.string(),
});
export type ScreenReview = z.infer<typeof ScreenReview>;

const EvalRow = z.object({
  requestId: z.string(),
  outcome: z.string(),
  evaluatedAt: z.string(),
  ranking: z.array(z.object({ providerId: z.string(), total: Money.Money })),
  recommended: z.object({ providerId: z.string() }).optional(),
});
const RequestRow = z.object({
  id: z.string(),
  category: z.string(),
  award: z.object({ providerId: z.string(), total: Money.Money }).optional(),
});

/** A projection of top-level attributes, each by a placeholder (so no reserved word can break it). */
const projection = (names: readonly string[]) => ({
  ProjectionExpression: names.map((_, i) => `#p${i}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#p${i}`, n])),
});

/** Screen results and reviews of a cluster. */
export function screenStore(db: Db) {
  return {
    /**
     * What the screens read of a cluster: every ranked evaluation and every request, each one
     * paged Query of the cluster's partition (`EVAL#`, `REQ#`) reading only the fields the screens
     * use. Its cost grows with the cluster's history; docs/procurement.md says when to change that.
     */
    async inputs(clusterId: string): Promise<{ requests: ScreenedRequest[]; basis: number }> {
      const pk = `CLUSTER#${clusterId}`;
      const [evaluations, rows] = await Promise.all([
        queryAll(
          db,
          {
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            ExpressionAttributeValues: { ':pk': pk, ':sk': screenKeys.evaluationPrefix },
            ...projection(['requestId', 'outcome', 'evaluatedAt', 'ranking', 'recommended']),
            ConsistentRead: true,
          },
          (raw) => EvalRow.parse(raw),
        ),
        queryAll(
          db,
          {
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
            ExpressionAttributeValues: { ':pk': pk, ':sk': requestKeys.prefix },
            ...projection(['id', 'category', 'award']),
            ConsistentRead: true,
          },
          (raw) => RequestRow.parse(raw),
        ),
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const requests: ScreenedRequest[] = [];
      let awards = 0;
      for (const e of evaluations) {
        const r = byId.get(e.requestId);
        if (e.outcome !== 'ranked' || !r) continue;
        if (r.award) awards++;
        const winnerId = r.award?.providerId ?? e.recommended?.providerId;
        requests.push({
          requestId: e.requestId,
          category: r.category,
          closedAt: e.evaluatedAt,
          bids: e.ranking.map((b) => ({ providerId: b.providerId, total: b.total })),
          ...(winnerId ? { winnerId } : {}),
          ...(r.award ? { awarded: r.award.total } : {}),
        });
      }
      return { requests, basis: requests.length + awards };
    },

    /**
     * Replaces the cluster's result unless a newer one is stored (a larger basis: more requests
     * ranked or awarded), so two recomputations racing leave the later state's flags.
     */
    async save(result: StoredScreens): Promise<void> {
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: { ...screenKeys.result(result.clusterId), entity: 'screens', ...result },
            ConditionExpression: 'attribute_not_exists(PK) OR basis <= :basis',
            ExpressionAttributeValues: { ':basis': result.basis },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /** The cluster's result (absent until a request of it is ranked) and every review. */
    async get(clusterId: string): Promise<{ result?: StoredScreens; reviews: ScreenReview[] }> {
      const [raw] = await getMany(db, [screenKeys.result(clusterId)]);
      const reviews = await queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': `CLUSTER#${clusterId}`, ':sk': screenKeys.reviewPrefix },
        },
        (item) => ScreenReview.parse(withoutKeys(item)),
      );
      return { ...(raw ? { result: StoredScreens.parse(withoutKeys(raw)) } : {}), reviews };
    },

    /** Several clusters' results at once (the open-data counts): one BatchGetItem. */
    async results(clusterIds: readonly string[]): Promise<(StoredScreens | undefined)[]> {
      const raws = await getMany(
        db,
        clusterIds.map((c) => screenKeys.result(c)),
      );
      return raws.map((raw) => (raw ? StoredScreens.parse(withoutKeys(raw)) : undefined));
    },

    /** Records a review (a later one replaces it) with its audit entry, together. */
    async review(review: ScreenReview, entry: AuditEntry): Promise<void> {
      await transact(
        db,
        [
          {
            Put: {
              TableName: db.table,
              Item: { ...screenKeys.review(review.clusterId, review.flagId), entity: 'screen-review', ...review },
            },
          },
          { Put: auditItem(db, entry) },
        ],
        () => undefined,
      );
    },
  };
}
export type ScreenStore = ReturnType<typeof screenStore>;
