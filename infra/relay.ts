import { Duration } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { handlerFunction, type FunctionEnvironment } from './functions';
import { ENTRIES } from './paths';
import { QueueWithDlq } from './queues';
import type { DataTable } from './table';

export interface OutboxRelayProps {
  readonly data: DataTable;
  readonly eventsQueue: IQueue;
  readonly environment: FunctionEnvironment & Readonly<Record<string, string>>;
}

/**
 * The transactional outbox's relay: the table's stream, filtered to new outbox items, drives
 * a function that sends each event to the events queue. A batch that keeps failing is split
 * (bisect) and, after its retries, its position is recorded in a dead-letter queue.
 *
 * @example
 * new OutboxRelay(this, 'Relay', { data, eventsQueue, environment });
 */
export class OutboxRelay extends Construct {
  readonly handler: NodejsFunction;
  readonly failures: QueueWithDlq;

  constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);
    const timeout = Duration.seconds(30);
    this.handler = handlerFunction(this, 'Function', {
      entry: ENTRIES.relay,
      timeout,
      memorySize: 256,
      environment: props.environment,
      description: 'Relays outbox events from the table stream to the events queue',
    });
    props.eventsQueue.grantSendMessages(this.handler);
    this.failures = new QueueWithDlq(this, 'Failures', {
      consumerTimeout: timeout,
      batchingWindow: Duration.seconds(0),
    });
    this.handler.addEventSource(
      new DynamoEventSource(props.data.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.failures.queue),
        // Only new outbox items wake the function: every other write to the table is ignored.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('outbox') } } },
          }),
        ],
      }),
    );
  }
}
