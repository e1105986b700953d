import { expect, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoints of the DynamoDB Locals shared by the integration test files (global-setup.ts). */
    dynamoEndpoints: string[];
  }
}

/** The endpoint each test file was given, by the file's path: every table of one file lives on one JVM. */
const chosen = new Map<string, string>();
let next = Number(process.env.VITEST_POOL_ID ?? 1) - 1;

/**
 * The DynamoDB Local this test file uses. The run starts several (global-setup.ts) and deals them
 * out to files in turn, because DynamoDB Local 1.25's TransactWriteItems slows with every stream
 * record the JVM holds, in any table, deleted ones included (docs/testing.md): spread over four JVMs,
 * the run's later files no longer pay for all the earlier files' records.
 *
 * @example
 * const db = createDb({ tableName, endpoint: dynamoEndpoint() });
 */
export function dynamoEndpoint(): string {
  const endpoints = inject('dynamoEndpoints');
  const file = expect.getState().testPath ?? '';
  let endpoint = chosen.get(file);
  if (!endpoint) {
    endpoint = endpoints[next++ % endpoints.length] ?? endpoints[0]!;
    chosen.set(file, endpoint);
  }
  return endpoint;
}
