import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { newEvent, type EventEnvelope } from '@bds/core';
import { outboxPut } from '../../functions/adapters/dynamo/outbox';
import { LocalStreamRelay } from '../../functions/local/stream-relay';
import { silentLogger } from '../../functions/observability/logger';
import { createRelayHandler } from '../../functions/workers/relay/relay';
import { freshTable } from './support/dynamo';
import { dynamoEndpoint } from './support/endpoint';

const event = (n: number) => {
  const at = new Date().toISOString();
  return newEvent(
    'request.opened',
    { requestId: `req_${n}`, title: `t${n}`, category: 'training', deadline: at, leadAssociationId: 'ass_1' },
    {
      id: `evt_${String(n).padStart(26, '0')}`,
      clusterId: 'clu_1',
      occurredAt: at,
      correlationId: `c-${n}`,
    },
  );
};

async function relayInto(tableName: string, checkpointFile: string, publish: (e: EventEnvelope) => Promise<void>) {
  const relay = new LocalStreamRelay({
    endpoint: dynamoEndpoint(),
    tableName,
    checkpointFile,
    pollIntervalMs: 20,
    handler: createRelayHandler({ publisher: { publish }, log: silentLogger }),
  });
  await relay.start();
  return relay;
}

describe('the transactional outbox and its relay', () => {
  it('delivers an event committed while the relay was down exactly once, across restarts', async () => {
    // Prepare: the relay is not running when the state change commits.
    const { doc, tableName } = await freshTable();
    const db = { doc, table: tableName } as never;
    const checkpointFile = join(await mkdtemp(join(tmpdir(), 'relay-')), 'checkpoint.json');
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { PK: 'CLUSTER#clu_1', SK: 'REQ#req_1', entity: 'request', status: 'open' },
            },
          },
          { Put: outboxPut(db, event(1)) },
        ],
      }),
    );
    await doc.send(new PutCommand({ TableName: tableName, Item: { PK: 'X', SK: 'not-an-event', entity: 'other' } }));
    const delivered: string[] = [];

    // Act: start, drain, stop; start again on the same checkpoint, add one more, drain.
    const first = await relayInto(tableName, checkpointFile, async (e) => void delivered.push(e.id));
    await first.drain();
    await first.stop();
    const second = await relayInto(tableName, checkpointFile, async (e) => void delivered.push(e.id));
    await doc.send(new TransactWriteCommand({ TransactItems: [{ Put: outboxPut(db, event(2)) }] }));
    await second.drain();
    await second.stop();

    // Assess
    expect(delivered).toEqual([event(1).id, event(2).id]);
  });

  it('a failed delivery is retried from the failed event, in order, and nothing after it is skipped', async () => {
    const { doc, tableName } = await freshTable();
    const db = { doc, table: tableName } as never;
    for (const n of [1, 2, 3])
      await doc.send(new TransactWriteCommand({ TransactItems: [{ Put: outboxPut(db, event(n)) }] }));
    const delivered: string[] = [];
    let failOnce = true;
    const relay = await relayInto(tableName, join(await mkdtemp(join(tmpdir(), 'relay-')), 'c.json'), async (e) => {
      if (e.id === event(2).id && failOnce) {
        failOnce = false;
        throw new Error('queue unavailable');
      }
      delivered.push(e.id);
    });
    await relay.drain();
    await relay.stop();
    expect(delivered).toEqual([event(1).id, event(2).id, event(3).id]);
  });
});
