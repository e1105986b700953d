import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Rating, ratingErrors, type RatingSummary } from '@bds/core';
import type { Page } from './cursor';
import type { Db } from './db';
import { withoutKeys } from './keys';
import { queryAll, queryPage } from './page';
import { failedAt, isConditionFailure, transact } from './transact';

/** Where one rating sits: the milestone it judges and who gave it. */
export interface RatingKey {
  clusterId: string;
  providerId: string;
  category: string;
  requestId: string;
  milestoneIndex: number;
  raterId: string;
}

const m = (index: number) => `m${String(index).padStart(2, '0')}`;

/**
 * A cluster's ratings in their own partition: each rating keyed by provider, category,
 * request (ULIDs: newest last), milestone and rater, so "one per milestone per rater" is a
 * uniqueness condition; and one summary per category and provider (count and star sum), kept
 * in the rating's transaction so the close reads the cluster's summaries in one Query instead
 * of recounting every rating.
 */
export const ratingKeys = {
  partition: (clusterId: string) => `CLUSTER#${clusterId}#RATINGS`,
  item: (k: RatingKey) => ({
    PK: ratingKeys.partition(k.clusterId),
    SK: `RATING#${k.providerId}#${k.category}#${k.requestId}#${m(k.milestoneIndex)}#${k.raterId}`,
  }),
  ofProvider: (providerId: string, category?: string) => `RATING#${providerId}#${category ? `${category}#` : ''}`,
  ofRequest: (providerId: string, category: string, requestId: string) =>
    `RATING#${providerId}#${category}#${requestId}#`,
  summary: (clusterId: string, category: string, providerId: string) => ({
    PK: ratingKeys.partition(clusterId),
    SK: `SUM#${category}#${providerId}`,
  }),
  summaryPrefix: 'SUM#',
};

const parse = (raw: Record<string, unknown>): Rating => Rating.parse(withoutKeys(raw));

/** The ratings of delivered milestones and each provider's summary per cluster and category. */
export function ratingStore(db: Db) {
  const pk = ratingKeys.partition;
  return {
    /** Stores a new rating and counts it in its summary, all or nothing (`RATING.ALREADY_RATED` for a second one). */
    async add(rating: Rating): Promise<void> {
      await transact(
        db,
        [
          {
            Put: {
              TableName: db.table,
              Item: { ...ratingKeys.item(rating), entity: 'rating', ...rating },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: db.table,
              Key: ratingKeys.summary(rating.clusterId, rating.category, rating.providerId),
              UpdateExpression: 'ADD #count :one, #stars :stars SET entity = :entity, providerId = :p, category = :c',
              ExpressionAttributeNames: { '#count': 'count', '#stars': 'stars' },
              ExpressionAttributeValues: {
                ':one': 1,
                ':stars': rating.stars,
                ':entity': 'rating-summary',
                ':p': rating.providerId,
                ':c': rating.category,
              },
            },
          },
        ],
        (reasons) => (failedAt(reasons, 0) ? ratingErrors.alreadyRated() : undefined),
      );
    },

    async get(key: RatingKey): Promise<Rating | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: ratingKeys.item(key), ConsistentRead: true }),
      );
      return out.Item ? parse(out.Item) : undefined;
    },

    /** Stores the provider's answer once: a rating that already has one is `RATING.ALREADY_ANSWERED`. */
    async answer(next: Rating): Promise<void> {
      if (!next.answer) throw new Error('answer() needs a rating with its answer');
      try {
        await db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: ratingKeys.item(next),
            UpdateExpression: 'SET answer = :answer',
            ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(answer)',
            ExpressionAttributeValues: { ':answer': next.answer },
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw ratingErrors.alreadyAnswered();
        throw error;
      }
    },

    /** The ratings of one request's milestones (a handful: one per milestone and rater). */
    async forRequest(clusterId: string, providerId: string, category: string, requestId: string): Promise<Rating[]> {
      return queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: {
            ':pk': pk(clusterId),
            ':sk': ratingKeys.ofRequest(providerId, category, requestId),
          },
          ConsistentRead: true,
        },
        parse,
      );
    },

    /** A provider's ratings in a cluster (one category, or all), newest request first, a page at a time. */
    async forProvider(
      clusterId: string,
      providerId: string,
      opts: { category?: string | undefined; limit: number; cursor?: string | undefined },
    ): Promise<Page<Rating>> {
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': pk(clusterId), ':sk': ratingKeys.ofProvider(providerId, opts.category) },
          ScanIndexForward: false,
          Limit: opts.limit,
        },
        { attribute: 'PK', value: pk(clusterId) },
        opts.cursor,
        parse,
      );
    },

    /**
     * Every provider's summary in a cluster, by `category#providerId`: one Query (a cluster's
     * rated providers and categories are tens, not thousands), sent beside the close's reads.
     */
    async summaries(clusterId: string): Promise<Map<string, RatingSummary>> {
      const rows = await queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': pk(clusterId), ':sk': ratingKeys.summaryPrefix },
        },
        (i) => ({
          key: `${String(i.category)}#${String(i.providerId)}`,
          summary: { count: Number(i.count), stars: Number(i.stars) },
        }),
      );
      return new Map(rows.map((r) => [r.key, r.summary]));
    },
  };
}
export type RatingStore = ReturnType<typeof ratingStore>;

/**
 * A provider's summary in a category from `summaries`' map (none: a newcomer there).
 *
 * @example
 * summaryOf(await stores.ratings.summaries(clusterId), 'training', 'prv_…') // { count: 2, stars: 9 }
 */
export const summaryOf = (all: ReadonlyMap<string, RatingSummary>, category: string, providerId: string) =>
  all.get(`${category}#${providerId}`) ?? { count: 0, stars: 0 };
