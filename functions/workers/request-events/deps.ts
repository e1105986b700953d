import type { Clock, EventOf, EventType, IdGenerator, ProcurementTiming } from '@bds/core';
import type { Stores } from '../../adapters/dynamo/stores';
import type { MailSender } from '../../adapters/mail/port';
import type { Scheduler } from '../../adapters/scheduler/port';
import type { Logger } from '../../observability/logger';

/** What the request-events worker's handlers may use; built once per process. */
export interface WorkerDeps {
  stores: Stores;
  log: Logger;
  clock: Clock;
  ids: IdGenerator;
  /** The stage's national bounds for bidding periods and stand-stills. */
  timing: ProcurementTiming;
  mail: MailSender;
  scheduler: Scheduler;
  /** Where links in mail point (the portal's origin). */
  portalUrl: string;
  /** A fresh secret for a mailed link (`newSecret` unless a test seeds it). */
  secret?: () => string;
}

/**
 * Handles one event of type `K`, its payload already parsed by the catalogue. Must be safe to
 * run twice: every effect is keyed by the event (idempotency key).
 */
export type EventHandler<K extends EventType> = (event: EventOf<K>, deps: WorkerDeps, log: Logger) => Promise<void>;

/**
 * Handles every event of type `K` in an SQS batch together (matching: the requests closing in
 * the same run). Returns the ids of the events that failed; throwing fails them all.
 */
export type BatchHandler<K extends EventType> = (
  events: EventOf<K>[],
  deps: WorkerDeps,
  log: Logger,
) => Promise<{ failedEventIds: string[] }>;

/** The registry's shape: per type, the handlers that run in order. */
export type EventHandlers = { [K in EventType]?: readonly EventHandler<K>[] };

/** The registry's shape for types handled a batch at a time. */
export type BatchHandlers = { [K in EventType]?: BatchHandler<K> };
