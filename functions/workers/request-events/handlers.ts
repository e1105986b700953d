import type { BatchHandler, EventHandler } from './worker';
import { onRequestOpened } from './handlers/request-opened';
import { onRequestsClosed } from './handlers/matching';
import { notifyRequestOpened } from './handlers/notify-opened';
import { notifyRequestAwarded } from './handlers/notify-awarded';
import { cancelDeadline, scheduleDeadline } from './handlers/schedule';
import { onDeadline } from './handlers/deadline';
import { onRequestAwardedEscrow } from './handlers/escrow';
import { onRequestCancelledVoids } from './handlers/cancel-voids';
import { onMilestoneAutoAccept, onMilestoneReported } from './handlers/auto-accept';

/**
 * Which handlers run for which event type. Each handler lives in `handlers/<name>.ts`; add one
 * line here per handler. Several handlers of one type run in order; each must be idempotent.
 */
export const eventHandlers: Record<string, EventHandler[]> = {
  'request.opened': [onRequestOpened, scheduleDeadline, notifyRequestOpened],
  'request.awarded': [onRequestAwardedEscrow, notifyRequestAwarded],
  'request.cancelled': [cancelDeadline, onRequestCancelledVoids],
  'request.deadline': [onDeadline],
  'milestone.reported': [onMilestoneReported],
  'milestone.auto_accept': [onMilestoneAutoAccept],
};

/** Event types handled a batch at a time (see `BatchHandler`). */
export const batchHandlers: Record<string, BatchHandler> = {
  'request.closed': onRequestsClosed,
};
