import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { API_TIMEOUT, handlerFunction, type FunctionEnvironment } from './functions';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { ENTRIES } from './paths';
import type { DataTable } from './table';

export interface ApiProps {
  readonly data: DataTable;
  /** The queue the API publishes domain events to. */
  readonly eventsQueue: IQueue;
  readonly environment: FunctionEnvironment;
  /** Holds the API's token-signing key set; the API fills it on its first cold start. */
  readonly signingKeys: ISecret;
  /** The portal's origin (`https://…`), the only one CORS lets call the API from a browser. */
  readonly allowedOrigin: string;
}

/**
 * Caps a runaway client or a retry loop well below the account's regional quota, which
 * every API in the account shares.
 */
const THROTTLE = { rateLimit: 100, burstLimit: 200 };

/** One JSON line per request, with the fields an incident needs (HTTP API variables only). */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  responseLength: '$context.responseLength',
}));

/**
 * The HTTP API: one Lambda running the Hono app (`hono/aws-lambda`) behind a catch-all
 * route, so routing lives in one place, the app, and a new endpoint needs no infra change.
 *
 * @example
 * const api = new Api(this, 'Api', { data, eventsQueue, environment, signingKeys, allowedOrigin: portal.url });
 * new CfnOutput(this, 'ApiUrl', { value: api.url });
 */
export class Api extends Construct {
  readonly handler: NodejsFunction;
  readonly httpApi: HttpApi;
  readonly routes: readonly HttpRoute[];
  /** Base URL of the `$default` stage, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.handler = handlerFunction(this, 'Handler', {
      entry: ENTRIES.api,
      timeout: API_TIMEOUT,
      memorySize: 512,
      environment: { ...props.environment, SIGNING_KEYS_SECRET_ARN: props.signingKeys.secretArn },
      description: 'HTTP API (Hono)',
    });
    props.data.grantItemAccess(this.handler);
    props.eventsQueue.grantSendMessages(this.handler);
    // Read to verify and sign; write once, to store the key set it generates on first start.
    props.signingKeys.grantRead(this.handler);
    props.signingKeys.grantWrite(this.handler);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'BDS Exchange API',
      // The stage is declared below, where access logging and throttling can be set.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [props.allowedOrigin],
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'x-correlation-id'],
        // Lets the portal quote the id of a failed request, as the API logs it.
        exposeHeaders: ['x-correlation-id'],
        maxAge: Duration.days(1),
      },
    });
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH })),
        format: ACCESS_LOG_FORMAT,
      },
    });

    const integration = new HttpLambdaIntegration('Hono', this.handler);
    this.routes = ['/', '/{proxy+}'].flatMap((path) => this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration }));
    this.url = this.httpApi.apiEndpoint;
  }
}
