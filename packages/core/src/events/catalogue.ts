import * as z from 'zod';
import { Money } from '../money';
import { RequestStatus } from '../request/schema';

const RequestId = z.string().min(1);
const MilestoneIndex = z.number().int().nonnegative();

/**
 * Every event the workers handle: its payload's schema and the idempotency key a redelivery
 * is recognised by. Adding an event means adding one entry here; producers build it with
 * `newEvent`, and a handler registered for its type receives the parsed payload.
 */
export const EVENT_CATALOGUE = {
  'request.opened': {
    payload: z.object({
      requestId: RequestId,
      title: z.string(),
      category: z.string().min(1),
      deadline: z.iso.datetime(),
      leadAssociationId: z.string().min(1),
    }),
    key: (p: { requestId: string }) => p.requestId,
  },
  'request.cancelled': {
    payload: z.object({ requestId: RequestId, previousStatus: RequestStatus, cancelledAt: z.iso.datetime() }),
    key: (p: { requestId: string }) => p.requestId,
  },
  /** The lead moved an open request's deadline: the worker moves its schedule (keyed by the new deadline). */
  'request.deadline_moved': {
    payload: z.object({ requestId: RequestId, from: z.iso.datetime(), deadline: z.iso.datetime() }),
    key: (p: { requestId: string; deadline: string }) => `${p.requestId}:${p.deadline}`,
  },
  /** Armed by the scheduler for the deadline it names: a moved deadline is a different trigger. */
  'request.deadline': {
    payload: z.object({ requestId: RequestId, deadline: z.iso.datetime() }),
    key: (p: { requestId: string; deadline: string }) => `${p.requestId}:${p.deadline}`,
  },
  'request.closed': {
    payload: z.object({
      requestId: RequestId,
      outcome: z.enum(['ranked', 'unsuccessful']),
      status: RequestStatus,
      closedBy: z.enum(['association', 'deadline']),
    }),
    key: (p: { requestId: string }) => p.requestId,
  },
  /** A ranking published to its bidders: the stand-still runs until `endsAt` (a re-ranking starts a new one). */
  'request.standstill_started': {
    payload: z.object({ requestId: RequestId, endsAt: z.iso.datetime() }),
    key: (p: { requestId: string; endsAt: string }) => `${p.requestId}:${p.endsAt}`,
  },
  /** Fired by the stand-still's one schedule at `endsAt`: the lead association may award. */
  'request.standstill_ended': {
    payload: z.object({ requestId: RequestId, endsAt: z.iso.datetime() }),
    key: (p: { requestId: string; endsAt: string }) => `${p.requestId}:${p.endsAt}`,
  },
  /** A bidder contested the ranking during its stand-still: the award waits until the cluster admin decides. */
  'complaint.filed': {
    payload: z.object({ requestId: RequestId, complaintId: z.string().min(1), providerId: z.string().min(1) }),
    key: (p: { complaintId: string }) => p.complaintId,
  },
  /** The cluster admin dismissed or upheld a complaint (re-evaluated: a new stand-still follows; or cancelled). */
  'complaint.decided': {
    payload: z.object({
      requestId: RequestId,
      complaintId: z.string().min(1),
      providerId: z.string().min(1),
      outcome: z.enum(['dismissed', 'upheld']),
      remedy: z.enum(['reevaluate', 'cancel']).optional(),
    }),
    key: (p: { complaintId: string }) => p.complaintId,
  },
  'request.awarded': {
    payload: z.object({
      requestId: RequestId,
      bidId: z.string().min(1),
      providerId: z.string().min(1),
      total: Money,
      category: z.string().min(1),
      leadAssociationId: z.string().min(1),
      awardedAt: z.iso.datetime(),
    }),
    key: (p: { requestId: string }) => p.requestId,
  },
  'milestone.reported': {
    payload: z.object({ requestId: RequestId, index: MilestoneIndex, autoAcceptAt: z.iso.datetime() }),
    key: (p: { requestId: string; index: number }) => `${p.requestId}:${p.index}`,
  },
  /** Fired by the milestone's one schedule at `autoAcceptAt`. */
  'milestone.auto_accept': {
    payload: z.object({ requestId: RequestId, index: MilestoneIndex, autoAcceptAt: z.iso.datetime() }),
    key: (p: { requestId: string; index: number }) => `${p.requestId}:${p.index}`,
  },
  /**
   * A milestone decided (accepted, accepted automatically, resolved): the indicator worker adds
   * what it counts, read from the stored record, to the aggregates. Decided once, so keyed by
   * the milestone.
   */
  'milestone.decided': {
    payload: z.object({ requestId: RequestId, index: MilestoneIndex, status: z.string().min(1) }),
    key: (p: { requestId: string; index: number }) => `${p.requestId}:${p.index}`,
  },
} as const;

/** The name of an event in the catalogue (`request.closed`, …). */
export type EventType = keyof typeof EVENT_CATALOGUE;

/** The payload of one event type, as its schema outputs it. */
export type EventPayload<K extends EventType> = z.output<(typeof EVENT_CATALOGUE)[K]['payload']>;
