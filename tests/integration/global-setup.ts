import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../functions/local/dynamo-local';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoint of the DynamoDB Local shared by every integration test file. */
    dynamoEndpoint: string;
  }
}

/**
 * Starts one in-memory DynamoDB Local on a free port for the whole integration run and hands
 * its endpoint to the tests (`inject('dynamoEndpoint')`); each test file isolates itself with
 * its own uniquely named table. Returns the teardown that stops the JVM.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // Only the first-run download logs; say so on the console, where a slow first run is explained.
  const dynamo = await startDynamoLocal({ log: (msg) => console.log(`[integration] ${msg}`) });
  console.log(
    `[integration] DynamoDB Local on ${dynamo.endpoint} (pid ${dynamo.pid}), up in ${Date.now() - started} ms`,
  );
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
