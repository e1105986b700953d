import type * as z from 'zod';
import { EVENT_CATALOGUE, type EventPayload, type EventType } from './catalogue';
import type { EventEnvelope } from './envelope';

/** One event of the catalogue: the envelope with its type and payload bound together. */
export type EventOf<K extends EventType> = Omit<EventEnvelope, 'type' | 'payload'> & {
  type: K;
  payload: EventPayload<K>;
};

/** Any event of the catalogue; narrowing on `type` narrows `payload`. */
export type DomainEvent = { [K in EventType]: EventOf<K> }[EventType];

/** Where, when and in which call an event happens; the rest comes from its type and payload. */
export interface EventContext {
  /** An `evt_` id: from the id generator, or derived from the event that caused this one. */
  id: string;
  clusterId: string;
  occurredAt: string;
  correlationId: string;
}

// The catalogue seen per type: indexing it with a generic K keeps K's own payload type.
const catalogue: { [K in EventType]: { payload: z.ZodType<EventPayload<K>>; key: (p: EventPayload<K>) => string } } =
  EVENT_CATALOGUE;

/**
 * Builds an event of the catalogue: validates the payload (a `ZodError` means the producer is
 * wrong) and derives the idempotency key from the type and payload, so every producer of one
 * event keys it alike.
 *
 * @example
 * const event = newEvent('request.closed', { requestId, outcome, status, closedBy: 'deadline' },
 *   { id: ids.next('event'), clusterId, occurredAt: at, correlationId });
 */
export function newEvent<K extends EventType>(type: K, payload: EventPayload<K>, context: EventContext): EventOf<K> {
  const parsed = catalogue[type].payload.parse(payload);
  return { ...context, type, idempotencyKey: `${type}:${catalogue[type].key(parsed)}`, payload: parsed };
}

/** Whether a type read off the wire names an event of the catalogue. */
export const isEventType = (type: string): type is EventType => Object.hasOwn(EVENT_CATALOGUE, type);

/**
 * Reads an envelope as the catalogue's event of type `type`: a payload that does not match
 * throws a `ZodError` (a poison message: the queue retries it, then dead-letters it).
 *
 * @example
 * if (isEventType(envelope.type)) handle(parseEvent(envelope.type, envelope));
 */
export function parseEvent<K extends EventType>(type: K, envelope: EventEnvelope): EventOf<K> {
  return { ...envelope, type, payload: catalogue[type].payload.parse(envelope.payload) };
}
