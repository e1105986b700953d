import type { Construct } from 'constructs';

/** Lowercase letters, digits and inner dashes: safe in stack names, log groups and URLs. */
const STAGE = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** One address, no list: SNS subscribes exactly one endpoint per subscription. */
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** Log levels the functions' logger understands. */
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What one deployment is configured by; read from CDK context (`-c key=value`, cdk.json). */
export interface DeployConfig {
  readonly stage: string;
  readonly logLevel: LogLevel;
  /** Optional custom portal domain; needs an ACM certificate in us-east-1. */
  readonly portalDomain?: { readonly name: string; readonly certificateArn: string };
  /** Optional AWS WAF web ACL (CLOUDFRONT scope, us-east-1) to put in front of the portal. */
  readonly portalWebAclArn?: string;
  /** Optional address that every operational alarm (and its recovery) is mailed to. */
  readonly alarmEmail?: string;
}

/**
 * Reads and validates the deployment's context, failing fast with the key at fault.
 *
 * @example
 * const config = readConfig(app); // `cdk synth -c stage=prod` → { stage: 'prod', … }
 */
export function readConfig(scope: Construct): DeployConfig {
  const context = (key: string): unknown => scope.node.tryGetContext(key);
  const stage = String(context('stage') ?? 'dev');
  if (!STAGE.test(stage)) {
    throw new Error(`context "stage" must be 1-32 lowercase letters, digits or inner dashes, got "${stage}"`);
  }
  const logLevel = String(context('logLevel') ?? 'info');
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new Error(`context "logLevel" must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const name = context('portalDomain');
  const certificateArn = context('portalCertificateArn');
  if ((name === undefined) !== (certificateArn === undefined)) {
    throw new Error('context "portalDomain" and "portalCertificateArn" go together: set both or neither');
  }
  const portalDomain = name === undefined ? undefined : { name: String(name), certificateArn: String(certificateArn) };
  const webAcl = context('portalWebAclArn');
  const portalWebAclArn = webAcl === undefined ? undefined : String(webAcl);
  const email = context('alarmEmail');
  const alarmEmail = email === undefined ? undefined : String(email);
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    throw new Error(`context "alarmEmail" must be one email address, got "${alarmEmail}"`);
  }
  return { stage, logLevel: logLevel as LogLevel, portalDomain, portalWebAclArn, alarmEmail };
}
