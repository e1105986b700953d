import { GetCommand, PutCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  DomainError,
  EscrowRecord,
  escrowErrors,
  type AuditEntry,
  type DomainEvent,
  type ServiceRequest,
} from '@bds/core';
import { auditItem } from './audit';
import type { Db } from './db';
import { withoutKeys } from './keys';
import { outboxPut } from './outbox';
import { parseRequest, requestKeys, requestUpdate, type StoredRequest } from './requests';
import { DYNAMO_RETRY, retry } from './retry';
import { failedAt, isConditionFailure, transact } from './transact';
import { queryAll } from './page';

/** An award's escrow record sits in its cluster's partition, beside the request it belongs to. */
export const escrowKeys = {
  item: (clusterId: string, requestId: string) => ({ PK: `CLUSTER#${clusterId}`, SK: `ESCROW#${requestId}` }),
};

const ATTEMPTS = 10;
const lostRace = (error: unknown) => error instanceof DomainError && error.code === 'ESCROW.VERSION_CONFLICT';

const item = (r: EscrowRecord) => ({ ...escrowKeys.item(r.clusterId, r.requestId), entity: 'escrow', ...r });

/**
 * A request transition that commits with an escrow change (delivery started, completed), guarded by the request's
 * version.
 */
export interface RequestStep {
  next: ServiceRequest;
  expectedVersion: number;
  /** Who did it, when a person did (a system step, like auto-acceptance, has none). */
  audit?: AuditEntry;
}

/** One more conditional write that must commit with the record (a confirmation link used up), and its error. */
export interface EscrowSideWrite {
  item: NonNullable<TransactWriteCommandInput['TransactItems']>[number];
  onFail: () => DomainError;
}

/**
 * What a change decides from the record as read (and the request, when `change` was asked to
 * read it): the next record, the events it causes and the request's transition, or nothing to write.
 */
export type EscrowChange<T> = (
  current: EscrowRecord,
  request: StoredRequest | undefined,
) =>
  | {
      record: EscrowRecord;
      events?: readonly DomainEvent[];
      request?: RequestStep | undefined;
      also?: readonly EscrowSideWrite[];
      result: T;
    }
  | { result: T; record?: undefined };

/**
 * Escrow records (one per awarded request), version-guarded: every write names the version it
 * read, so two decisions on one milestone can never both be stored.
 *
 * @example
 * const { result } = await escrow.change(clusterId, requestId, (r) => { const d = acceptMilestone(r, 0, actor, at);
 * return { record: d.record, result: d }; });
 */
export function escrowStore(db: Db) {
  async function get(clusterId: string, requestId: string): Promise<EscrowRecord | undefined> {
    const out = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: escrowKeys.item(clusterId, requestId), ConsistentRead: true }),
    );
    return out.Item ? EscrowRecord.parse(withoutKeys(out.Item)) : undefined;
  }

  const getRequest = async (clusterId: string, requestId: string): Promise<StoredRequest | undefined> => {
    const out = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: requestKeys.item(clusterId, requestId), ConsistentRead: true }),
    );
    return out.Item ? parseRequest(out.Item) : undefined;
  };

  /**
   * Stores `next` (version + 1) if the record is still at `expectedVersion`, with its events
   * (outbox) and the request's transition (and its audit entry) in the same transaction: the
   * request can never say `completed` while the record says otherwise, nor the reverse. Either
   * version having moved is a conflict for `change` to re-read and re-decide.
   */
  async function save(
    next: EscrowRecord,
    expectedVersion: number,
    events: readonly DomainEvent[] = [],
    step?: RequestStep,
    also: readonly EscrowSideWrite[] = [],
  ): Promise<EscrowRecord> {
    const stored = { ...next, version: expectedVersion + 1 };
    const put = {
      TableName: db.table,
      Item: item(stored),
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    };
    if (events.length === 0 && !step && also.length === 0) {
      try {
        await db.doc.send(new PutCommand(put));
      } catch (error) {
        throw isConditionFailure(error) ? escrowErrors.versionConflict() : error;
      }
    } else {
      const request = step
        ? [
            { Update: requestUpdate(db.table, step.next, step.expectedVersion) },
            ...(step.audit ? [{ Put: auditItem(db, step.audit) }] : []),
          ]
        : [];
      const first = 1 + request.length + events.length;
      await transact(
        db,
        [{ Put: put }, ...request, ...events.map((e) => ({ Put: outboxPut(db, e) })), ...also.map((a) => a.item)],
        (reasons) => {
          // A side write's own failure (the link was used meanwhile) wins over a version race: retrying cannot help.
          const side = also.findIndex((_, i) => failedAt(reasons, first + i));
          if (side >= 0) return also[side]!.onFail();
          return failedAt(reasons, 0) || (step && failedAt(reasons, 1)) ? escrowErrors.versionConflict() : undefined;
        },
      );
    }
    return stored;
  }

  return {
    get,
    save,

    /** Stores a new record; false when the award already has one (a retry: read it instead). */
    async create(record: EscrowRecord): Promise<boolean> {
      try {
        await db.doc.send(
          new PutCommand({ TableName: db.table, Item: item(record), ConditionExpression: 'attribute_not_exists(PK)' }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /**
     * Reads the record, lets `decide` change it, and stores the result under the version read;
     * when another writer got there first, reads again and decides again (so the loser of a
     * race sees the winner's decision, e.g. `MILESTONE.ALREADY_DECIDED`). With `withRequest`,
     * the request is read beside the record on every attempt and passed to `decide`.
     */
    async change<T>(
      clusterId: string,
      requestId: string,
      decide: EscrowChange<T>,
      opts: { withRequest?: boolean } = {},
    ): Promise<{ result: T; record: EscrowRecord }> {
      return retry(
        async () => {
          const [current, request] = await Promise.all([
            get(clusterId, requestId),
            opts.withRequest ? getRequest(clusterId, requestId) : undefined,
          ]);
          if (!current) throw escrowErrors.notFound();
          const out = decide(current, request);
          if (!out.record) return { result: out.result, record: current };
          const saved = await save(out.record, current.version, out.events ?? [], out.request, out.also ?? []);
          return { result: out.result, record: saved };
        },
        { retryIf: lostRace, policy: { ...DYNAMO_RETRY, attempts: ATTEMPTS } },
      );
    },

    /**
     * How many awards of `category` the association received before this one (awardedAt, then
     * request id): a Query of the cluster's requests (an association's requests are all in its
     * cluster's partition), filtered and projected to what the count needs. Cancelled awards
     * count too: the number depends only on the stored awards, not on the order they are processed.
     */
    async earlierAwards(award: {
      clusterId: string;
      associationId: string;
      category: string;
      awardedAt: string;
      requestId: string;
    }): Promise<number> {
      const pk = requestKeys.item(award.clusterId, '').PK;
      const earlier = await queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :req)',
          FilterExpression:
            'associationId = :a AND category = :c AND attribute_exists(award.awardedAt) AND award.awardedAt <= :at',
          ProjectionExpression: 'id, award.awardedAt',
          ExpressionAttributeValues: {
            ':pk': pk,
            ':req': requestKeys.prefix,
            ':a': award.associationId,
            ':c': award.category,
            ':at': award.awardedAt,
          },
          ConsistentRead: true,
        },
        (raw) => ({ at: (raw.award as { awardedAt: string }).awardedAt, id: String(raw.id) }),
      );
      return earlier.filter(({ at, id }) => at < award.awardedAt || (at === award.awardedAt && id < award.requestId))
        .length;
    },
  };
}
export type EscrowStore = ReturnType<typeof escrowStore>;
