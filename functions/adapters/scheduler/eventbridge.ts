import { createHash } from 'node:crypto';
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleInput,
} from '@aws-sdk/client-scheduler';
import type { DomainEvent } from '@bds/core';
import { systemClock } from '../system';
import type { Scheduler } from './port';

export interface EventBridgeSchedulerOptions {
  /** The schedule group every schedule of this stage lives in. */
  groupName: string;
  /** ARN of the workers' queue: a schedule sends its event there as the message body. */
  queueArn: string;
  /** The role EventBridge Scheduler assumes to send to the queue. */
  roleArn: string;
  client?: SchedulerClient;
  now?: () => number;
}

const MINUTE = 60_000;
// By name, not instanceof: true whichever copy of the SDK threw it.
const nameOf = (error: unknown): string | undefined => (error as Error | undefined)?.name;
const NAME = /^[0-9a-zA-Z._-]{1,64}$/;

/**
 * The schedule name EventBridge accepts (`[0-9a-zA-Z._-]`, at most 64): the port's name when it
 * fits, else a readable prefix plus a hash of the whole name, so two names never collide and
 * cancelling finds what scheduling made.
 *
 * @example
 * scheduleName('deadline:req_01J…') // 'deadline-req_01J…-3f2a9c01b7'
 */
export function scheduleName(name: string): string {
  if (NAME.test(name)) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  return `${name.replace(/[^0-9a-zA-Z._-]/g, '-').slice(0, 53)}-${hash}`;
}

/**
 * The one-time expression for an instant, in UTC. EventBridge fires `at` schedules with minute
 * precision, so the instant is rounded up to a whole minute (never early); one that is past or
 * less than a minute away moves to the first whole minute a minute from now, since a schedule
 * must lie in the future (the handlers take a late trigger in their stride).
 *
 * @example
 * atExpression('2030-01-02T10:15:20.000Z', Date.parse('2030-01-01T00:00:00Z')) // 'at(2030-01-02T10:16:00)'
 */
export function atExpression(at: string, now: number): string {
  const instant = Date.parse(at);
  if (Number.isNaN(instant)) throw new Error(`Not an ISO instant: ${at}`);
  const minute = Math.max(Math.ceil(instant / MINUTE), Math.ceil((now + MINUTE) / MINUTE)) * MINUTE;
  return `at(${new Date(minute).toISOString().slice(0, 19)})`;
}

/**
 * The Scheduler port on EventBridge Scheduler: one `at(…)` schedule per name, which sends the
 * event to the workers' queue and deletes itself once it has fired. Scheduling a name again
 * updates it; cancelling a name that does not exist (fired, or never made) is not an error.
 *
 * @example
 * const scheduler = eventBridgeScheduler({ groupName: env.SCHEDULE_GROUP, queueArn: env.EVENTS_QUEUE_ARN, roleArn:
 * env.SCHEDULER_ROLE_ARN });
 * await scheduler.at('deadline:req_01J…', request.biddingDeadline, event);
 */
export function eventBridgeScheduler(opts: EventBridgeSchedulerOptions): Scheduler {
  const client = opts.client ?? new SchedulerClient({});
  const now = opts.now ?? systemClock.now;
  return {
    async at(name: string, at: string, event: DomainEvent): Promise<void> {
      const input: CreateScheduleInput = {
        Name: scheduleName(name),
        GroupName: opts.groupName,
        ScheduleExpression: atExpression(at, now()),
        ScheduleExpressionTimezone: 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Description: `${event.type} for ${name}`.slice(0, 512),
        Target: { Arn: opts.queueArn, RoleArn: opts.roleArn, Input: JSON.stringify(event) },
      };
      try {
        await client.send(new CreateScheduleCommand(input));
      } catch (error) {
        if (nameOf(error) !== 'ConflictException') throw error;
        // The name is taken: this is a move (or a redelivery), and an update replaces the whole schedule.
        await client.send(new UpdateScheduleCommand(input));
      }
    },

    async cancel(name: string): Promise<void> {
      try {
        await client.send(new DeleteScheduleCommand({ Name: scheduleName(name), GroupName: opts.groupName }));
      } catch (error) {
        if (nameOf(error) !== 'ResourceNotFoundException') throw error;
      }
    },
  };
}
