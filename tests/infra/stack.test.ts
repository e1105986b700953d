import { describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { TABLE } from '@bds/core';
import { addNagChecks } from '../../infra/nag';
import { EVENTS_QUEUE, WORKERS } from '../../infra/workers';
import { buildStack, resourcesOf, targetOf } from './build';

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
      ([, policy]) => (policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> }).Statement,
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

describe('the queues', () => {
  const queues = resourcesOf(template, 'AWS::SQS::Queue');
  const redrives = queues.flatMap(([id, q]) => {
    const redrive = q.Properties.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number } | undefined;
    return redrive ? [{ id, dlq: targetOf(redrive.deadLetterTargetArn), maxReceiveCount: redrive.maxReceiveCount }] : [];
  });

  it('each redrive to a dead-letter queue after a bounded number of receives', () => {
    // Act
    const dlqs = new Set(redrives.map((r) => r.dlq));

    // Assess
    // One queue per worker, plus the relay's failure queue.
    expect(redrives.length).toBe(WORKERS.length + 1);
    for (const r of redrives) expect(r.maxReceiveCount).toBeGreaterThan(0);
    for (const [id] of queues) expect(dlqs.has(id) || redrives.some((r) => r.id === id)).toBe(true);
  });

  it('alarm on every message in a dead-letter queue and on a stale main queue', () => {
    // Prepare
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const on = (metric: string, queueId: string) =>
      alarms.filter((a) => a.MetricName === metric && targetOf((a.Dimensions as Array<{ Value: unknown }>)[0]?.Value) === queueId);

    // Assess
    for (const { id, dlq } of redrives) {
      expect(on('ApproximateNumberOfMessagesVisible', dlq)).toEqual([
        expect.objectContaining({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }),
      ]);
      expect(on('ApproximateAgeOfOldestMessage', id)).toHaveLength(1);
    }
  });

  it('hide a message for at least six times its consumer timeout', () => {
    // Prepare
    const byId = Object.fromEntries(queues);
    const mappings = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties).filter((m) => byId[targetOf(m.EventSourceArn)]);
    const functions = Object.fromEntries(resourcesOf(template, 'AWS::Lambda::Function'));

    // Assess
    expect(mappings).toHaveLength(WORKERS.length);
    for (const mapping of mappings) {
      const queue = byId[targetOf(mapping.EventSourceArn)];
      const fn = functions[targetOf(mapping.FunctionName)];
      expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(mapping.BatchSize).toBe(10);
      expect(queue?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * Number(fn?.Properties.Timeout));
    }
  });
});

describe('the outbox relay', () => {
  it('reads only new outbox items from the table stream, reports partial failures, and records what keeps failing', () => {
    // Prepare
    const mappings = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').map(([, m]) => m.Properties);
    const stream = mappings.filter((m) => JSON.stringify(m.EventSourceArn).includes('StreamArn'));

    // Assess
    expect(stream).toHaveLength(1);
    expect(stream[0]).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    expect(JSON.stringify(stream[0]!.FilterCriteria)).toContain('outbox');
  });
});

describe('the functions', () => {
  const ours = resourcesOf(template, 'AWS::Lambda::Function').filter(
    ([, fn]) => (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables?.TABLE_NAME,
  );

  it('are the API, the outbox relay and one per worker, on Node 22 arm64 with tracing and their own log group', () => {
    // Assess
    expect(ours).toHaveLength(2 + WORKERS.length);
    for (const [, fn] of ours) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: expect.anything() },
        Environment: {
          Variables: expect.objectContaining({ STAGE: 'dev', LOG_LEVEL: 'info', NODE_OPTIONS: '--enable-source-maps', EVENTS_QUEUE_URL: expect.anything() }),
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

describe('the schedules (request deadlines)', () => {
  type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
  const idOf = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);
  const groupName = stack.resolve(stack.schedules.group.scheduleGroupName) as unknown;
  const role = idOf(stack.schedules.role);
  const queue = idOf(stack.workers.queue(EVENTS_QUEUE).queue);
  const statementsOf = (roleId: string): Statement[] =>
    resourcesOf(template, 'AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => targetOf(r) === roleId))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  const actions = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat()).sort();

  it('are one schedule group, and a role only EventBridge Scheduler of this account may assume', () => {
    // Prepare
    const [, delivery] = resourcesOf(template, 'AWS::IAM::Role').find(([id]) => id === role)!;

    // Assess
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    expect(groupName).toEqual(expect.stringMatching(/^[0-9a-zA-Z._-]{1,64}$/));
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: groupName });
    expect(delivery.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [{
        Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': expect.anything() }, ArnLike: { 'aws:SourceArn': expect.anything() } },
      }],
    });
    expect(JSON.stringify((delivery.Properties.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement[0]!.Condition)).toContain(`:schedule/${String(groupName)}/*`);
  });

  it('send with that role to the request-events queue, and nowhere else', () => {
    // Act
    const statements = statementsOf(role);

    // Assess
    expect(actions(statements)).toContain('sqs:SendMessage');
    for (const s of statements) expect(s.Resource).toEqual({ 'Fn::GetAtt': [queue, 'Arn'] });
  });

  it('are made by the request-events worker: schedules of its group only, passing only that role, told where by env', () => {
    // Prepare
    const worker = stack.workers.worker('RequestEventsWorker');
    const workerRole = idOf(worker.role as never);
    const fn = resourcesOf(template, 'AWS::Lambda::Function').find(([id]) => id === idOf(worker))![1];
    const statements = statementsOf(workerRole);
    const scheduling = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('scheduler:')));
    const passing = statements.filter((s) => [s.Action].flat().includes('iam:PassRole'));

    // Assess
    expect(actions(scheduling)).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:UpdateSchedule']);
    for (const s of scheduling) expect(JSON.stringify(s.Resource)).toContain(`:schedule/${String(groupName)}/*"`);
    expect(passing).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [role, 'Arn'] } })]);
    expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      SCHEDULE_GROUP: groupName,
      SCHEDULER_ROLE_ARN: { 'Fn::GetAtt': [role, 'Arn'] },
      EVENTS_QUEUE_ARN: { 'Fn::GetAtt': [queue, 'Arn'] },
    });
  });

  it('are not something any other function may make', () => {
    // Act
    const others = [stack.api.handler, stack.relay.handler].map((f) => statementsOf(idOf(f.role as never)));

    // Assess
    for (const statements of others) expect(actions(statements).filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')).toEqual([]);
  });
});

describe('the HTTP API', () => {
  it('sends every route to the Hono function', () => {
    // Prepare
    const apiFunction = stack.getLogicalId(stack.api.handler.node.defaultChild as never);

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [apiFunction, 'Arn'] },
    });
    const routes = resourcesOf(template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    expect(routes.sort()).toEqual(['ANY /', 'ANY /{proxy+}']);
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
});

describe('the dead-letter admin API', () => {
  it('knows every worker queue’s DLQ and may receive/delete there and send only to its source queue', () => {
    // Prepare
    const apiFunction = stack.getLogicalId(stack.api.handler.node.defaultChild as never);
    const apiRole = targetOf((template.findResources('AWS::Lambda::Function')[apiFunction]!.Properties as { Role: unknown }).Role);
    const statements = resourcesOf(template, 'AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => targetOf(r) === apiRole))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> }).Statement);
    const actionsOn = (queueId: string) => statements
      .filter((st) => [st.Resource].flat().some((r) => { try { return targetOf(r) === queueId; } catch { return false; } }))
      .flatMap((st) => [st.Action].flat());
    const env = JSON.stringify((template.findResources('AWS::Lambda::Function')[apiFunction]!.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables.DEAD_LETTER_QUEUES);
    const names = [...new Set(WORKERS.map((w) => w.queue))];

    // Assess
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const { queue, deadLetterQueue } = stack.workers.queue(name);
      const [source, dlq] = [queue, deadLetterQueue].map((q) => stack.getLogicalId(q.node.defaultChild as never));
      expect(actionsOn(dlq!)).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:DeleteMessage']));
      expect(actionsOn(dlq!)).not.toContain('sqs:SendMessage');
      expect(actionsOn(source!)).toEqual(expect.arrayContaining(['sqs:SendMessage']));
      expect(actionsOn(source!)).not.toContain('sqs:DeleteMessage');
      expect(env).toContain(`"${name.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase()}\\":{\\"dlqUrl`);
      expect(env).toContain(`{"Ref":"${dlq}"}`);
      expect(env).toContain(`{"Ref":"${source}"}`);
    }
  });
});

describe('the portal', () => {
  it('is a CloudFront SPA in front of a bucket only the distribution can read', () => {
    // Prepare
    const distribution = stack.getLogicalId(stack.portal.distribution.node.defaultChild as never);
    const site = stack.getLogicalId(stack.portal.bucket.node.defaultChild as never);
    const sitePolicy = resourcesOf(template, 'AWS::S3::BucketPolicy').find(([, p]) => targetOf(p.Properties.Bucket) === site);
    const allows = (sitePolicy?.[1].Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement.filter(
      (s) => s.Effect === 'Allow',
    );

    // Assess
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: Match.anyValue() }),
        CustomErrorResponses: [403, 404].map((code) => Match.objectLike({ ErrorCode: code, ResponseCode: 200, ResponsePagePath: '/index.html' })),
      }),
    });
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(JSON.stringify(allows[0]?.Condition)).toContain(`{"Ref":"${distribution}"}`);
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
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
      DistributionConfig: Match.objectLike({ ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }) }),
    });
  });
});
