import type { DomainEvent } from '@bds/core';
import { systemClock } from '../system';
import type { Db } from './db';
import { keys } from './keys';

const RETENTION_SECONDS = 7 * 24 * 60 * 60;

/**
 * The transactional outbox: the Put that stores an event in the same transaction as the
 * state change that caused it. The table's stream carries it to the relay, which sends it
 * to the queue; nothing is published outside a committed transaction.
 *
 * @example
 * await db.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: requestPut }, { Put: outboxPut(db, event) }] }));
 */
export function outboxPut(db: Db, event: DomainEvent, now = systemClock.now()) {
  return {
    TableName: db.table,
    Item: { ...keys.outbox(event.id), entity: 'outbox', event, expiresAt: Math.floor(now / 1000) + RETENTION_SECONDS },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}
