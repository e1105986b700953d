import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Lambda's guidance: a visibility timeout of at least six times the consumer's timeout. */
const VISIBILITY_FACTOR = 6;

/**
 * The visibility timeout for a queue consumed by a function with this timeout. Lambda may
 * retry a throttled batch several times before giving up; a shorter visibility would hand
 * the same messages to a second invocation while the first still runs.
 */
export const visibilityTimeoutFor = (consumerTimeout: Duration, batchingWindow = Duration.seconds(0)): Duration =>
  Duration.seconds(consumerTimeout.toSeconds() * VISIBILITY_FACTOR + batchingWindow.toSeconds());

export interface QueueWithDlqProps {
  /** Timeout of the function that consumes the queue: the visibility timeout derives from it. */
  readonly consumerTimeout: Duration;
  /** The event source's batching window, added to the visibility timeout. */
  readonly batchingWindow?: Duration;
  /** Receives before a message moves to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
  /** Age of the oldest message above which the backlog alarm fires. @default 5 minutes */
  readonly maxMessageAge?: Duration;
}

/**
 * An encrypted, TLS-only SQS queue with its dead-letter queue and two alarms: any message
 * in the DLQ (a message we failed five times needs a human), and a main queue whose oldest
 * message is older than `maxMessageAge` (the consumer is down or falling behind).
 *
 * The stack makes its alarm topic (infra/alarms.ts) the action of both alarms.
 *
 * @example
 * const events = new QueueWithDlq(this, 'RequestEvents', { consumerTimeout: Duration.seconds(30) });
 * fn.addEventSource(new SqsEventSource(events.queue, { reportBatchItemFailures: true }));
 */
export class QueueWithDlq extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: QueueWithDlqProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'Dlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Longer than the main queue's 4 days: a standard queue's message keeps its original
      // enqueue time in the DLQ, so an equal retention would expire it on arrival.
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: visibilityTimeoutFor(props.consumerTimeout, props.batchingWindow),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });

    const dlqDepth = new Alarm(this, 'DlqDepthAlarm', {
      alarmDescription:
        `${this.node.path}: a message failed ${props.maxReceiveCount ?? 5} ` + `times and is in the dead-letter queue`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: Stats.MAXIMUM,
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const maxAge = props.maxMessageAge ?? Duration.minutes(5);
    const oldestMessage = new Alarm(this, 'OldestMessageAlarm', {
      alarmDescription: `${this.node.path}: the oldest message has waited more than ${maxAge.toHumanString()}`,
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: Stats.MAXIMUM }),
      threshold: maxAge.toSeconds(),
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // Three minutes in a row: one slow batch is not an incident.
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms = [dlqDepth, oldestMessage];
  }
}
