import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { newEvent } from '@bds/core';
import { atExpression, eventBridgeScheduler, scheduleName } from '../../../functions/adapters/scheduler/eventbridge';

const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const QUEUE_ARN = 'arn:aws:sqs:ap-south-1:123456789012:request-events';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/scheduler-sends-events';
const event = newEvent(
  'request.deadline',
  { requestId: 'req_1', deadline: '2030-01-02T10:15:20.000Z' },
  {
    id: 'evt_01J0000000000000000000000',
    clusterId: 'clu_1',
    occurredAt: '2030-01-02T10:15:20.000Z',
    correlationId: 'corr-1',
  },
);
const meta = { $metadata: {} };
/** What the SDK puts in a service exception. */
const failure = (message: string) => ({ message, Message: message, $metadata: {} });

describe('the EventBridge Scheduler adapter', () => {
  const sdk = mockClient(SchedulerClient);
  const scheduler = eventBridgeScheduler({
    groupName: 'bds-dev',
    queueArn: QUEUE_ARN,
    roleArn: ROLE_ARN,
    client: new SchedulerClient({ region: 'local' }),
    now: () => NOW,
  });
  beforeEach(() => sdk.reset());

  it('creates a one-time UTC schedule that sends the event to the queue and deletes itself', async () => {
    // Prepare
    sdk.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:s', ...meta });

    // Act
    await scheduler.at('deadline:req_1', '2030-01-02T10:15:20.000Z', event);

    // Assess
    const [call] = sdk.commandCalls(CreateScheduleCommand);
    expect(call!.args[0].input).toMatchObject({
      Name: scheduleName('deadline:req_1'),
      GroupName: 'bds-dev',
      ScheduleExpression: 'at(2030-01-02T10:16:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: QUEUE_ARN, RoleArn: ROLE_ARN, Input: JSON.stringify(event) },
    });
    expect(sdk.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('moves an existing schedule of the same name with UpdateSchedule', async () => {
    // Prepare
    sdk.on(CreateScheduleCommand).rejects(new ConflictException(failure('exists')));
    sdk.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:s', ...meta });

    // Act
    await scheduler.at('deadline:req_1', '2030-01-03T00:00:00.000Z', event);

    // Assess
    const [update] = sdk.commandCalls(UpdateScheduleCommand);
    expect(update!.args[0].input).toMatchObject({
      Name: scheduleName('deadline:req_1'),
      GroupName: 'bds-dev',
      ScheduleExpression: 'at(2030-01-03T00:00:00)',
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: QUEUE_ARN, RoleArn: ROLE_ARN },
    });
  });

  it('lets any other failure through', async () => {
    // Prepare
    sdk.on(CreateScheduleCommand).rejects(new ValidationException(failure('bad expression')));

    // Act / Assess
    await expect(scheduler.at('deadline:req_1', '2030-01-03T00:00:00.000Z', event)).rejects.toThrow('bad expression');
    expect(sdk.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('cancels by deleting the schedule, and a schedule already gone is not an error', async () => {
    // Prepare
    sdk
      .on(DeleteScheduleCommand)
      .rejectsOnce(new ResourceNotFoundException(failure('gone')))
      .resolves(meta);

    // Act
    await scheduler.cancel('deadline:req_1');
    await scheduler.cancel('deadline:req_2');

    // Assess
    expect(sdk.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input)).toEqual([
      { Name: scheduleName('deadline:req_1'), GroupName: 'bds-dev' },
      { Name: scheduleName('deadline:req_2'), GroupName: 'bds-dev' },
    ]);
  });

  it('reports a delete that fails for another reason', async () => {
    // Prepare
    sdk.on(DeleteScheduleCommand).rejects(new ThrottlingException(failure('throttled')));

    // Act / Assess
    await expect(scheduler.cancel('deadline:req_1')).rejects.toThrow('throttled');
  });
});

describe('schedule names and times', () => {
  it('keeps a name EventBridge accepts, and maps any other to a valid, distinct one', () => {
    // Act
    const names = ['deadline:req_1', 'deadline_req_1', 'deadline-req_1', `milestone:${'x'.repeat(80)}`].map(
      scheduleName,
    );

    // Assess
    expect(names[1]).toBe('deadline_req_1');
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[0-9a-zA-Z._-]{1,64}$/);
    expect(scheduleName('deadline:req_1')).toBe(names[0]);
  });

  it('rounds up to the minute, never early, and moves a past instant a minute ahead', () => {
    // Assess
    expect(atExpression('2030-01-02T10:15:00.000Z', NOW)).toBe('at(2030-01-02T10:15:00)');
    expect(atExpression('2030-01-02T10:15:00.001Z', NOW)).toBe('at(2030-01-02T10:16:00)');
    expect(atExpression('2029-12-31T00:00:00.000Z', NOW + 30_000)).toBe('at(2030-01-01T00:02:00)');
    expect(() => atExpression('tomorrow', NOW)).toThrow(/ISO/);
  });
});
