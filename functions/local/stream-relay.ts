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
  /** How often to read the stream while records keep coming (200 ms by default). */
  pollIntervalMs?: number;
  /**
   * The slowest polling gets while the stream is idle (8 × `pollIntervalMs` by default): each empty
   * poll doubles the wait up to this. `drain()` polls at once, whatever the wait.
   */
  maxIdleIntervalMs?: number;
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
  /** The stream's shards, described again only when one closes (or every few seconds). */
  private shards: string[] | undefined;
  private describedAt = 0;
  private idleWaitMs = 0;
  private soon = false;

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
    this.pollSoon();
    while (this.lastIdlePoll <= after) {
      if (Date.now() > until) throw new Error('stream relay did not drain in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Cuts an idle wait short: the next poll starts now unless one is running. */
  private pollSoon(): void {
    if (this.stopped) return;
    if (!this.timer) return void (this.soon = true); // a poll is running: the next one follows it at once
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.poll()
        .then((found) => {
          // Busy: poll again at the base interval. Idle: wait twice as long each time, up to the cap.
          const base = this.opts.pollIntervalMs ?? 200;
          const cap = this.opts.maxIdleIntervalMs ?? base * 8;
          this.idleWaitMs = found ? 0 : Math.min(cap, Math.max(base, this.idleWaitMs * 2));
        })
        .catch((error: Error) => this.opts.log?.(`stream relay: ${error.message}`))
        .finally(() => {
          const wait = this.soon ? 0 : this.idleWaitMs || (this.opts.pollIntervalMs ?? 200);
          this.soon = false;
          this.schedule(wait);
        });
    }, ms);
  }

  /** The shard ids to read: cached, and described again when a shard closed or after 5 s. */
  private async shardIds(): Promise<string[]> {
    if (!this.shards || Date.now() - this.describedAt > 5_000) {
      const stream = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
      this.shards = (stream.StreamDescription?.Shards ?? []).map((shard) => shard.ShardId!);
      this.describedAt = Date.now();
    }
    return this.shards;
  }

  /** One pass over every shard; true when it relayed anything. */
  private async poll(): Promise<boolean> {
    const number = ++this.polls;
    let found = false;
    for (const shardId of await this.shardIds()) {
      let iterator = this.iterators.get(shardId);
      if (iterator === undefined && !this.iterators.has(shardId)) iterator = await this.iteratorFor(shardId);
      if (!iterator) continue;
      const out = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      const records = out.Records ?? [];
      this.iterators.set(shardId, out.NextShardIterator);
      // A closed shard: its children (if any) are new shards, so describe the stream again next time.
      if (!out.NextShardIterator) this.shards = undefined;
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
    return found;
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
