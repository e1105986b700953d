import { assertKnownQueue } from './errors';
import type { DeadLetterAdmin } from './port';
import { deadLetterView, type RawDeadLetter } from './view';

/** What this adapter needs of a queue; the local stack's `LocalQueue` has it. */
export interface RedrivableQueue {
  readonly name: string;
  deadLetters(): RawDeadLetter[];
  /** Moves the named dead letters (all when absent) back into the queue; returns how many. */
  redrive(messageIds?: readonly string[]): number;
}

/**
 * The dead letters of the local stack's in-process queues. Redriving puts a letter back on
 * its source queue under the same message id with its receive count reset, as SQS's redrive does.
 *
 * @example
 * deps.deadLetters = localDeadLetters([requestEvents]);
 */
export function localDeadLetters(sources: readonly RedrivableQueue[]): DeadLetterAdmin {
  const byName = new Map(sources.map((q) => [q.name, q]));
  const queue = (name: string): RedrivableQueue => {
    assertKnownQueue(name, [...byName.keys()]);
    return byName.get(name)!;
  };
  return {
    queues: () => [...byName.keys()],
    list: async (name, { limit }) =>
      queue(name)
        .deadLetters()
        .slice(0, limit)
        .map((l) => deadLetterView(name, l)),
    redrive: async (name, messageIds) => ({ redriven: queue(name).redrive(messageIds) }),
  };
}
