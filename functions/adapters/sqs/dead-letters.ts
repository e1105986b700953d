import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { assertKnownQueue } from '../dead-letters/errors';
import type { DeadLetterAdmin } from '../dead-letters/port';
import { deadLetterView } from '../dead-letters/view';

/** `DEAD_LETTER_QUEUES`: queue name → its dead-letter queue and the queue it redrives to. */
export const DeadLetterQueues = z.record(z.string().min(1), z.object({ dlqUrl: z.url(), sourceUrl: z.url() }));
export type DeadLetterQueues = z.infer<typeof DeadLetterQueues>;

/** Parses the `DEAD_LETTER_QUEUES` JSON; throws naming the variable when it is malformed. */
export function parseDeadLetterQueues(json: string): DeadLetterQueues {
  try {
    return DeadLetterQueues.parse(JSON.parse(json));
  } catch (error) {
    throw new Error(
      'Invalid environment — DEAD_LETTER_QUEUES must be a JSON map of queue name → { dlqUrl, sourceUrl }',
      { cause: error },
    );
  }
}

/** Listing hides messages this long at most: it hands them back at once. */
const LIST_HOLD_SECONDS = 30;
/** Long enough to send and delete every message one redrive call received. */
const REDRIVE_HOLD_SECONDS = 300;
/** One redrive call moves at most this many; the admin calls again for the rest. */
const MAX_REDRIVE = 500;

/**
 * The workers' dead-letter queues on SQS. SQS cannot peek: `list` receives (which hides the
 * messages for {@link LIST_HOLD_SECONDS}) and at once makes them visible again. `redrive` sends each
 * chosen message to its source queue, then deletes it from the DLQ — a crash in between leaves
 * a copy in both, which the idempotent workers absorb. The same loop serves "redrive all":
 * `StartMessageMoveTask` is asynchronous and returns no count, and a DLQ that alarms at one
 * message stays small, so the exact, synchronous count wins (see docs/workers.md).
 *
 * @example
 * deps.deadLetters = sqsDeadLetters(parseDeadLetterQueues(env.DEAD_LETTER_QUEUES));
 */
export function sqsDeadLetters(config: DeadLetterQueues, client = new SQSClient({})): DeadLetterAdmin {
  const urls = (queue: string) => {
    assertKnownQueue(queue, Object.keys(config));
    return config[queue]!;
  };

  /** Receives up to `max` messages, stopping at the first empty receive or once `enough`; they stay hidden. */
  async function receive(
    dlqUrl: string,
    max: number,
    hold: number,
    enough = (_got: ReadonlyMap<string, Message>) => false,
  ): Promise<Message[]> {
    const got = new Map<string, Message>();
    while (got.size < max && !enough(got)) {
      const { Messages = [] } = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: dlqUrl,
          MaxNumberOfMessages: Math.min(10, max - got.size),
          VisibilityTimeout: hold,
          // A short long-poll asks every SQS server, so a small DLQ is not reported empty by chance.
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      const fresh = Messages.filter((m) => m.MessageId && m.ReceiptHandle && !got.has(m.MessageId));
      if (fresh.length === 0) break;
      for (const m of fresh) got.set(m.MessageId!, m);
    }
    return [...got.values()];
  }

  async function release(dlqUrl: string, messages: Message[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const chunk = messages.slice(i, i + 10);
      await client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: dlqUrl,
          Entries: chunk.map((m, n) => ({ Id: String(n), ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: 0 })),
        }),
      );
    }
  }

  return {
    queues: () => Object.keys(config),

    async list(queue, { limit }) {
      const { dlqUrl } = urls(queue);
      const messages = await receive(dlqUrl, limit, LIST_HOLD_SECONDS);
      await release(dlqUrl, messages);
      return messages.map((m) =>
        deadLetterView(queue, {
          messageId: m.MessageId!,
          body: m.Body ?? '',
          // Our own receive counted once more.
          receiveCount: Math.max(0, Number(m.Attributes?.ApproximateReceiveCount ?? 1) - 1),
          sentAt: Number(m.Attributes?.SentTimestamp ?? 0),
        }),
      );
    },

    async redrive(queue, messageIds) {
      const { dlqUrl, sourceUrl } = urls(queue);
      const wanted = messageIds && new Set(messageIds);
      const received = await receive(
        dlqUrl,
        MAX_REDRIVE,
        REDRIVE_HOLD_SECONDS,
        (got) => !!wanted && [...wanted].every((id) => got.has(id)),
      );
      const chosen = received.filter((m) => !wanted || wanted.has(m.MessageId!));
      await release(
        dlqUrl,
        received.filter((m) => !chosen.includes(m)),
      );
      for (const m of chosen) {
        await client.send(
          new SendMessageCommand({
            QueueUrl: sourceUrl,
            MessageBody: m.Body ?? '',
            MessageAttributes: stringAttributes(m.MessageAttributes),
          }),
        );
        await client.send(new DeleteMessageCommand({ QueueUrl: dlqUrl, ReceiptHandle: m.ReceiptHandle! }));
      }
      return { redriven: chosen.length };
    },
  };
}

/** The message attributes as received, in the shape SendMessage takes (the lists SQS never fills are dropped). */
function stringAttributes(
  attrs: Record<string, MessageAttributeValue> | undefined,
): Record<string, MessageAttributeValue> | undefined {
  if (!attrs) return undefined;
  return Object.fromEntries(
    Object.entries(attrs).map(([k, v]) => [
      k,
      {
        DataType: v.DataType,
        ...(v.StringValue !== undefined ? { StringValue: v.StringValue } : {}),
        ...(v.BinaryValue !== undefined ? { BinaryValue: v.BinaryValue } : {}),
      },
    ]),
  );
}
