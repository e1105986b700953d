import { Complaint, conflict, type AuditEntry, type DomainEvent, type ServiceRequest } from '@bds/core';
import { auditItem } from './audit';
import type { Page } from './cursor';
import type { Db } from './db';
import { evaluationKeys, type StoredEvaluation } from './evaluations';
import { withoutKeys } from './keys';
import { outboxPut } from './outbox';
import { queryAll, queryPage } from './page';
import { requestUpdate } from './requests';
import { failedAt, transact } from './transact';

/**
 * A complaint sits beside its request, keyed by the complaining provider: one per bidder and
 * request is a uniqueness condition, not a read. While open, GSI1 (sparse) lists it in the
 * cluster's to-do of open complaints, oldest first.
 */
export const complaintKeys = {
  item: (clusterId: string, requestId: string, providerId: string) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `COMPLAINT#${requestId}#${providerId}`,
  }),
  ofRequest: (requestId: string) => `COMPLAINT#${requestId}#`,
  openPartition: (clusterId: string) => `CLUSTER#${clusterId}#COMPLAINTS#OPEN`,
  open: (c: Complaint) => ({ GSI1PK: complaintKeys.openPartition(c.clusterId), GSI1SK: `${c.filedAt}#${c.id}` }),
};

const itemOf = (c: Complaint) => ({
  ...complaintKeys.item(c.clusterId, c.requestId, c.providerId),
  ...(c.status === 'open' ? complaintKeys.open(c) : {}),
  entity: 'complaint',
  ...c,
});
const parse = (raw: Record<string, unknown>): Complaint => Complaint.parse(withoutKeys(raw));

const versionConflict = () =>
  conflict('REQUEST.VERSION_CONFLICT', 'The request changed since you read it; reload and try again', 'version');

/** Complaints against rankings, written with the request's open-complaint count in one transaction. */
export function complaintStore(db: Db) {
  return {
    /** Every complaint on a request (one per bidder at most: a short Query). */
    async forRequest(clusterId: string, requestId: string): Promise<Complaint[]> {
      return queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': `CLUSTER#${clusterId}`, ':sk': complaintKeys.ofRequest(requestId) },
          ConsistentRead: true,
        },
        parse,
      );
    },

    /** The cluster's open complaints, oldest first (the cluster admin's to-do). */
    async listOpen(clusterId: string, opts: { limit: number; cursor?: string }): Promise<Page<Complaint>> {
      const pk = complaintKeys.openPartition(clusterId);
      return queryPage(
        db,
        {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          Limit: opts.limit,
        },
        { attribute: 'GSI1PK', value: pk },
        opts.cursor,
        parse,
      );
    },

    /**
     * Files a complaint: the request (one more open complaint, version-guarded), the complaint
     * (new: a second one by the same bidder is `COMPLAINT.ALREADY_FILED`), its audit entry and
     * event, all or nothing.
     */
    async file(
      next: ServiceRequest,
      expectedVersion: number,
      complaint: Complaint,
      entry: AuditEntry,
      events: readonly DomainEvent[],
    ): Promise<void> {
      await transact(
        db,
        [
          { Update: requestUpdate(db.table, next, expectedVersion) },
          { Put: { TableName: db.table, Item: itemOf(complaint), ConditionExpression: 'attribute_not_exists(PK)' } },
          { Put: auditItem(db, entry) },
          ...events.map((e) => ({ Put: outboxPut(db, e) })),
        ],
        (reasons) => {
          if (failedAt(reasons, 1))
            return conflict('COMPLAINT.ALREADY_FILED', 'You have already filed a complaint on this request');
          return failedAt(reasons, 0) ? versionConflict() : undefined;
        },
      );
    },

    /**
     * Stores a decision: the request (one fewer open complaint; cancelled, or with a new
     * stand-still), the complaint (still open when read, else `COMPLAINT.ALREADY_DECIDED`), a
     * re-evaluation replacing the published one, the audit entry and the events, all or nothing.
     */
    async decide(
      next: ServiceRequest,
      expectedVersion: number,
      complaint: Complaint,
      entry: AuditEntry,
      events: readonly DomainEvent[],
      evaluation?: StoredEvaluation,
    ): Promise<void> {
      const replaced = evaluation
        ? [
            {
              Put: {
                TableName: db.table,
                Item: {
                  ...evaluationKeys.item(evaluation.clusterId, evaluation.requestId),
                  entity: 'evaluation',
                  ...evaluation,
                },
              },
            },
          ]
        : [];
      await transact(
        db,
        [
          { Update: requestUpdate(db.table, next, expectedVersion) },
          {
            Put: {
              TableName: db.table,
              Item: itemOf(complaint),
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'open' },
            },
          },
          ...replaced,
          { Put: auditItem(db, entry) },
          ...events.map((e) => ({ Put: outboxPut(db, e) })),
        ],
        (reasons) => {
          if (failedAt(reasons, 1)) return conflict('COMPLAINT.ALREADY_DECIDED', 'The complaint was already decided');
          return failedAt(reasons, 0) ? versionConflict() : undefined;
        },
      );
    },
  };
}
export type ComplaintStore = ReturnType<typeof complaintStore>;
