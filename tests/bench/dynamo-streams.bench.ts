/**
 * `npm run bench:dynamo-streams`: what DynamoDB Local 1.25 charges a transaction for the stream records it holds.
 *
 * On one in-memory JVM: 300 two-item TransactWriteItems (8 in flight) on a fresh table with a stream, then the same
 * after another table has written 10,000 items, (a) with a stream, (b) without one, and (c) after the streamed table
 * is deleted; beside them 300 PutItems. The JVM's CPU is read from /proc. Why the integration run deals its files out
 * to several JVMs (docs/testing.md). Writes bench/results/dynamo-streams.md and prints it.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE } from '@bds/core';
import { ensureTable } from '../../functions/adapters/dynamo/create-table';
import { createDb } from '../../functions/adapters/dynamo/db';
import { startDynamoLocal, type DynamoLocal } from '../../functions/local/dynamo-local';

const RESULTS = fileURLToPath(new URL('../../bench/results/dynamo-streams.md', import.meta.url));
const OPS = 300;
const FILLER = 10_000;
const say = (line: string) => console.log(`[bench:dynamo-streams] ${line}`);

/** utime + stime of the JVM, in seconds. */
const jvmCpu = (d: DynamoLocal): number => {
  const fields = readFileSync(`/proc/${d.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

interface Row {
  case: string;
  op: string;
  wallMs: number;
  jvmMs: number;
}

async function timed(d: DynamoLocal, label: string, op: string, run: (i: number) => Promise<unknown>): Promise<Row> {
  const cpu0 = jvmCpu(d);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < OPS; i = next++) await run(i);
    }),
  );
  const row = { case: label, op, wallMs: performance.now() - t0, jvmMs: (jvmCpu(d) - cpu0) * 1000 };
  say(`${label}: ${OPS} ${op}, ${(row.jvmMs / OPS).toFixed(1)} ms of JVM CPU each`);
  return row;
}

/** A fresh table with a stream (as every table of the app) and 300 transactions on it. */
async function transactions(d: DynamoLocal, label: string): Promise<Row> {
  const table = `tx-${label.replace(/\W+/g, '-')}`;
  const db = createDb({ tableName: table, endpoint: d.endpoint });
  await ensureTable(db.client, table);
  return timed(d, label, 'transactions', (i) =>
    db.doc.send(
      new TransactWriteCommand({
        TransactItems: ['a', 'b'].map((k) => ({ Put: { TableName: table, Item: { PK: `${k}${i}`, SK: 'x', v: i } } })),
      }),
    ),
  );
}

/** 10,000 items of 300 bytes into `table`, 25 to a BatchWriteItem. */
async function fill(d: DynamoLocal, table: string, stream: boolean): Promise<void> {
  const db = createDb({ tableName: table, endpoint: d.endpoint });
  if (stream) await ensureTable(db.client, table);
  else
    await db.client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [TABLE.partitionKey, TABLE.sortKey].map((n) => ({
          AttributeName: n,
          AttributeType: 'S',
        })),
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
      }),
    );
  for (let b = 0; b < FILLER / 25; b++) {
    const items = Array.from({ length: 25 }, (_, i) => ({
      PutRequest: { Item: { PK: `k${b}-${i}`, SK: 'x', data: 'x'.repeat(300) } },
    }));
    await db.doc.send(new BatchWriteCommand({ RequestItems: { [table]: items } }));
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  // Each case on a JVM of its own, so no case pays for another's records.
  const withJvm = async (work: (d: DynamoLocal) => Promise<void>) => {
    const d = await startDynamoLocal({ log: say });
    try {
      await transactions(d, 'warm-up');
      await work(d);
    } finally {
      await d.stop();
    }
  };
  await withJvm(async (d) => {
    rows.push(await transactions(d, 'fresh JVM'));
    const db = createDb({ tableName: 'puts', endpoint: d.endpoint });
    await ensureTable(db.client, 'puts');
    rows.push(
      await timed(d, 'fresh JVM', 'puts', (i) =>
        db.doc.send(new PutCommand({ TableName: 'puts', Item: { PK: `p${i}`, SK: 'x' } })),
      ),
    );
    await fill(d, 'filler', true);
    rows.push(await transactions(d, `after ${FILLER} items in a table with a stream`));
    rows.push(
      await timed(d, `after ${FILLER} items in a table with a stream`, 'puts', (i) =>
        db.doc.send(new PutCommand({ TableName: 'puts', Item: { PK: `q${i}`, SK: 'x' } })),
      ),
    );
    await createDb({ tableName: 'filler', endpoint: d.endpoint }).client.send(
      new DeleteTableCommand({ TableName: 'filler' }),
    );
    rows.push(await transactions(d, 'after that table is deleted'));
  });
  await withJvm(async (d) => {
    await fill(d, 'filler', false);
    rows.push(await transactions(d, `after ${FILLER} items in a table without a stream`));
  });

  const ms = (n: number) => n.toFixed(0);
  const load = loadavg()[0]!.toFixed(1);
  const table = [
    '| JVM state | operation | wall (ms) | JVM CPU (ms) | JVM CPU per operation (ms) |',
    '|---|---|---:|---:|---:|',
    ...rows.map(
      (r) => `| ${r.case} | ${OPS} ${r.op} | ${ms(r.wallMs)} | ${ms(r.jvmMs)} | ${(r.jvmMs / OPS).toFixed(1)} |`,
    ),
  ];
  const text = [
    '# DynamoDB Local: what a transaction pays for the stream records the JVM holds',
    '',
    `\`npm run bench:dynamo-streams\` on ${new Date().toISOString().slice(0, 10)}, load ${load} at the end`,
    '(wall times depend on the load; the JVM CPU much less). DynamoDB Local 1.25.1, in memory, 8 requests in flight.',
    '',
    ...table,
    '',
    'Transactions slow with every stream record the JVM holds, in any table, a deleted one included; puts do not,',
    "and items of a table without a stream do not. Hence the integration run's several JVMs (docs/testing.md).",
    '',
  ].join('\n');
  await mkdir(dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, text);
  console.log(text);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
