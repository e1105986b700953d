import { readFile, writeFile } from 'node:fs/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { dynamoClientConfig } from './dynamo-local';

export interface LocalStreamRelayOptions {
  endpoint: string;
  tableName: string;
  /** The same handler Lambda runs on the stream in AWS. */
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  /** Where the last relayed sequence number per shard is kept across restarts. */
  checkpointFile?: string;
  pollIntervalMs?: number;
  log?: (line: string) => void;
}

/**
 * Reads DynamoDB Local's stream the way Lambda's event source mapping reads the real one:
 * ordered batches per shard, a failure resumes at the failed record, and the position is
 * checkpointed only after a batch succeeds — so a crash redelivers, never loses.
 */
export class LocalStreamRelay {
  private readonly streams: DynamoDBStreamsClient;
  private readonly ddb: DynamoDBClient;
  private checkpoints: Record<string, string> = {};
  private iterators = new Map<string, string | undefined>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private polls = 0;
  private lastIdlePoll = -1;
  private stopped = true;
  private streamArn = '';

  constructor(private readonly opts: LocalStreamRelayOptions) {
    this.streams = new DynamoDBStreamsClient(dynamoClientConfig(opts.endpoint));
    this.ddb = new DynamoDBClient(dynamoClientConfig(opts.endpoint));
  }

  async start(): Promise<void> {
    const table = await this.ddb.send(new DescribeTableCommand({ TableName: this.opts.tableName }));
    this.streamArn = table.Table?.LatestStreamArn ?? '';
    if (!this.streamArn) throw new Error(`Table ${this.opts.tableName} has no stream`);
    if (this.opts.checkpointFile)
      this.checkpoints = JSON.parse(await readFile(this.opts.checkpointFile, 'utf8').catch(() => '{}'));
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling after the batch in flight (nothing is checkpointed past what was relayed). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Resolves once a poll that started after this call found nothing new on any shard. */
  async drain(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    const after = this.polls;
    while (this.lastIdlePoll <= after) {
      if (Date.now() > until) throw new Error('stream relay did not drain in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.poll()
        .catch((error: Error) => this.opts.log?.(`stream relay: ${error.message}`))
        .finally(() => this.schedule(this.opts.pollIntervalMs ?? 200));
    }, ms);
  }

  private async poll(): Promise<void> {
    const number = ++this.polls;
    const stream = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    let found = false;
    for (const shard of stream.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      let iterator = this.iterators.get(shardId);
      if (iterator === undefined && !this.iterators.has(shardId)) iterator = await this.iteratorFor(shardId);
      if (!iterator) continue;
      const out = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      const records = out.Records ?? [];
      this.iterators.set(shardId, out.NextShardIterator);
      if (records.length === 0) continue;
      found = true;
      const result = await this.opts.handler({ Records: records.map(toLambdaRecord) });
      const failed = result.batchItemFailures[0]?.itemIdentifier;
      const upTo = failed ? records.findIndex((r) => r.dynamodb?.SequenceNumber === failed) - 1 : records.length - 1;
      if (upTo >= 0) this.checkpoints[shardId] = records[upTo]!.dynamodb!.SequenceNumber!;
      if (failed) this.iterators.set(shardId, await this.iteratorFor(shardId));
      await this.saveCheckpoints();
    }
    if (!found) this.lastIdlePoll = number;
  }

  private async iteratorFor(shardId: string): Promise<string | undefined> {
    const after = this.checkpoints[shardId];
    const out = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
        ...(after ? { SequenceNumber: after } : {}),
      }),
    );
    return out.ShardIterator;
  }

  private async saveCheckpoints(): Promise<void> {
    if (this.opts.checkpointFile) await writeFile(this.opts.checkpointFile, JSON.stringify(this.checkpoints));
  }
}

/** The Streams API record in the shape Lambda hands a stream-triggered function. */
function toLambdaRecord(r: _Record): DynamoDBRecord {
  const d = r.dynamodb;
  return {
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventSource: 'aws:dynamodb',
    awsRegion: 'local',
    dynamodb: {
      ...(d?.Keys ? { Keys: d.Keys as never } : {}),
      ...(d?.NewImage ? { NewImage: d.NewImage as never } : {}),
      ...(d?.OldImage ? { OldImage: d.OldImage as never } : {}),
      SequenceNumber: d?.SequenceNumber,
      SizeBytes: d?.SizeBytes,
      StreamViewType: d?.StreamViewType,
      ApproximateCreationDateTime: d?.ApproximateCreationDateTime
        ? d.ApproximateCreationDateTime.getTime() / 1000
        : undefined,
    } as DynamoDBRecord['dynamodb'],
  };
}
