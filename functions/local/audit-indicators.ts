import { join } from 'node:path';
import { auditIndicatorStore } from '../adapters/dynamo/indicators-audit';
import { createDb } from '../adapters/dynamo/db';
import { startDynamoLocal } from './dynamo-local';
import { DEFAULT_DATA_DIR } from './stack';

/**
 * `npm run audit:indicators`: recomputes every indicator aggregate from the escrow records and
 * the ledger and prints each difference; exits 1 when there is one. With DYNAMODB_ENDPOINT (and
 * TABLE_NAME) it audits that table (AWS: leave the endpoint out, set TABLE_NAME and credentials);
 * otherwise it opens the local stack's data in `.data/` (stop `npm start` first).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const table = process.env.TABLE_NAME ?? 'bds-exchange-local';
const local = !process.env.DYNAMODB_ENDPOINT && !process.env.TABLE_NAME
  ? await startDynamoLocal({ dataDir: join(DEFAULT_DATA_DIR, 'dynamodb'), log: () => undefined })
  : undefined;
try {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? local?.endpoint;
  const db = createDb({ tableName: table, ...(endpoint ? { endpoint } : {}) });
  const audit = await auditIndicatorStore(db);
  console.log(`Audited ${audit.escrowRecords} escrow records, ${audit.deliveries} counted milestones, ${audit.months} month items: ${audit.differences.length} differences`);
  for (const d of audit.differences) console.log(JSON.stringify(d));
  process.exitCode = audit.differences.length === 0 ? 0 : 1;
} finally {
  await local?.stop();
}
