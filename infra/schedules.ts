import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface SchedulesProps {
  /** Where a schedule delivers its event: the request-events queue. */
  readonly eventsQueue: IQueue;
}

/**
 * One-time schedules (a request's deadline, a milestone's automatic acceptance): an EventBridge
 * Scheduler group, and the role the service assumes to send each schedule's event to the events
 * queue. The workers create the schedules at run time (`functions/adapters/scheduler/eventbridge.ts`).
 *
 * @example
 * const schedules = new Schedules(this, 'Schedules', { eventsQueue });
 * schedules.allowScheduling(worker);
 */
export class Schedules extends Construct {
  readonly group: ScheduleGroup;
  /** Assumed by EventBridge Scheduler, and only for this account's schedules of this group. */
  readonly role: Role;
  private readonly eventsQueue: IQueue;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    this.eventsQueue = props.eventsQueue;
    this.group = new ScheduleGroup(this, 'Group');
    const { account } = Stack.of(this);
    this.role = new Role(this, 'DeliveryRole', {
      description: 'Assumed by EventBridge Scheduler to send scheduled events to the request-events queue',
      // Confused-deputy guard: only schedules of this account, in this group, may use the role.
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': this.scheduleArn('*') },
        },
      }),
    });
    props.eventsQueue.grantSendMessages(this.role);
  }

  /**
   * Lets a function create, move and delete schedules of this group that send as the delivery
   * role, and tells it where they are (`SCHEDULE_GROUP`, `SCHEDULER_ROLE_ARN`, `EVENTS_QUEUE_ARN`).
   */
  allowScheduling(fn: NodejsFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [this.scheduleArn('*')],
      }),
    );
    this.role.grantPassRole(fn.grantPrincipal);
    fn.addEnvironment('SCHEDULE_GROUP', this.group.scheduleGroupName);
    fn.addEnvironment('SCHEDULER_ROLE_ARN', this.role.roleArn);
    fn.addEnvironment('EVENTS_QUEUE_ARN', this.eventsQueue.queueArn);
  }

  /** The ARN of a schedule of this group (`*`: any of them; names are made per request at run time). */
  private scheduleArn(name: string): string {
    return Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/${name}`,
    });
  }
}
