import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '/work/main/functions/adapters/dynamo/create-table';
import { dynamoClientConfig, freePort } from '/work/main/functions/local/dynamo-local';
const emu = '/work/main/.cache/dynamodb-local/emulator';
for (const flags of [['-Xmx256m', '-Xms64m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'], ['-Xmx512m', '-Xms256m']]) {
  const port = await freePort();
  const child = spawn('java', [...flags, `-Djava.library.path=${join(emu, 'DynamoDBLocal_lib')}`, '-jar', join(emu, 'DynamoDBLocal.jar'), '-inMemory', '-sharedDb', '-disableTelemetry', '-port', String(port)], { cwd: mkdtempSync(join(tmpdir(), 'ddbl-')), detached: true, stdio: 'ignore' });
  try {
    const client = new DynamoDBClient(dynamoClientConfig(`http://127.0.0.1:${port}`));
    for (;;) { try { await client.send(new ListTablesCommand({})); break; } catch { await new Promise((r) => setTimeout(r, 200)); } }
    const doc = DynamoDBDocumentClient.from(client);
    await ensureTable(client, 'tbl');
    const time = async (label: string, n: number, f: (i: number) => Promise<unknown>) => { const t0 = performance.now(); for (let i = 0; i < n; i++) await f(i); return `${label} ${((performance.now() - t0) / n).toFixed(1)}ms`; };
    const out = [];
    for (const round of [0, 1, 2, 3]) {
      out.push(await time(`r${round} get`, 300, () => doc.send(new GetCommand({ TableName: 'tbl', Key: { PK: 'a', SK: 'b' }, ConsistentRead: true }))));
      out.push(await time(`tx5`, 300, (i) => doc.send(new TransactWriteCommand({ TransactItems: Array.from({ length: 5 }, (_, k) => ({ Put: { TableName: 'tbl', Item: { PK: `x${round}-${i}-${k}`, SK: 'b', v: 1 }, ConditionExpression: 'attribute_not_exists(PK)' } })) }))));
    }
    console.log(flags.join(' '), '|', out.join(', '));
    client.destroy();
  } finally { process.kill(-child.pid!, 'SIGKILL'); }
}
