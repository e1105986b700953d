import { startLocalStack } from './stack';
import { JavaMissingError } from './dynamo-local';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/data';

// `npm start` (add `-- --reset` to start empty). Ctrl-C stops everything, Java included.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const reset = process.argv.includes('--reset');
const port = Number(process.env.PORT ?? 3000);
const started = performance.now();

try {
  console.log(`BDS Exchange — starting the local marketplace${reset ? ' (reset: starting empty)' : ''}…`);
  const stack = await startLocalStack({ port, reset });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
Ready in ${seconds} s.
  Portal        ${stack.url}
  API health    ${stack.url}/health
  OpenAPI       ${stack.url}/openapi.json   (reference: ${stack.url}/docs)
  DynamoDB      ${stack.dynamoEndpoint}  table ${stack.tableName}  (data in .data/; npm start -- --reset to start empty)
  Workers       request-events on an in-process queue (batches of 10, retry after 5 s, dead-letter after 5 receives)

Sign in as (password for all: ${DEMO_PASSWORD}):
${DEMO_USERS.map((u) => `  ${u.role.padEnd(16)} ${u.email.padEnd(40)} ${u.organisationName}`).join('\n')}

Ctrl-C to stop.`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the API, the workers and DynamoDB Local…`);
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof JavaMissingError) {
    console.error(error.message);
  } else {
    console.error('Could not start the local stack:', error);
  }
  process.exit(1);
}
