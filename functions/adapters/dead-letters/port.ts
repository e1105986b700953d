/** One message in a dead-letter queue, as the admin API shows it. */
export interface DeadLetterView {
  /** The configured name of the source queue (`request-events`). */
  queue: string;
  messageId: string;
  /** Read from the body when it is an event; absent for a body that is not one. */
  type?: string;
  clusterId?: string;
  correlationId?: string;
  /** Why the last receive failed, when the queue records it (the local queue does, SQS does not). */
  error?: string;
  receiveCount: number;
  /** ISO instant the message was first sent to its source queue. */
  sentAt: string;
  body: string;
}

/**
 * Reads and redrives the dead-letter queues of the workers: the in-process queues locally
 * (`local.ts`), SQS in AWS (`../sqs/dead-letters.ts`). An unknown queue name is an
 * `invalid` DomainError naming the field `queue`.
 *
 * @example
 * const [letter] = await admin.list('request-events', { limit: 10 });
 * await admin.redrive('request-events', [letter.messageId]);
 */
export interface DeadLetterAdmin {
  /** The names of the queues that have a dead-letter queue. */
  queues(): string[];
  /** Up to `limit` dead letters, leaving them where they are. */
  list(queue: string, opts: { limit: number }): Promise<DeadLetterView[]>;
  /** Moves the named dead letters (all when `messageIds` is absent) back to their source queue. */
  redrive(queue: string, messageIds?: readonly string[]): Promise<{ redriven: number }>;
}
