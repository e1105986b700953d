import * as z from 'zod';

/**
 * The envelope of every event that travels through a queue to a worker. `idempotencyKey`
 * lets a worker recognise a redelivery; `correlationId` follows one API call through every
 * worker it causes.
 */
export const EventEnvelope = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  clusterId: z.string().min(1),
  occurredAt: z.iso.datetime(),
  correlationId: z.string().min(1),
  idempotencyKey: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** Sends events to the workers; SQS in AWS, the in-process queue locally. */
export interface EventPublisher {
  publish(event: EventEnvelope): Promise<void>;
}
