import { describe, expect, it } from 'vitest';
import { EVENTS_QUEUE, WORKERS } from '../../infra/workers';
import { buildStack, resourcesOf, targetOf } from './build';

// The event pipeline's infrastructure: queues and their dead letters, the outbox relay, the
// schedules, and what the API may do with dead letters. One synthesis for the file.
const { stack, template } = buildStack();

describe('the queues', () => {
  const queues = resourcesOf(template, 'AWS::SQS::Queue');
  const redrives = queues.flatMap(([id, q]) => {
    const redrive = q.Properties.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number } | undefined;
    return redrive
      ? [{ id, dlq: targetOf(redrive.deadLetterTargetArn), maxReceiveCount: redrive.maxReceiveCount }]
      : [];
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
      alarms.filter(
        (a) => a.MetricName === metric && targetOf((a.Dimensions as Array<{ Value: unknown }>)[0]?.Value) === queueId,
      );

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
    const mappings = resourcesOf(template, 'AWS::Lambda::EventSourceMapping')
      .map(([, m]) => m.Properties)
      .filter((m) => byId[targetOf(m.EventSourceArn)]);
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
  it(
    'reads only new outbox items from the table stream, ' + 'reports partial failures, and records what keeps failing',
    () => {
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
    },
  );
});

describe('the schedules (request deadlines)', () => {
  type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
  const idOf = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as never);
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
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': expect.anything() },
            ArnLike: { 'aws:SourceArn': expect.anything() },
          },
        },
      ],
    });
    expect(
      JSON.stringify(
        (delivery.Properties.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement[0]!.Condition,
      ),
    ).toContain(`:schedule/${String(groupName)}/*`);
  });

  it('send with that role to the request-events queue, and nowhere else', () => {
    // Act
    const statements = statementsOf(role);

    // Assess
    expect(actions(statements)).toContain('sqs:SendMessage');
    for (const s of statements) expect(s.Resource).toEqual({ 'Fn::GetAtt': [queue, 'Arn'] });
  });

  it(
    'are made by the request-events worker: schedules of its ' +
      'group only, passing only that role, told where by env',
    () => {
      // Prepare
      const worker = stack.workers.worker('RequestEventsWorker');
      const workerRole = idOf(worker.role as never);
      const fn = resourcesOf(template, 'AWS::Lambda::Function').find(([id]) => id === idOf(worker))![1];
      const statements = statementsOf(workerRole);
      const scheduling = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('scheduler:')));
      const passing = statements.filter((s) => [s.Action].flat().includes('iam:PassRole'));

      // Assess
      expect(actions(scheduling)).toEqual([
        'scheduler:CreateSchedule',
        'scheduler:DeleteSchedule',
        'scheduler:UpdateSchedule',
      ]);
      for (const s of scheduling) expect(JSON.stringify(s.Resource)).toContain(`:schedule/${String(groupName)}/*"`);
      expect(passing).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [role, 'Arn'] } })]);
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        SCHEDULE_GROUP: groupName,
        SCHEDULER_ROLE_ARN: { 'Fn::GetAtt': [role, 'Arn'] },
        EVENTS_QUEUE_ARN: { 'Fn::GetAtt': [queue, 'Arn'] },
      });
    },
  );

  it('are not something any other function may make', () => {
    // Act
    const others = [...stack.api.functions, stack.relay.handler].map((f) => statementsOf(idOf(f.role as never)));

    // Assess
    for (const statements of others)
      expect(actions(statements).filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole')).toEqual([]);
  });
});

describe('the dead-letter admin API', () => {
  it('knows every worker queue’s DLQ and may receive/delete there and send only to its source queue', () => {
    // Prepare
    // The route group that serves GET /api/admin/dead-letters (infra/api-routes.json).
    const apiFunction = stack.getLogicalId(stack.api.groups.clusters!.node.defaultChild as never);
    const apiRole = targetOf(
      (template.findResources('AWS::Lambda::Function')[apiFunction]!.Properties as { Role: unknown }).Role,
    );
    const statements = resourcesOf(template, 'AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => targetOf(r) === apiRole))
      .flatMap(
        ([, p]) =>
          (p.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> })
            .Statement,
      );
    const actionsOn = (queueId: string) =>
      statements
        .filter((st) =>
          [st.Resource].flat().some((r) => {
            try {
              return targetOf(r) === queueId;
            } catch {
              return false;
            }
          }),
        )
        .flatMap((st) => [st.Action].flat());
    const env = JSON.stringify(
      (
        template.findResources('AWS::Lambda::Function')[apiFunction]!.Properties as {
          Environment: { Variables: Record<string, unknown> };
        }
      ).Environment.Variables.DEAD_LETTER_QUEUES,
    );
    const names = [...new Set(WORKERS.map((w) => w.queue))];

    // Assess
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const { queue, deadLetterQueue } = stack.workers.queue(name);
      const [source, dlq] = [queue, deadLetterQueue].map((q) => stack.getLogicalId(q.node.defaultChild as never));
      expect(actionsOn(dlq!)).toEqual(
        expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:DeleteMessage']),
      );
      expect(actionsOn(dlq!)).not.toContain('sqs:SendMessage');
      expect(actionsOn(source!)).toEqual(expect.arrayContaining(['sqs:SendMessage']));
      expect(actionsOn(source!)).not.toContain('sqs:DeleteMessage');
      expect(env).toContain(`"${name.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase()}\\":{\\"dlqUrl`);
      expect(env).toContain(`{"Ref":"${dlq}"}`);
      expect(env).toContain(`{"Ref":"${source}"}`);
    }
  });
});
