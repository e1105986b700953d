import { readFileSync } from 'node:fs';
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
import { API_ROUTE_TABLE, ENTRIES, apiGroupEntry, fromRoot } from './paths';
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

/** `npm run gen:api`'s table: route group → its `METHOD /path` route keys (functions/api/lambda/groups.ts). */
const readRouteTable = (): Record<string, string[]> =>
  JSON.parse(readFileSync(API_ROUTE_TABLE, 'utf8')) as Record<string, string[]>;

/** `accounts` → `Accounts`: the construct id of a group's function. */
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The route group whose function lists and redrives dead letters (`listDeadLetters` is one of its routes). */
const DEAD_LETTER_GROUP = 'clusters';

/**
 * The HTTP API: one Lambda per route group (`hono/aws-lambda`, functions/api/lambda/), each behind
 * its own routes as `npm run gen:api` lists them (infra/api-routes.json), and a reference function
 * behind the catch-all (`/openapi.json` built at build time, `/docs`, the 404 of unknown paths). One
 * function for every route had outgrown issue 15's 300 KB bundle budget (docs/bundles.md).
 *
 * @example
 * const api = new Api(this, 'Api', { data, environment, signingKeys, allowedOrigin: portal.url });
 * new CfnOutput(this, 'ApiUrl', { value: api.url });
 */
export class Api extends Construct {
  /** Each route group's function, by group name (`accounts`, `requests`…). */
  readonly groups: Readonly<Record<string, NodejsFunction>>;
  /** The catch-all's function: OpenAPI document, reference page, 404. */
  readonly reference: NodejsFunction;
  /** Every function of the API: the groups', then the reference's. */
  readonly functions: readonly NodejsFunction[];
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
    const table = readRouteTable();
    const groups: Record<string, NodejsFunction> = {};
    for (const group of Object.keys(table)) {
      const fn = handlerFunction(this, pascal(group), {
        entry: apiGroupEntry(group),
        timeout: API_TIMEOUT,
        memorySize: 512,
        environment: {
          ...props.environment,
          SIGNING_KEYS_SECRET_ARN: props.signingKeys.secretArn,
          ...(group === DEAD_LETTER_GROUP && props.deadLetters?.length
            ? { DEAD_LETTER_QUEUES: deadLetterMap(this, props.deadLetters) }
            : {}),
        },
        description: `HTTP API (Hono): the ${group} routes`,
      });
      props.data.grantItemAccess(fn);
      // No send on the events queue: the API's events go through the outbox (the relay sends them).
      // Read to verify and sign; write once, to store the key set the first cold start generates.
      props.signingKeys.grantRead(fn);
      props.signingKeys.grantWrite(fn);
      groups[group] = fn;
    }
    this.groups = groups;
    // The dead-letter admin: receive, hand back, delete on each DLQ; send to its source queue only.
    for (const source of props.deadLetters ?? []) {
      source.deadLetterQueue.grantConsumeMessages(groups[DEAD_LETTER_GROUP]!);
      source.queue.grantSendMessages(groups[DEAD_LETTER_GROUP]!);
    }
    // No table, no key, no secret: it serves a file shipped beside its bundle.
    this.reference = handlerFunction(this, 'Reference', {
      entry: ENTRIES.apiReference,
      timeout: API_TIMEOUT,
      memorySize: 256,
      environment: { ...props.environment },
      description: 'HTTP API: OpenAPI document, reference page, 404',
      afterBundling: (outputDir) => [
        `node "${fromRoot('node_modules/tsx/dist/cli.mjs')}" "${fromRoot('scripts/write-openapi.ts')}" ` +
          `"${outputDir}/openapi.json"`,
      ],
    });
    this.functions = [...Object.values(groups), this.reference];

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

    const routes: HttpRoute[] = [];
    for (const [group, keys] of Object.entries(table)) {
      const integration = new HttpLambdaIntegration(`${pascal(group)}Integration`, groups[group]!);
      for (const key of keys) {
        const [method, path] = key.split(' ') as [keyof typeof HttpMethod, string];
        routes.push(...this.httpApi.addRoutes({ path, methods: [HttpMethod[method]], integration }));
      }
    }
    const reference = new HttpLambdaIntegration('ReferenceIntegration', this.reference);
    for (const path of ['/', '/{proxy+}'])
      routes.push(...this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration: reference }));
    this.routes = routes;
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
