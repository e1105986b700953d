import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { attendanceErrors, idPattern } from '@bds/core';
import type { Db } from './db';
import type { EscrowSideWrite } from './escrow';
import { withoutKeys } from './keys';
import { queryAll } from './page';
import { failedAt, transact } from './transact';

/**
 * The keys of the firms' confirmations (issue 12): one item per (milestone, listed firm) in the
 * cluster's partition, and one per live link under the SHA-256 of its token, as sign-up links are.
 */
export const attendanceKeys = {
  request: (clusterId: string, requestId: string, index: number, firmId: string) => ({
    PK: `CLUSTER#${clusterId}`,
    SK: `ATTEND#${requestId}#m${String(index).padStart(2, '0')}#${firmId}`,
  }),
  milestonePrefix: (requestId: string, index: number) => `ATTEND#${requestId}#m${String(index).padStart(2, '0')}#`,
  link: (tokenHash: string) => ({ PK: `ATTEND#${tokenHash}`, SK: 'ATTEND' }),
};

/**
 * A listed firm asked "Did you attend?": its code (for its association to enter on its behalf),
 * and, when it has mail, the hash of its link's token. `mailToken` holds the raw token only
 * from the moment the request is written until its mail is recorded (a retry after a crash in
 * between mails the same link, never a second one), then it is removed.
 */
export const AttendanceRequest = z.object({
  clusterId: z.string().regex(idPattern('cluster')),
  requestId: z.string().regex(idPattern('request')),
  index: z.number().int().min(0),
  firmId: z.string().regex(idPattern('firm')),
  firmName: z.string(),
  associationId: z.string().regex(idPattern('association')),
  code: z.string(),
  email: z.string().optional(),
  tokenHash: z.string().optional(),
  mailToken: z.string().optional(),
  mailedAt: z.iso.datetime().optional(),
  /** Epoch seconds: the link stops working (and its item is removed by TTL). */
  expiresAt: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type AttendanceRequest = z.infer<typeof AttendanceRequest>;

/** What a link's item says: which firm, for which milestone, until when. */
export const AttendanceLink = AttendanceRequest.pick({
  clusterId: true,
  requestId: true,
  index: true,
  firmId: true,
  expiresAt: true,
});
export type AttendanceLink = z.infer<typeof AttendanceLink>;

/**
 * The firms' confirmation requests and their links.
 *
 * @example
 * const request = await stores.attendance.issue(pending); // the stored one when a retry finds it
 */
export function attendanceStore(db: Db) {
  const get = async (key: { PK: string; SK: string }) =>
    (await db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true }))).Item;

  return {
    /**
     * Writes a new request (and its link) once; a retry that finds it returns the stored one
     * untouched, so every run after the first sees the same token, code and mail state.
     */
    async issue(request: AttendanceRequest): Promise<AttendanceRequest> {
      const key = attendanceKeys.request(request.clusterId, request.requestId, request.index, request.firmId);
      const link = request.tokenHash
        ? [
            {
              Put: {
                TableName: db.table,
                Item: {
                  ...attendanceKeys.link(request.tokenHash),
                  entity: 'attendance-link',
                  ...AttendanceLink.parse(request),
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ]
        : [];
      const exists = new Error('attendance request exists');
      const written = await transact(
        db,
        [
          {
            Put: {
              TableName: db.table,
              Item: { ...key, entity: 'attendance-request', ...request },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...link,
        ],
        (reasons) => (failedAt(reasons, 0) ? exists : undefined),
      ).then(
        () => true,
        (error: unknown) => {
          if (error === exists) return false;
          throw error;
        },
      );
      if (written) return request;
      return AttendanceRequest.parse(withoutKeys((await get(key))!));
    },

    /** The link was mailed: the raw token goes, only its hash stays. */
    async markMailed(r: AttendanceRequest, at: string): Promise<void> {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: attendanceKeys.request(r.clusterId, r.requestId, r.index, r.firmId),
          UpdateExpression: 'SET mailedAt = if_not_exists(mailedAt, :at) REMOVE mailToken',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },

    /** One firm's request for one milestone, or undefined. */
    async get(clusterId: string, requestId: string, index: number, firmId: string) {
      const item = await get(attendanceKeys.request(clusterId, requestId, index, firmId));
      return item ? AttendanceRequest.parse(withoutKeys(item)) : undefined;
    },

    /** The live link of a token's hash, or undefined. */
    async link(tokenHash: string): Promise<AttendanceLink | undefined> {
      const item = await get(attendanceKeys.link(tokenHash));
      return item ? AttendanceLink.parse(withoutKeys(item)) : undefined;
    },

    /** Every request of one milestone, by firm id (≤ 500: one Query, paged). */
    async list(clusterId: string, requestId: string, index: number): Promise<AttendanceRequest[]> {
      return queryAll(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: {
            ':pk': `CLUSTER#${clusterId}`,
            ':prefix': attendanceKeys.milestonePrefix(requestId, index),
          },
          ConsistentRead: true,
        },
        (raw) => AttendanceRequest.parse(withoutKeys(raw)),
      );
    },

    /**
     * The write that uses a link up, to commit with the answer: the link must still exist and
     * not have expired, else `ATTENDANCE.LINK_INVALID` and nothing is written.
     */
    useLink(tokenHash: string, nowSeconds: number): EscrowSideWrite {
      return {
        item: {
          Delete: {
            TableName: db.table,
            Key: attendanceKeys.link(tokenHash),
            ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
            ExpressionAttributeValues: { ':now': nowSeconds },
          },
        },
        onFail: attendanceErrors.linkInvalid,
      };
    },
  };
}
export type AttendanceStore = ReturnType<typeof attendanceStore>;
