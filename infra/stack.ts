import { CfnOutput, SecretValue, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { Api } from './api';
import { suppressNagFindings } from './nag';
import { WEB_DIST } from './paths';
import type { DeployConfig } from './stage';
import { DataTable } from './table';
import { Portal } from './web';
import { EVENTS_QUEUE, WORKERS, Workers } from './workers';

export interface BdsExchangeStackProps extends StackProps {
  readonly config: DeployConfig;
  /** The built portal folder. @default web/dist */
  readonly webDist?: string;
}

/** Secrets Manager name of the API's token-signing key (created once per stage, docs/deploy.md). */
export const signingKeySecretName = (stage: string): string => `bds-exchange/${stage}/jwt-private-jwk`;

/** `BdsExchange-<stage>`: one stack per stage, side by side in one account if need be. */
export const stackNameFor = (stage: string): string => `BdsExchange-${stage}`;

/**
 * Everything BDS Exchange runs on in AWS: the table, the worker queues and functions, the
 * HTTP API and the portal. Each part lives in its own file; this one only wires them.
 *
 * @example
 * new BdsExchangeStack(app, stackNameFor('prod'), { config: readConfig(app) });
 */
export class BdsExchangeStack extends Stack {
  readonly table: TableV2;
  readonly workers: Workers;
  readonly api: Api;
  readonly portal: Portal;

  constructor(scope: Construct, id: string, props: BdsExchangeStackProps) {
    const { config, webDist, ...stackProps } = props;
    const { stage, logLevel, portalDomain, portalWebAclArn } = config;
    super(scope, id, {
      description: `BDS Exchange (${stage}): table, queues, workers, HTTP API, portal`,
      // A prod stack is deleted on purpose or not at all.
      terminationProtection: stage === 'prod',
      ...stackProps,
    });
    Tags.of(this).add('project', 'bds-exchange');
    Tags.of(this).add('stage', stage);

    const data = new DataTable(this, 'Data');
    this.table = data.table;
    const environment = { TABLE_NAME: this.table.tableName, STAGE: stage, LOG_LEVEL: logLevel };
    this.workers = new Workers(this, 'Workers', { specs: WORKERS, data, environment });
    const eventsQueue = this.workers.queue(EVENTS_QUEUE).queue;

    this.portal = new Portal(this, 'Portal', {
      distDir: webDist ?? WEB_DIST,
      domain: portalDomain,
      webAclArn: portalWebAclArn,
    });
    this.api = new Api(this, 'Api', {
      data,
      eventsQueue,
      environment: { ...environment, EVENTS_QUEUE_URL: eventsQueue.queueUrl },
      // A dynamic reference: CloudFormation resolves it at deploy time, so the key is in
      // neither the template nor cdk.out.
      signingKey: SecretValue.secretsManager(signingKeySecretName(stage)).unsafeUnwrap(),
      allowedOrigin: this.portal.url,
    });
    this.portal.deploy({ apiUrl: this.api.url, stage });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'PortalUrl', { value: this.portal.url, description: 'The portal (CloudFront)' });
    new CfnOutput(this, 'PortalCdnDomain', {
      value: this.portal.distribution.distributionDomainName,
      description: 'Target of the DNS record for a custom portal domain',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The single DynamoDB table' });
    new CfnOutput(this, 'EventsQueueUrl', { value: eventsQueue.queueUrl, description: 'Queue of request events' });

    suppressNagFindings(this, config);
  }
}
