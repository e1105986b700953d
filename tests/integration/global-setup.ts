import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type DynamoLocal } from '../../functions/local/dynamo-local';

/**
 * How many DynamoDB Locals the run shares out among its files (support/endpoint.ts). DynamoDB Local
 * 1.25's TransactWriteItems costs more with every stream record the JVM holds (docs/testing.md), so
 * the run's cost grows with the square of the records one JVM collects; four JVMs cut that by four,
 * for about 2 s of CPU and 150 MB each.
 */
const JVMS = Number(process.env.INTEGRATION_DYNAMO_JVMS ?? 4);

/**
 * Starts the in-memory DynamoDB Locals on free ports for the whole integration run and hands their
 * endpoints to the tests (`dynamoEndpoint()`); each test file isolates itself with its own uniquely
 * named tables on the one it is given. Returns the teardown that stops the JVMs.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // Only the first-run download logs; say so on the console, where a slow first run is explained.
  // The first start downloads (once) and the others wait for it, so no two downloads race.
  const log = (msg: string) => console.log(`[integration] ${msg}`);
  const first = await startDynamoLocal({ log });
  const rest = await Promise.allSettled(Array.from({ length: Math.max(0, JVMS - 1) }, () => startDynamoLocal({ log })));
  const dynamos: DynamoLocal[] = [first, ...rest.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))];
  const stop = () => Promise.all(dynamos.map((d) => d.stop())).then(() => undefined);
  const failed = rest.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  console.log(
    `[integration] ${dynamos.length} DynamoDB Locals on ${dynamos.map((d) => d.endpoint).join(', ')}, ` +
      `up in ${Date.now() - started} ms`,
  );
  project.provide(
    'dynamoEndpoints',
    dynamos.map((d) => d.endpoint),
  );
  return stop;
}
