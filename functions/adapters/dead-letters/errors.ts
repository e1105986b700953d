import { DomainError } from '@bds/core';

/** The admin named a queue that has no dead-letter queue here. */
export const unknownQueue = (queue: string, known: readonly string[]): DomainError =>
  new DomainError(
    'DEAD_LETTERS.UNKNOWN_QUEUE',
    'invalid',
    `No dead-letter queue for "${queue}"; known: ${known.join(', ') || 'none'}.`,
    'queue',
  );

/** Throws {@link unknownQueue} unless `queue` is one of `known`. */
export function assertKnownQueue(queue: string, known: readonly string[]): void {
  if (!known.includes(queue)) throw unknownQueue(queue, known);
}
