import { it } from 'vitest';
import { BatchGetCommand, TransactWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ledgerOnFreshTable, movableClock } from './support';
import { AT } from '../../unit/ledger/fixtures';
it('profile', async () => {
  const t = await ledgerOnFreshTable(movableClock(AT));
  const time = async (label: string, n: number, f: (i: number) => Promise<unknown>) => { const t0 = performance.now(); for (let i = 0; i < n; i++) await f(i); console.log(`${label}: ${((performance.now() - t0) / n).toFixed(1)} ms`); };
  const T = t.db.table;
  for (const round of [0, 1]) {
    await time(`r${round} get1`, 100, () => t.db.doc.send(new GetCommand({ TableName: T, Key: { PK: 'a', SK: 'b' }, ConsistentRead: true })));
    await time(`r${round} batchget1`, 100, () => t.db.doc.send(new BatchGetCommand({ RequestItems: { [T]: { Keys: [{ PK: 'a', SK: 'b' }], ConsistentRead: true } } })));
    await time(`r${round} batchget12`, 100, () => t.db.doc.send(new BatchGetCommand({ RequestItems: { [T]: { Keys: Array.from({ length: 12 }, (_, k) => ({ PK: 'a' + k, SK: 'b' })), ConsistentRead: true } } })));
    for (const n of [1, 2, 5, 8]) await time(`r${round} tx${n}`, 60, (i) => t.db.doc.send(new TransactWriteCommand({ TransactItems: Array.from({ length: n }, (_, k) => ({ Put: { TableName: T, Item: { PK: `x${round}-${n}-${i}-${k}`, SK: 'b', v: 1 }, ConditionExpression: 'attribute_not_exists(PK)' } })) })));
    for (const n of [1, 5]) await time(`r${round} txupd${n}`, 60, (i) => t.db.doc.send(new TransactWriteCommand({ TransactItems: Array.from({ length: n }, (_, k) => ({ Update: { TableName: T, Key: { PK: `acct${k}`, SK: 'A' }, UpdateExpression: 'ADD v :one', ConditionExpression: 'attribute_not_exists(c) OR c = :c', ExpressionAttributeValues: { ':one': 1, ':c': 'INR' } } })) })));
  }
  t.close();
}, 600_000);
