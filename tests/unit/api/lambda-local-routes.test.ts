import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateSigningJwk } from '../../../functions/adapters/secrets/signing-jwk';
import { apiGatewayRoutes } from '../../../functions/api/lambda/groups';
import { deployedDocument } from '../../../scripts/write-openapi';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<Exclude<APIGatewayProxyResultV2, string>>;

/** The accounts group's Lambda entry (it serves the local-only routes locally), loaded fresh under a given stage. */
async function lambdaHandler(stage: string): Promise<Handler> {
  vi.resetModules();
  vi.stubEnv('STAGE', stage);
  vi.stubEnv('TABLE_NAME', 'bds-exchange-test');
  vi.stubEnv('AWS_REGION', 'ap-south-1');
  vi.stubEnv('LOG_LEVEL', 'error');
  vi.stubEnv('JWT_PRIVATE_JWK', JSON.stringify(await generateSigningJwk('lambda-test')));
  return (await import('../../../functions/api/lambda/accounts')).handler as unknown as Handler;
}

const get = (rawPath: string, rawQueryString = ''): APIGatewayProxyEventV2 => ({
  version: '2.0',
  routeKey: '$default',
  rawPath,
  rawQueryString,
  headers: { host: 'api.example' },
  isBase64Encoded: false,
  requestContext: {
    accountId: '1',
    apiId: 'x',
    domainName: 'api.example',
    domainPrefix: 'api',
    requestId: 'r',
    routeKey: '$default',
    stage: '$default',
    time: '',
    timeEpoch: 0,
    http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'test' },
  },
});

afterEach(() => vi.unstubAllEnvs());

describe('local-only routes on the Lambda handler', { timeout: 60_000 }, () => {
  it('a deployed stage has no outbox and no demo sign-ins, and does not document them', async () => {
    // Prepare
    const handler = await lambdaHandler('prod');
    // Act
    const outbox = await handler(get('/api/outbox', 'email=someone%40example.org'), {} as Context);
    const demo = await handler(get('/api/demo-accounts'), {} as Context);
    const doc = deployedDocument();
    // Assess
    for (const res of [outbox, demo]) {
      expect(res.statusCode).toBe(404);
      expect(JSON.parse(res.body!)).toMatchObject({ code: 'ROUTE.NOT_FOUND' });
    }
    expect(apiGatewayRoutes().accounts).not.toContain('GET /api/outbox');
    const paths = Object.keys((doc as { paths: object }).paths);
    expect(paths).not.toContain('/api/outbox');
    expect(paths).not.toContain('/api/demo-accounts');
    expect(paths).toContain('/api/auth/sign-in');
  });

  it('every answer of the Lambda handler carries the security headers', async () => {
    const handler = await lambdaHandler('prod');
    const res = await handler(get('/health'), {} as Context);
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'strict-transport-security': expect.stringContaining('max-age='),
      'x-content-type-options': 'nosniff',
    });
  });
});
