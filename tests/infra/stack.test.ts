import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { TABLE } from '@bds/core';
import { addNagChecks } from '../../infra/nag';
import { WORKERS } from '../../infra/workers';
import { buildStack, resourcesOf, targetOf } from './build';
import { API_METRICS_NAMESPACE } from '../../infra/api';
import { API_ROUTE_TABLE } from '../../infra/paths';
import { API_METRICS } from '../../functions/observability/metrics';

// Prepare: one synthesis shared by the read-only assertions below (the first one in a
// process pays for CDK's template validation engine warming up).
const { app, stack, checks, template } = buildStack();

describe('the stack', () => {
  it('is named after its stage, dev by default', () => {
    // Act
    const qa = buildStack({ stage: 'qa' });

    // Assess
    expect(stack.stackName).toBe('BdsExchange-dev');
    expect(qa.stack.stackName).toBe('BdsExchange-qa');
  });

  it('refuses a stage that is not lowercase letters, digits and dashes', () => {
    // Act / Assess
    expect(() => buildStack({ stage: 'Prod_1' })).toThrow(/stage/);
  });
});

describe('the table', () => {
  it('is the one table, keyed and indexed as core TABLE says', () => {
    // Assess
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE.indexes.map((index) =>
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    });
  });

  it('is on demand, recoverable, protected from deletion and streamed', () => {
    // Assess
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('lets functions query the named indexes, never scan', () => {
    // Prepare
    const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(
      ([, policy]) =>
        (policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> })
          .Statement,
    );

    // Act
    const actions = statements.flatMap((s) => [s.Action].flat());
    const resources = JSON.stringify(statements.map((s) => s.Resource));

    // Assess
    expect(actions).not.toContain('dynamodb:Scan');
    expect(resources).not.toContain('/index/*');
    for (const index of TABLE.indexes) expect(resources).toContain(`/index/${index.name}`);
  });
});

describe('the functions', () => {
  const ours = resourcesOf(template, 'AWS::Lambda::Function').filter(
    ([, fn]) =>
      (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables?.TABLE_NAME,
  );

  it('are the API’s (per route group, reference), the relay, one per worker: Node 22 arm64, traced, own logs', () => {
    // Assess
    const table = JSON.parse(readFileSync(API_ROUTE_TABLE, 'utf8')) as Record<string, string[]>;
    expect(stack.api.functions).toHaveLength(Object.keys(table).length + 1);
    expect(ours).toHaveLength(stack.api.functions.length + 1 + WORKERS.length);
    for (const [, fn] of ours) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: expect.anything() },
        Environment: {
          Variables: expect.objectContaining({
            STAGE: 'dev',
            LOG_LEVEL: 'info',
            NODE_OPTIONS: '--enable-source-maps',
            EVENTS_QUEUE_URL: expect.anything(),
          }),
        },
      });
    }
  });

  it('leave only CDK’s own portal copy handler besides them', () => {
    // Act
    const others = resourcesOf(template, 'AWS::Lambda::Function').filter(([id]) => !ours.some(([o]) => o === id));

    // Assess
    expect(others.map(([id]) => id)).toEqual([expect.stringMatching(/^CustomCDKBucketDeployment/)]);
  });
});

describe('the HTTP API', () => {
  it('sends each route to its route group’s function, and anything else to the reference function', () => {
    // Prepare
    const table = JSON.parse(readFileSync(API_ROUTE_TABLE, 'utf8')) as Record<string, string[]>;
    const integrations = Object.fromEntries(
      resourcesOf(template, 'AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, r.Properties.IntegrationUri]),
    );
    // A route's Target is `integrations/<integration id>`, the integration's URI the function's ARN.
    const functionOf = (route: { Properties: Record<string, unknown> }) =>
      integrations[targetOf((route.Properties.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1][1])] as {
        'Fn::GetAtt': [string, string];
      };
    const routes = resourcesOf(template, 'AWS::ApiGatewayV2::Route').map(
      ([, r]) => [r.Properties.RouteKey as string, functionOf(r)['Fn::GetAtt'][0]] as const,
    );
    const idOf = (fn: { node: { defaultChild?: unknown } }) => stack.getLogicalId(fn.node.defaultChild as never);

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const expected = [
      ...Object.entries(table).flatMap(([group, keys]) => keys.map((k) => [k, idOf(stack.api.groups[group]!)])),
      ['ANY /', idOf(stack.api.reference)],
      ['ANY /{proxy+}', idOf(stack.api.reference)],
    ];
    expect(Object.keys(table).sort()).toEqual(Object.keys(stack.api.groups).sort());
    expect([...routes].sort()).toEqual(expected.sort());
  });

  it('admits the portal origin only, logs access and throttles', () => {
    // Prepare
    const distribution = stack.getLogicalId(stack.portal.distribution.node.defaultChild as never);

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]] }],
      }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });

  it('alarms when any cluster is over its request limit, on the metric the API emits', () => {
    // Assess
    expect(API_METRICS_NAMESPACE).toBe(API_METRICS);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: API_METRICS,
      MetricName: 'RateLimited',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    const alarm = alarms.find(([, r]) => r.Properties.MetricName === 'RateLimited');
    expect(alarm?.[1].Properties.Dimensions).toBeUndefined();
  });
});

describe('the alarm topic', () => {
  it('is encrypted with a rotated key CloudWatch may use, and refuses publishers without TLS', () => {
    // Assess
    const topics = resourcesOf(template, 'AWS::SNS::Topic');
    expect(topics).toHaveLength(1);
    const [topicId, topic] = topics[0]!;
    const keyId = targetOf(topic.Properties.KmsMasterKeyId);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const key = template.toJSON().Resources[keyId] as { Properties: { KeyPolicy: { Statement: unknown[] } } };
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
      }),
    );
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('is the alarm and OK action of every alarm: the rate limit and each queue and dead-letter queue', () => {
    // Assess
    const [topicId] = resourcesOf(template, 'AWS::SNS::Topic')[0]!;
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    const queues = new Set([...WORKERS.map((w) => w.queue), 'Failures']);
    // Two alarms per queue (dead letters, oldest message) and the per-cluster rate limit.
    expect(alarms).toHaveLength(queues.size * 2 + 1);
    for (const [id, alarm] of alarms) {
      const { AlarmActions, OKActions } = alarm.Properties as { AlarmActions?: unknown[]; OKActions?: unknown[] };
      expect(AlarmActions?.map(targetOf), id).toEqual([topicId]);
      expect(OKActions?.map(targetOf), id).toEqual([topicId]);
    }
    expect(alarms.some(([id]) => id.includes('ClusterRateLimitedAlarm'))).toBe(true);
    expect(alarms.filter(([id]) => id.includes('DlqDepthAlarm'))).toHaveLength(queues.size);
  });

  it('mails an address given as context, and nobody without one', () => {
    // Act
    const mailed = buildStack({ alarmEmail: 'ops@bds.example' });

    // Assess
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    mailed.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@bds.example',
    });
    expect(() => buildStack({ alarmEmail: 'ops@bds.example, cto@bds.example' })).toThrow(/alarmEmail/);
  });
});

describe('the portal', () => {
  it('is a CloudFront SPA in front of a bucket only the distribution can read', () => {
    // Prepare
    const distribution = stack.getLogicalId(stack.portal.distribution.node.defaultChild as never);
    const site = stack.getLogicalId(stack.portal.bucket.node.defaultChild as never);
    const sitePolicy = resourcesOf(template, 'AWS::S3::BucketPolicy').find(
      ([, p]) => targetOf(p.Properties.Bucket) === site,
    );
    const allows = (
      sitePolicy?.[1].Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }
    ).Statement.filter((s) => s.Effect === 'Allow');

    // Assess
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        CustomErrorResponses: [403, 404].map((code) =>
          Match.objectLike({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ),
      }),
    });
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(JSON.stringify(allows[0]?.Condition)).toContain(`{"Ref":"${distribution}"}`);
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'site/' }),
    });
  });

  it('always deploys config.json with the API URL, and the built portal only when there is one', () => {
    // Act
    const built = buildStack({}, { portalBuilt: true });

    // Assess
    const deployments = resourcesOf(template, 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(1);
    expect(JSON.stringify(deployments[0]?.[1].Properties.SourceMarkers)).toContain('ApiEndpoint');
    const builtDeployments = resourcesOf(built.template, 'Custom::CDKBucketDeployment');
    expect(builtDeployments.map(([, d]) => d.Properties.DestinationBucketKeyPrefix ?? '/')).toEqual(['assets/', '/']);
    expect(builtDeployments[1]?.[1].DependsOn).toContain(builtDeployments[0]?.[0]);
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('fails the synthesis of an app on an unacknowledged finding', () => {
    // Prepare
    const bare = new App();
    addNagChecks(bare);
    const careless = new Stack(bare, 'Careless');
    new Queue(careless, 'Plain', { enforceSSL: false });

    // Act / Assess
    expect(() => Template.fromStack(careless)).toThrow(/AwsSolutions-SQS3/);
  });

  it('finds no unacknowledged error or warning', () => {
    // Act
    const report = checks.validateScope(app);

    // Assess
    expect(report.violations.filter((v) => v.severity === 'error')).toEqual([]);
    expect(report.violations.filter((v) => v.severity === 'warning')).toEqual([]);
  });

  it('gives every acknowledgment a specific reason', () => {
    // Act
    type Acknowledged = { Metadata?: { cdk_nag?: { rules_to_suppress: Array<{ id: string; reason: string }> } } };
    const resources = Object.values(template.toJSON().Resources as Record<string, Acknowledged>);
    const rules = resources.flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);

    // Assess
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.reason.length, rule.id).toBeGreaterThanOrEqual(40);
  });

  it('needs no TLS or WAF exception once a custom domain and a web ACL are configured', () => {
    // Act
    const hardened = buildStack({
      portalDomain: 'portal.example.org',
      portalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      portalWebAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/portal/00000000-0000-0000-0000-000000000000',
    });

    // Assess
    expect(hardened.checks.validateScope(hardened.app).violations).toEqual([]);
    const acknowledged = JSON.stringify(hardened.template.toJSON());
    expect(acknowledged).not.toContain('AwsSolutions-CFR4');
    expect(acknowledged).not.toContain('AwsSolutions-CFR2');
    hardened.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
  });
});
