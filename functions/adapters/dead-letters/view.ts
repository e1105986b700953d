import type { DeadLetterView } from './port';

/** What both adapters know about a dead letter before its body is read. */
export interface RawDeadLetter {
  messageId: string;
  body: string;
  receiveCount: number;
  /** Epoch ms (SQS's SentTimestamp). */
  sentAt: number;
  error?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The admin's view of a dead letter: the event's type, cluster and correlation id come from
 * the body. A body that is not JSON (the reason it may be dead) still shows, without them.
 */
export function deadLetterView(queue: string, raw: RawDeadLetter): DeadLetterView {
  let event: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw.body);
    if (parsed && typeof parsed === 'object') event = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: shown as it is.
  }
  const type = text(event.type);
  const clusterId = text(event.clusterId);
  const correlationId = text(event.correlationId);
  return {
    queue,
    messageId: raw.messageId,
    ...(type ? { type } : {}),
    ...(clusterId ? { clusterId } : {}),
    ...(correlationId ? { correlationId } : {}),
    ...(raw.error ? { error: raw.error } : {}),
    receiveCount: raw.receiveCount,
    sentAt: new Date(raw.sentAt).toISOString(),
    body: raw.body,
  };
}
