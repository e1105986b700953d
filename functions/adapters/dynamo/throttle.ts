import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db';
import { keys } from './keys';

/** Counts failed sign-ins per subject (account or address) in fixed windows; TTL cleans up. */
export function throttleStore(db: Db) {
  return {
    /** The failures counted so far in each subject's window, in one round trip. */
    async failures(subjects: { subject: string; windowStart: number }[]): Promise<number[]> {
      const out = await db.doc.send(
        new BatchGetCommand({
          RequestItems: { [db.table]: { Keys: subjects.map((s) => keys.throttle(s.subject, s.windowStart)) } },
        }),
      );
      const found = out.Responses?.[db.table] ?? [];
      return subjects.map((s) => {
        const key = keys.throttle(s.subject, s.windowStart);
        return Number(found.find((i) => i.PK === key.PK && i.SK === key.SK)?.failures ?? 0);
      });
    },
    async recordFailure(subject: string, windowStart: number, expiresAtSeconds: number): Promise<void> {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.throttle(subject, windowStart),
          UpdateExpression: 'ADD failures :one SET expiresAt = :exp',
          ExpressionAttributeValues: { ':one': 1, ':exp': expiresAtSeconds },
        }),
      );
    },
  };
}
export type ThrottleStore = ReturnType<typeof throttleStore>;
