import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditIndicatorStore } from '../adapters/dynamo/indicators-audit';
import { createDb } from '../adapters/dynamo/db';
import { startDynamoLocal } from './dynamo-local';
import { DEFAULT_DATA_DIR, STACK_FILE, type RunningStack } from './stack';

/**
 * `npm run audit:indicators`: recomputes every indicator aggregate from the escrow records and
 * the ledger and prints each difference; exits 1 when there is one. Where it looks:
 * - DYNAMODB_ENDPOINT and/or TABLE_NAME set: that table (AWS: leave the endpoint out, set TABLE_NAME and credentials);
 * - else, while `npm start` runs: the running stack's DynamoDB Local (from `.data/stack.json`);
 * - else: the local stack's data in `.data/`, opened with a DynamoDB Local of its own.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The stack `npm start` is running on `.data/`, if any (a file left by a crashed stack names a dead pid). */
async function runningStack(): Promise<RunningStack | undefined> {
  try {
    const running = JSON.parse(await readFile(join(DEFAULT_DATA_DIR, STACK_FILE), 'utf8')) as RunningStack;
    process.kill(running.pid, 0);
    return running;
  } catch {
    return undefined;
  }
}

const fromEnv = Boolean(process.env.DYNAMODB_ENDPOINT || process.env.TABLE_NAME);
const running = fromEnv ? undefined : await runningStack();
const local =
  !fromEnv && !running
    ? await startDynamoLocal({ dataDir: join(DEFAULT_DATA_DIR, 'dynamodb'), log: () => undefined })
    : undefined;
try {
  const table = process.env.TABLE_NAME ?? running?.tableName ?? 'bds-exchange-local';
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? running?.dynamoEndpoint ?? local?.endpoint;
  const where = running
    ? `the running local stack (${running.url})`
    : local
      ? '.data/ (no stack running)'
      : 'the environment';
  console.log(`Auditing table ${table}${endpoint ? ` at ${endpoint}` : ''}: ${where}`);
  const db = createDb({ tableName: table, ...(endpoint ? { endpoint } : {}) });
  const audit = await auditIndicatorStore(db);
  console.log(
    `Audited ${audit.escrowRecords} escrow records, ${audit.deliveries} counted milestones, ` +
      `${audit.months} month items: ${audit.differences.length} differences`,
  );
  for (const d of audit.differences) console.log(JSON.stringify(d));
  process.exitCode = audit.differences.length === 0 ? 0 : 1;
} finally {
  await local?.stop();
}
