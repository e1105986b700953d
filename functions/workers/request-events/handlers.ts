import type { BatchHandlers, EventHandlers } from './deps';
import { onRequestOpened } from './handlers/request-opened';
import { notifyRequestOpened } from './handlers/notify-opened';
import { notifyRequestAwarded } from './handlers/notify-awarded';
import { notifyBidsLost } from './handlers/notify-lost';
import { notifyMilestoneReported } from './handlers/notify-reported';
import { notifyMilestoneDecided } from './handlers/notify-decided';
import { recordAwardActivity, recordDecisionActivity } from './handlers/activity';
import { cancelDeadline, moveDeadlineSchedule, scheduleDeadline } from './handlers/schedule';
import { onDeadline } from './handlers/deadline';
import { armStandstill, notifyRankingPublished, onStandstillEnded } from './handlers/standstill';
import { onRequestAwardedEscrow } from './handlers/escrow';
import { onRequestCancelledVoids } from './handlers/cancel-voids';
import { onMilestoneAutoAccept, onMilestoneReported } from './handlers/auto-accept';
import { onMilestoneDecided } from './handlers/indicators';
import { requestAttendance } from './handlers/attendance-requests';
import { notifyComplaintDecided, notifyComplaintFiled } from './handlers/complaints';
import { onRequestsClosedThenScreen, rescreen } from './handlers/screens';

/**
 * Which handlers run for which event type. Each handler lives in `handlers/<name>.ts`; add one
 * line here per handler. Several handlers of one type run in order; each must be idempotent.
 * The registry is typed by the event catalogue: a handler listed under a type receives that
 * type's payload, so a handler under the wrong type does not compile.
 */
export const eventHandlers: EventHandlers = {
  'request.opened': [onRequestOpened, scheduleDeadline, notifyRequestOpened],
  'request.awarded': [onRequestAwardedEscrow, recordAwardActivity, notifyRequestAwarded, notifyBidsLost, rescreen],
  'request.cancelled': [cancelDeadline, onRequestCancelledVoids],
  'request.deadline_moved': [moveDeadlineSchedule],
  'request.deadline': [onDeadline],
  'request.standstill_started': [armStandstill, notifyRankingPublished],
  'request.standstill_ended': [onStandstillEnded],
  'complaint.filed': [notifyComplaintFiled],
  'complaint.decided': [notifyComplaintDecided, rescreen],
  'milestone.reported': [onMilestoneReported, requestAttendance, notifyMilestoneReported],
  'milestone.auto_accept': [onMilestoneAutoAccept],
  'milestone.decided': [onMilestoneDecided, recordDecisionActivity, notifyMilestoneDecided],
};

/** Event types handled a batch at a time (see `BatchHandler`). */
export const batchHandlers: BatchHandlers = {
  'request.closed': onRequestsClosedThenScreen,
};
