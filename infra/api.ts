import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  LogGroupLogDestination,
  type HttpRoute,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Alarm, ComparisonOperator, Metric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { API_TIMEOUT, handlerFunction, type FunctionEnvironment } from './functions';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { ENTRIES } from './paths';
import type { DataTable } from './table';

export interface ApiProps {
  readonly data: DataTable;
  readonly environment: FunctionEnvironment;
  /** Holds the API's token-signing key set; the API fills it on its first cold start. */
  readonly signingKeys: ISecret;
  /** The portal's origin (`https://…`), the only one CORS lets call the API from a browser. */
  readonly allowedOrigin: string;
  /** The workers' queues whose dead letters the admin API lists and redrives (`DEAD_LETTER_QUEUES`). */
  readonly deadLetters?: readonly DeadLetterSource[];
}

/** A worker queue by its API name (`request-events`), with its dead-letter queue. */
export interface DeadLetterSource {
  readonly name: string;
  readonly queue: IQueue;
  readonly deadLetterQueue: IQueue;
}

/** `API_METRICS` of functions/observability/metrics.ts (tests/infra checks they agree). */
export const API_METRICS_NAMESPACE = 'BdsExchange/Api';

/**
 * Caps a runaway client or a retry loop well below the account's regional quota, which
 * every API in the account shares.
 */
const THROTTLE = { rateLimit: 100, burstLimit: 200 };

/** One JSON line per request, with the fields an incident needs (HTTP API variables only). */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
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
  }),
);

/**
 * The HTTP API: one Lambda running the Hono app (`hono/aws-lambda`) behind a catch-all
 * route, so routing lives in one place, the app, and a new endpoint needs no infra change.
 *
 * @example
 * const api = new Api(this, 'Api', { data, environment, signingKeys, allowedOrigin: portal.url });
 * new CfnOutput(this, 'ApiUrl', { value: api.url });
 */
export class Api extends Construct {
  readonly handler: NodejsFunction;
  readonly httpApi: HttpApi;
  readonly routes: readonly HttpRoute[];
  /** Base URL of the `$default` stage, without a trailing slash. */
  readonly url: string;
  /**
   * Fires when any cluster is refused by its per-cluster limit (the `RateLimited` EMF metric's
   * fleet total, functions/observability/metrics.ts). The stack sends it to its alarm topic (infra/alarms.ts).
   */
  readonly clusterRateLimitedAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.handler = handlerFunction(this, 'Handler', {
      entry: ENTRIES.api,
      timeout: API_TIMEOUT,
      memorySize: 512,
      environment: {
        ...props.environment,
        SIGNING_KEYS_SECRET_ARN: props.signingKeys.secretArn,
        ...(props.deadLetters?.length ? { DEAD_LETTER_QUEUES: deadLetterMap(this, props.deadLetters) } : {}),
      },
      description: 'HTTP API (Hono)',
    });
    props.data.grantItemAccess(this.handler);
    // No send on the events queue: the API's events go through the outbox (the relay sends them).
    // Read to verify and sign; write once, to store the key set it generates on first start.
    props.signingKeys.grantRead(this.handler);
    props.signingKeys.grantWrite(this.handler);
    // The dead-letter admin: receive, hand back, delete on each DLQ; send to its source queue only.
    for (const source of props.deadLetters ?? []) {
      source.deadLetterQueue.grantConsumeMessages(this.handler);
      source.queue.grantSendMessages(this.handler);
    }

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
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH }),
        ),
        format: ACCESS_LOG_FORMAT,
      },
    });

    const integration = new HttpLambdaIntegration('Hono', this.handler);
    this.routes = ['/', '/{proxy+}'].flatMap((path) =>
      this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration }),
    );
    this.url = this.httpApi.apiEndpoint;

    // The per-cluster breakdown is the same metric with its ClusterId dimension (docs/security.md).
    this.clusterRateLimitedAlarm = new Alarm(this, 'ClusterRateLimitedAlarm', {
      alarmDescription:
        `${this.node.path}: a cluster was over its request limit (429 CLUSTER.RATE_LIMITED); ` +
        'see BdsExchange/Api RateLimited by ClusterId',
      metric: new Metric({
        namespace: API_METRICS_NAMESPACE,
        metricName: 'RateLimited',
        statistic: Stats.SUM,
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

/** `DEAD_LETTER_QUEUES`: JSON of name → { dlqUrl, sourceUrl }, with the URLs resolved at deploy time. */
function deadLetterMap(scope: Construct, sources: readonly DeadLetterSource[]): string {
  const map = Object.fromEntries(
    sources.map((s) => [s.name, { dlqUrl: s.deadLetterQueue.queueUrl, sourceUrl: s.queue.queueUrl }]),
  );
  return Stack.of(scope).toJsonString(map);
}
