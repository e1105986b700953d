import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { LAMBDA_NODE_OPTIONS, nodejsBundling } from './bundling';
import { LOCK_FILE, REPO_ROOT } from './paths';

/** Environment every function reads once at cold start (functions' env schema). */
export interface FunctionEnvironment {
  readonly TABLE_NAME: string;
  readonly EVENTS_QUEUE_URL: string;
  readonly STAGE: string;
  readonly LOG_LEVEL: string;
}

export interface HandlerFunctionProps {
  /** Absolute path of the entry file; it exports `handler`. */
  readonly entry: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  /** The shared environment, plus any variable only this function needs. */
  readonly environment: FunctionEnvironment & Readonly<Record<string, string>>;
  readonly description?: string;
  /** Shell commands run after esbuild, given the asset folder: files shipped beside the bundle. */
  readonly afterBundling?: (outputDir: string) => string[];
}

/**
 * A Node 22 arm64 function bundled by the local esbuild (no Docker), with its own log
 * group and an execution role that may write only to that log group.
 *
 * The role is built here instead of taking the default one, whose AWS-managed
 * `AWSLambdaBasicExecutionRole` lets the function write to every log group in the account.
 *
 * @example
 * const fn = handlerFunction(this, 'Api', { entry: ENTRIES.api, timeout: Duration.seconds(10), memorySize: 512,
 * environment });
 */
export function handlerFunction(scope: Construct, id: string, props: HandlerFunctionProps): NodejsFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
  const role = new Role(scope, `${id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Execution role of ${id}`,
  });
  logGroup.grantWrite(role);

  return new NodejsFunction(scope, id, {
    entry: props.entry,
    handler: 'handler',
    description: props.description,
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role,
    logGroup,
    tracing: Tracing.ACTIVE,
    projectRoot: REPO_ROOT,
    depsLockFilePath: LOCK_FILE,
    environment: { ...props.environment, NODE_OPTIONS: LAMBDA_NODE_OPTIONS },
    bundling: nodejsBundling(props.afterBundling),
  });
}

/** Default timeouts: the API answers within API Gateway's 30 s cap; workers get more room. */
export const API_TIMEOUT = Duration.seconds(10);
export const WORKER_TIMEOUT = Duration.seconds(30);
